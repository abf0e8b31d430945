package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.List;

/**
 * {@code NATURE_BY_NAME}: a kind of unit known by its name (law firms, schools) or by the nature or certificate the
 * applicant chose files with a given nature and certificate type. Triggers: {@code nameContains} (and none of
 * {@code nameLacks}), {@code whenNatures}, {@code whenCertificateTypes}. Exemptions: {@code unlessNatures},
 * {@code unlessCertificateTypes}. Expectations: {@code natures}, {@code certificateTypes} (either may be absent).
 */
final class NatureByName implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        OrderDocument.Subject s = order.subject();
        if (s == null) {
            return;
        }
        String nature = s.nature() == null ? null : s.nature().name();
        String type = s.certificateType() == null ? null : s.certificateType().name();
        boolean byName = UnitSubjects.containsAny(s.name(), rule.list("nameContains"))
                && !UnitSubjects.containsAny(s.name(), rule.list("nameLacks"));
        boolean triggered = byName || (nature != null && rule.list("whenNatures").contains(nature))
                || (type != null && rule.list("whenCertificateTypes").contains(type));
        if (!triggered || (nature != null && rule.list("unlessNatures").contains(nature))
                || (type != null && rule.list("unlessCertificateTypes").contains(type))) {
            return;
        }
        List<String> natures = rule.list("natures");
        if (nature != null && !natures.isEmpty() && !natures.contains(nature)) {
            out.fail("subject.nature");
        }
        List<String> types = rule.list("certificateTypes");
        if (type != null && !types.isEmpty() && !types.contains(type)) {
            out.fail("subject.certificateType");
        }
    }
}
