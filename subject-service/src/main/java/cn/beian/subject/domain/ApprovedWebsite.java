package cn.beian.subject.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A website the administration approved through this provider, as subject-service learned it from the approvals
 * (docs/domain.md §3.3): what a cancel-access or deregister-website order may name, and what a subject
 * deregistration revokes. website-service keeps the full record of the same website (its content, the access policy).
 */
@Entity
@Table(name = "approved_website")
public class ApprovedWebsite {

    public enum Status {
        /** Filed and served here. */
        ACTIVE,
        /** Access cancelled (取消接入): the number stays valid at the administration, the site is not served here. */
        ACCESS_CANCELLED,
        /** The number was revoked (注销网站, 注销主体). */
        DEREGISTERED
    }

    @Id
    @Column(name = "website_filing_number")
    public String websiteFilingNumber;

    /** Beian's website id, as the first approval named it (website-service's filed-website id). */
    @Column(nullable = false)
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(nullable = false)
    public String name;

    /** JSON list of the website's domains as approved. */
    @Column(nullable = false)
    public String domains;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "approved_at", nullable = false)
    public OffsetDateTime approvedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "closed_by_order")
    public UUID closedByOrder;
}
