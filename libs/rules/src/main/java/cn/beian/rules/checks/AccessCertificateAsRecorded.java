package cn.beian.rules.checks;

import cn.beian.contract.privacy.Masking;
import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.Verdicts;
import java.util.Map;

/**
 * {@code ACCESS_CERTIFICATE_AS_RECORDED}: the subject's certificate number is the one on record
 * ({@link Facts#recordedSubject()}), e.g. the old registration number rather than a renewed three-in-one code. The
 * record not known: undetermined.
 */
final class AccessCertificateAsRecorded implements Check {

    @Override
    public void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out) {
        OrderDocument.Subject s = order.subject();
        if (s == null || UnitSubjects.blank(s.certificateNumber())) {
            return;
        }
        OrderDocument.Subject recorded = facts.recordedSubject();
        if (recorded == null || UnitSubjects.blank(recorded.certificateNumber())) {
            out.undetermined("subject.certificateNumber",
                    "备案主体证件未知 / the certificate on record is not known");
            return;
        }
        if (!UnitSubjects.norm(s.certificateNumber()).equals(UnitSubjects.norm(recorded.certificateNumber()))) {
            out.fail("subject.certificateNumber", Map.of("recorded",
                    Masking.certificateNumber(recorded.certificateNumber().strip())));
        }
    }
}
