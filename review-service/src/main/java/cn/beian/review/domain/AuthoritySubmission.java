package cn.beian.review.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One submission of an order's snapshot to the administration, and where it stands there. */
@Entity
@Table(name = "authority_submission")
public class AuthoritySubmission {

    public static final String PENDING = "PENDING";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String REFUSED = "REFUSED";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String RETURNED = "RETURNED";

    /** {@code <orderId>:<submissionCount>}: the idempotency key at the administration. */
    @Id
    @Column(name = "submission_id")
    public String submissionId;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "submission_no", nullable = false)
    public int submissionCount;

    /** The websites snapshot submitted, to name Beian's website ids next to the numbers issued. */
    @Column(name = "websites_version")
    public Long websitesVersion;

    @Column(nullable = false)
    public String status;

    /** REQUESTED, VERIFIED, FAILED: the SMS verification sub-status the administration reported. */
    @Column(name = "sms_status")
    public String smsStatus;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    /** {@code feed} or the staff account that recorded the outcome by hand. */
    @Column(name = "decided_by")
    public String decidedBy;

    public static String idOf(String orderId, int submissionCount) {
        return orderId + ":" + submissionCount;
    }

    public boolean decided() {
        return APPROVED.equals(status) || REJECTED.equals(status) || RETURNED.equals(status) || REFUSED.equals(status);
    }
}
