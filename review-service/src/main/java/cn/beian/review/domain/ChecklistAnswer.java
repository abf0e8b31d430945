package cn.beian.review.domain;

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

/**
 * The current answer to one item of a case's checklist ({@code cn.beian.rules.ReviewChecklist}, by the item's
 * catalogue id). A changed answer replaces it; the audit trail keeps every answer given.
 */
@Entity
@Table(name = "checklist_answer")
public class ChecklistAnswer {

    /** The longest reason a failed item may carry, in characters (the column's bound). */
    public static final int REASON_MAX = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "item_id", nullable = false)
    public String itemId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChecklistOutcome outcome;

    /** Why it failed; the reviewer may note something on a ticked item too. */
    public String reason;

    @Column(name = "answered_by", nullable = false)
    public String answeredBy;

    @Column(name = "answered_at", nullable = false)
    public OffsetDateTime answeredAt;
}
