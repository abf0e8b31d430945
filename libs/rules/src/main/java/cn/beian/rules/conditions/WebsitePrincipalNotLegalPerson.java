package cn.beian.rules.conditions;

import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import java.util.Map;

/**
 * {@code WEBSITE_PRINCIPAL_NOT_LEGAL_PERSON}: the website's principal (the subject principal where the website says so)
 * is not the unit's legal person — compared by certificate number, else by name. Asked about the subject: for any
 * website. Unknown while the legal person or the principal is missing.
 */
final class WebsitePrincipalNotLegalPerson implements Condition {

    @Override
    public Boolean holds(Map<String, Object> params, OrderDocument order, Facts facts, Integer website) {
        if (order.subject() == null || order.subject().legalPerson() == null) {
            return null;
        }
        return Sites.any(order, website,
                w -> Tri.not(People.same(People.websitePrincipal(order, w), order.subject().legalPerson())));
    }
}
