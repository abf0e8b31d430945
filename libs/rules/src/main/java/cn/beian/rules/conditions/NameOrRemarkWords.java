package cn.beian.rules.conditions;

import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import java.util.List;
import java.util.Map;

/**
 * {@code NAME_OR_REMARK_WORDS}: one of {@code words} appears in the texts named by {@code in} ({@code SUBJECT_NAME},
 * {@code SUBJECT_REMARKS}, {@code WEBSITE_NAME}, {@code WEBSITE_REMARKS}; default the website's name and remarks).
 * Asked about the subject: in any website. A missing text holds no word.
 */
final class NameOrRemarkWords implements Condition {

    @Override
    public Boolean holds(Map<String, Object> params, OrderDocument order, Facts facts, Integer website) {
        List<String> words = Params.list(params, "words");
        List<Texts.Where> in = Texts.where(Params.list(params, "in"),
                List.of(Texts.Where.WEBSITE_NAME, Texts.Where.WEBSITE_REMARKS));
        if (words.isEmpty()) {
            return false;
        }
        if (Texts.containsAny(Texts.of(order, null, in), words)) {
            return true;
        }
        return Sites.any(order, website, w -> Texts.containsAny(Texts.of(order, w, in), words));
    }
}
