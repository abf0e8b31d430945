package cn.beian.rules.conditions;

import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import java.util.Map;

/**
 * {@code WEBSITE_PRINCIPAL_NOT_SUBJECT_PRINCIPAL}: the website names a principal of its own who is not the subject
 * principal. Asked about the subject: for any website. Unknown when the website neither says it shares the subject
 * principal nor names one.
 */
final class WebsitePrincipalNotSubjectPrincipal implements Condition {

    @Override
    public Boolean holds(Map<String, Object> params, OrderDocument order, Facts facts, Integer website) {
        return Sites.any(order, website, w -> {
            if (Boolean.TRUE.equals(w.principalSameAsSubject())) {
                return false;
            }
            if (w.principal() == null) {
                return null;
            }
            return Tri.not(People.same(w.principal(), order.subject() == null ? null : order.subject().principal()));
        });
    }
}
