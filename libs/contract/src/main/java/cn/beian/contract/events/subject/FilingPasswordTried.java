package cn.beian.contract.events.subject;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.events.EventPayload;
import java.time.OffsetDateTime;

/**
 * An account other than the subject's owner tried the subject's filing password here (issue 17 §4), so that the
 * owner can be told. Keyed by the owner's subject. Published at most once per subject per notice interval
 * (subject-service's {@code beian.filing-password.notice-interval}, 1 h): {@code triesSinceLastNotice} counts the
 * tries by other accounts that this notice covers. No password, no full certificate number, nothing about the
 * account that tried.
 *
 * @param certificateNumberMasked e.g. {@code 110101********0011}
 * @param outcome                 of the try that triggered the notice: {@code WRONG}, {@code MATCH} or
 *                                {@code REFUSED} (Beian's limit stopped it before the administration was asked)
 */
public record FilingPasswordTried(
        String subjectId,
        String accountId,
        CertificateType certificateType,
        String certificateNumberMasked,
        String outcome,
        int triesSinceLastNotice,
        OffsetDateTime triedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return subjectId;
    }
}
