package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Person;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.Map;

/**
 * {@code WEBSITE_PRINCIPAL_DIFFERS}: each website's principal is another person than the subject principal (by
 * certificate number, or the website declares the subject principal as its own). Parameter {@code unlessLegalPerson}
 * (default {@code false}): the same person may be both when that person is the unit's legal person (who may verify in
 * person for both roles).
 */
final class WebsitePrincipalDiffers implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        OrderDocument.Subject s = order.subject();
        if (s == null || s.principal() == null) {
            return;
        }
        boolean legalPersonMay = rule.flag("unlessLegalPerson");
        Person principal = s.principal();
        if (legalPersonMay && Holders.samePerson(principal, s.legalPerson())) {
            return;
        }
        for (int i = 0; i < order.websites().size(); i++) {
            OrderDocument.Website w = order.websites().get(i);
            if (w == null) {
                continue;
            }
            if (Boolean.TRUE.equals(w.principalSameAsSubject())) {
                out.fail("websites[" + i + "].principalSameAsSubject", Map.of());
            } else if (Holders.samePerson(principal, w.principal())) {
                out.fail("websites[" + i + "].principal.certificateNumber", Map.of());
            }
        }
    }
}
