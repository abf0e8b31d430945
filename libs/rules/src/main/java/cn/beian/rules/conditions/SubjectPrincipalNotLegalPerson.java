package cn.beian.rules.conditions;

import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import java.util.Map;

/**
 * {@code SUBJECT_PRINCIPAL_NOT_LEGAL_PERSON}: the unit's principal is not its legal person (by certificate number, else
 * name). Unknown while either is missing.
 */
final class SubjectPrincipalNotLegalPerson implements Condition {

    @Override
    public Boolean holds(Map<String, Object> params, OrderDocument order, Facts facts, Integer website) {
        if (order.subject() == null) {
            return null;
        }
        return Tri.not(People.same(order.subject().principal(), order.subject().legalPerson()));
    }
}
