package cn.beian.review.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of the audit trail: who did what to a case or a submission, when, and at which case version. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "submission_id")
    public String submissionId;

    /**
     * OPENED, CLAIMED, RELEASED, LEASE_LAPSED, APPROVED, REJECTED, NOTED, CANCELLED, SUBMITTED, RECORDED_BY_HAND,
     * PERSONAL_DATA_READ (the claim holder read the case unmasked) …
     */
    @Column(nullable = false)
    public String action;

    @Column(name = "actor_id")
    public String actorId;

    @Column(name = "case_version")
    public Integer caseVersion;

    public String detail;

    @Column(nullable = false)
    public OffsetDateTime at;

    public static AuditEntry of(String orderId, UUID caseId, String action, String actorId, Integer caseVersion,
            String detail, OffsetDateTime at) {
        AuditEntry e = new AuditEntry();
        e.orderId = orderId;
        e.caseId = caseId;
        e.action = action;
        e.actorId = actorId;
        e.caseVersion = caseVersion;
        e.detail = detail;
        e.at = at;
        return e;
    }

    public AuditEntry withSubmission(String submissionId) {
        this.submissionId = submissionId;
        return this;
    }
}
