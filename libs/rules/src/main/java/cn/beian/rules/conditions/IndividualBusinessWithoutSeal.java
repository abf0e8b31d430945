package cn.beian.rules.conditions;

import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import java.util.List;
import java.util.Map;

/**
 * {@code INDIVIDUAL_BUSINESS_WITHOUT_SEAL}: an individual business that says it has no official seal, the way the
 * filing system asks: one of {@code words} (default {@code 无公章}) in the subject's or a website's remarks. The
 * order has no field for the seal itself.
 */
final class IndividualBusinessWithoutSeal implements Condition {

    @Override
    public Boolean holds(Map<String, Object> params, OrderDocument order, Facts facts, Integer website) {
        Boolean is = IndividualBusiness.is(order.subject());
        if (!Boolean.TRUE.equals(is)) {
            return is;
        }
        List<String> words = Params.list(params, "words");
        List<String> w = words.isEmpty() ? List.of("无公章") : words;
        List<Texts.Where> remarks = List.of(Texts.Where.SUBJECT_REMARKS, Texts.Where.WEBSITE_REMARKS);
        if (Texts.containsAny(Texts.of(order, null, remarks), w)) {
            return true;
        }
        return Sites.any(order, null, site -> Texts.containsAny(Texts.of(order, site, remarks), w));
    }
}
