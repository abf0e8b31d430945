package cn.beian.review.domain;

import cn.beian.contract.events.review.ReviewKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A rejection of an order as its applicant reads it: by a provider reviewer or by the administration. */
@Entity
@Table(name = "rejection")
public class Rejection {

    public enum Source {
        REVIEWER,
        AUTHORITY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    /** INITIAL, PHOTO, RE_REVIEW for reviewers; AUTHORITY_REJECTED or AUTHORITY_RETURNED for the administration. */
    @Column(nullable = false)
    public String kind;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "submission_id")
    public String submissionId;

    /** JSON array of {@code RejectionReason}. */
    @Column(nullable = false)
    public String reasons;

    @Column(nullable = false)
    public OffsetDateTime at;

    public static Rejection byReviewer(String orderId, ReviewKind kind, UUID caseId, String reasons, OffsetDateTime at) {
        Rejection r = new Rejection();
        r.orderId = orderId;
        r.source = Source.REVIEWER;
        r.kind = kind.name();
        r.caseId = caseId;
        r.reasons = reasons;
        r.at = at;
        return r;
    }
}
