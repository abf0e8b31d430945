package cn.beian.review.domain;

import cn.beian.contract.events.review.ReviewKind;
import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.EntityResult;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One review (initial, photo or re-review) of one submission of an order. */
@Entity
@Table(name = "review_case")
@SqlResultSetMapping(name = ReviewCase.CLAIMED_MAPPING, entities = @EntityResult(entityClass = ReviewCase.class),
        columns = {@ColumnResult(name = "previous_claimed_by", type = String.class),
                @ColumnResult(name = "previous_lease_until", type = OffsetDateTime.class)})
public class ReviewCase {

    /** A claimed case with the lease it replaced: the row {@code ReviewCaseRepository.CLAIM_NEXT} answers. */
    public static final String CLAIMED_MAPPING = "claimed-case";

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewKind kind;

    @Column(name = "submission_no", nullable = false)
    public int submissionCount;

    @Column(name = "websites_version")
    public Long websitesVersion;

    @Column(name = "materials_version")
    public Long materialsVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    /** Changes on opening, claim and release: a decision must name the version its reviewer saw. */
    @Column(nullable = false)
    public int version;

    /** When the order was submitted (or the photo), which starts the SLA. */
    @Column(name = "opened_at", nullable = false)
    public OffsetDateTime openedAt;

    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    /** The rejection reasons as JSON, where rejected. */
    public String reasons;

    /**
     * Four-eyes: the reviewer whose approval waits for a second, different reviewer's (the case had a blocking
     * finding or a failed checklist item); null while no approval is pending.
     */
    @Column(name = "approval_requested_by")
    public String approvalRequestedBy;

    @Column(name = "approval_requested_at")
    public OffsetDateTime approvalRequestedAt;

    /** Whether {@code reviewerId} holds a lease that has not lapsed at {@code now}. */
    public boolean leasedTo(String reviewerId, OffsetDateTime now) {
        return reviewerId.equals(claimedBy) && leaseUntil != null && leaseUntil.isAfter(now);
    }

    public boolean leaseActive(OffsetDateTime now) {
        return claimedBy != null && leaseUntil != null && leaseUntil.isAfter(now);
    }
}
