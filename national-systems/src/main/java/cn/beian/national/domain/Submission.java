package cn.beian.national.domain;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.national.client.SubmissionStatus;
import cn.beian.national.client.SubmissionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** An order snapshot the provider submitted, and where it stands. */
@Entity
@Table(name = "submission")
public class Submission {

    /** The provider's submission id (its idempotency key). */
    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubmissionType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Province province;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubmissionStatus status;

    /** SHA-256 of the canonical request body: a replay with another body under the same id is refused. */
    @Column(name = "body_hash", nullable = false)
    public String bodyHash;

    /** The request as received (JSON). */
    @Column(nullable = false)
    public String snapshot;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_certificate_type", nullable = false)
    public CertificateType subjectCertificateType;

    @Column(name = "subject_certificate_number", nullable = false)
    public String subjectCertificateNumber;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Column(name = "sms_deadline")
    public OffsetDateTime smsDeadline;

    @Column(name = "sms_wrong_codes", nullable = false)
    public int smsWrongCodes;

    @Column(name = "review_due_at")
    public OffsetDateTime reviewDueAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    /** JSON of the issued numbers, once approved. */
    public String outcome;

    /** JSON list of reasons, once rejected or returned. */
    public String reasons;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
