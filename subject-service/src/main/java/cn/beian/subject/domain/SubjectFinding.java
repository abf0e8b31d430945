package cn.beian.subject.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a check of an approved subject found that needs a change filing (变更备案): open from when it was raised until
 * the subject no longer shows it. One open finding per subject and kind.
 */
@Entity
@Table(name = "subject_finding")
public class SubjectFinding {

    /** The subject principal's certificate is past its validity. */
    public static final String PRINCIPAL_CERTIFICATE_EXPIRED = "PRINCIPAL_CERTIFICATE_EXPIRED";

    /**
     * The subject principal's mobile no longer receives SMS (the SMS provider's delivery reports, notification-service's
     * {@code mobile.undeliverable.v1}): a change filing gives another mobile, or the account confirms it again.
     */
    public static final String MOBILE_UNDELIVERABLE = "MOBILE_UNDELIVERABLE";

    @Id
    public UUID id;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(nullable = false)
    public String kind;

    /** The subject's field it is about, as a JSON path ({@code principal.certificateValidUntil}). */
    @Column(name = "field_key", nullable = false)
    public String fieldKey;

    /** The last day the certificate was valid (certificate findings only). */
    @Column(name = "valid_until")
    public LocalDate validUntil;

    /** For {@link #MOBILE_UNDELIVERABLE}: the key of the mobile found undeliverable ({@code Phones.mobileKey}). */
    @Column(name = "mobile_key")
    public String mobileKey;

    @Column(name = "raised_at", nullable = false)
    public OffsetDateTime raisedAt;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;
}
