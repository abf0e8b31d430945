package cn.beian.subject.domain;

import cn.beian.contract.domain.Province;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 备案订单: one application of one filing type, for the account's subject. */
@Entity
@Table(name = "filing_order")
public class FilingOrder {

    /** How long an order may wait on the applicant in one step (docs/domain.md §3). */
    public static final Duration VALIDITY = Duration.ofDays(45);

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FilingType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Province province;

    /** Back in initial review after an authority rejection (a re-review, due within 1 business day). */
    @Column(nullable = false)
    public boolean rereview;

    /** The curtain photo was approved and still holds. */
    @Column(name = "photo_approved", nullable = false)
    public boolean photoApproved;

    /** website-service's version of this order's websites judged complete; {@code null} until then. */
    @Column(name = "websites_ready_version")
    public Long websitesReadyVersion;

    /** materials-service's version of this order's materials judged complete; {@code null} until then. */
    @Column(name = "materials_ready_version")
    public Long materialsReadyVersion;

    /** When the national system confirmed the filing password for this order; never the password itself. */
    @Column(name = "filing_password_verified_at")
    public OffsetDateTime filingPasswordVerifiedAt;

    /** The account's e-mail from its token when the order was opened or last submitted (for notifications). */
    @Column(name = "account_email")
    public String accountEmail;

    /** 1 after the first submission, +1 per resubmission: the version of the subject snapshot frozen each time. */
    @Column(name = "submission_count", nullable = false)
    public int submissionCount;

    /** When the order entered its current state: where its idle days, expiry and deadlines count from. */
    @Column(name = "state_entered_at", nullable = false)
    public OffsetDateTime stateSince;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** Zhejiang orders never expire (docs/domain.md §3). */
    public boolean expiryExempt() {
        return province == Province.ZHEJIANG;
    }

    public OrderStateMachine.Context context() {
        return new OrderStateMachine.Context(type, rereview, photoApproved, expiryExempt());
    }

    /** When the current step expires, or {@code null} where it does not. */
    public OffsetDateTime expiresAt() {
        return state.expires() && !expiryExempt() ? stateSince.plus(VALIDITY) : null;
    }
}
