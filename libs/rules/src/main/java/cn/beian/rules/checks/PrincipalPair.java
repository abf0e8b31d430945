package cn.beian.rules.checks;

import cn.beian.contract.privacy.Masking;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Person;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.Map;

/**
 * {@code PRINCIPAL_PAIR}: when the subject principal is not the legal person, each website's principal must be the
 * subject principal ({@code websitePrincipal: SAME}, default) or someone else ({@code DIFFERENT}). A subject
 * principal who is the legal person passes; no legal person given: undetermined.
 */
final class PrincipalPair implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        OrderDocument.Subject s = order.subject();
        if (s == null || s.principal() == null || UnitSubjects.blank(s.principal().name())) {
            return;
        }
        Person sp = s.principal();
        if (s.legalPerson() == null || UnitSubjects.blank(s.legalPerson().name())) {
            out.undetermined("subject.legalPerson", "法人信息未填写 / the legal person is not given");
            return;
        }
        if (!Boolean.FALSE.equals(UnitSubjects.samePerson(sp, s.legalPerson()))) {
            return;
        }
        boolean wantSame = !"DIFFERENT".equals(rule.text("websitePrincipal", "SAME"));
        for (int i = 0; i < order.websites().size(); i++) {
            OrderDocument.Website w = order.websites().get(i);
            if (w == null) {
                continue;
            }
            Person wp = Boolean.TRUE.equals(w.principalSameAsSubject()) ? sp : w.principal();
            Boolean same = UnitSubjects.samePerson(wp, sp);
            if (same != null && same != wantSame) {
                out.fail("websites[" + i + "].principal", Map.of("principal", Masking.personName(sp.name())));
            }
        }
    }
}
