package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.List;

/**
 * {@code CERTIFICATE_TYPE_FOR_NATURE}: a unit files with the certificate type its nature calls for. Parameters:
 * {@code types}: nature → the certificate types allowed ({@code OTHER}: every unit nature not named; a nature
 * neither named nor covered by {@code OTHER} is not judged); {@code unlessNameContains}: units whose name contains
 * one of these words are left to another rule.
 */
final class CertificateTypeForNature implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        OrderDocument.Subject s = order.subject();
        if (s == null || s.nature() == null || !s.nature().isUnit() || s.certificateType() == null) {
            return;
        }
        if (UnitSubjects.containsAny(s.name(), rule.list("unlessNameContains"))) {
            return;
        }
        List<String> allowed = UnitSubjects.forNature(UnitSubjects.map(rule, "types"), s.nature());
        if (allowed != null && !allowed.contains(s.certificateType().name())) {
            out.fail("subject.certificateType");
        }
    }
}
