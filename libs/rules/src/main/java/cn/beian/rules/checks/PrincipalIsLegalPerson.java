package cn.beian.rules.checks;

import cn.beian.contract.privacy.Masking;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Person;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.List;
import java.util.Map;

/**
 * {@code PRINCIPAL_IS_LEGAL_PERSON}: the principal is the unit's legal person (same name, certificate type and
 * number). Parameters: {@code who} ({@code SUBJECT_PRINCIPAL}, default, or {@code ALL_PRINCIPALS}: the website
 * principals too); {@code nameContains}: only units whose name contains one of these words;
 * {@code foreignLegalPersonMayDelegate}: a foreign legal person may name a Chinese national instead (another rule
 * judges that). No legal person given: undetermined.
 */
final class PrincipalIsLegalPerson implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        OrderDocument.Subject s = order.subject();
        if (s == null) {
            return;
        }
        List<String> words = rule.list("nameContains");
        if (!words.isEmpty() && !UnitSubjects.containsAny(s.name(), words)) {
            return;
        }
        Person legal = s.legalPerson();
        if (rule.flag("foreignLegalPersonMayDelegate") && UnitSubjects.isForeign(legal)) {
            return;
        }
        List<Principals.Named> principals = Principals.of(order,
                Principals.Who.valueOf(rule.text("who", "SUBJECT_PRINCIPAL")));
        if (principals.isEmpty()) {
            return;
        }
        if (legal == null || UnitSubjects.blank(legal.name())) {
            out.undetermined("subject.legalPerson", "法人信息未填写 / the legal person is not given");
            return;
        }
        for (Principals.Named p : principals) {
            if (Boolean.FALSE.equals(UnitSubjects.samePerson(p.person(), legal))) {
                out.fail(p.key(), Map.of("principal", Masking.personName(p.person().name()),
                        "legalPerson", Masking.personName(legal.name())));
            }
        }
    }
}
