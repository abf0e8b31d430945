package cn.beian.contract.events.subject;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.events.EventPayload;
import java.time.OffsetDateTime;

/**
 * An account registered its filing subject (主体). Keyed by the subject: it belongs to no order yet.
 *
 * @param certificateNumberMasked masked, e.g. {@code 110101********0011}; the full number stays in subject-service
 * @param principal               the subject principal's contact, which notifications need
 */
public record SubjectCreated(
        String subjectId,
        String accountId,
        SubjectNature nature,
        Province province,
        String name,
        CertificateType certificateType,
        String certificateNumberMasked,
        Contact principal,
        OffsetDateTime createdAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return subjectId;
    }

    /** A person to reach by SMS and e-mail. */
    public record Contact(String name, String mobile, String email) {
    }
}
