package cn.beian.rules.checks;

import cn.beian.contract.domain.ServiceContent;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.Map;

/**
 * {@code CONTENT_REMARK}: each website's remark describes what the site will carry once open. The machine part is
 * presence and a minimum length; whether the description is adequate is the reviewer's. Parameters:
 * {@code minLength} (characters without blanks, default 10), {@code minLengthWhenOther} (when the service content is
 * {@link ServiceContent#OTHER}, default {@code minLength}), and the remark parameters of {@link WhichRemark}.
 * Arguments: {@code {min}}, {@code {length}}.
 */
final class ContentRemark implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        int min = rule.integer("minLength", 10);
        int minOther = rule.integer("minLengthWhenOther", min);
        for (int i = 0; i < order.websites().size(); i++) {
            OrderDocument.Website w = order.websites().get(i);
            int need = w.serviceContent() == ServiceContent.OTHER ? minOther : min;
            WhichRemark.judge(rule, order, i, text -> length(text) >= need,
                    text -> Map.of("min", String.valueOf(need), "length", String.valueOf(length(text))), out);
        }
    }

    private static int length(String text) {
        String c = WhichRemark.compact(text);
        return c.codePointCount(0, c.length());
    }
}
