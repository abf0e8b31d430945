package cn.beian.rules.conditions;

import cn.beian.contract.domain.SubjectNature;
import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Subject;
import java.util.Map;

/**
 * {@code INDIVIDUAL_BUSINESS}: the subject is an individual business (个体工商户), filed as a person or a unit;
 * {@code tradeName}: {@code WITH} / {@code WITHOUT} a trade name (blank or {@code *}), or {@code ANY} (default).
 */
final class IndividualBusiness implements Condition {

    @Override
    public Boolean holds(Map<String, Object> params, OrderDocument order, Facts facts, Integer website) {
        Boolean is = is(order.subject());
        if (!Boolean.TRUE.equals(is)) {
            return is;
        }
        String t = order.subject().tradeName();
        boolean without = t == null || t.isBlank() || "*".equals(t.strip());
        return switch (Params.text(params, "tradeName", "ANY")) {
            case "WITH" -> !without;
            case "WITHOUT" -> without;
            default -> true;
        };
    }

    static Boolean is(Subject s) {
        if (s == null) {
            return null;
        }
        if (Boolean.TRUE.equals(s.individualBusiness()) || s.nature() == SubjectNature.INDIVIDUAL_BUSINESS) {
            return true;
        }
        if (Boolean.FALSE.equals(s.individualBusiness())) {
            return false;
        }
        return s.nature() == null ? null : false;
    }
}
