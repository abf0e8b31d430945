package cn.beian.review.service;

import static cn.beian.review.service.CaseGuards.conflict;
import static cn.beian.review.service.CaseGuards.requireLease;
import static cn.beian.review.service.CaseGuards.requireOpen;

import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.rest.ETags;
import cn.beian.review.domain.AuditEntry;
import cn.beian.review.domain.ChecklistAnswer;
import cn.beian.review.domain.ChecklistOutcome;
import cn.beian.review.domain.ReviewCase;
import cn.beian.review.repository.AuditRepository;
import cn.beian.review.repository.ChecklistAnswerRepository;
import cn.beian.review.repository.ReviewCaseRepository;
import cn.beian.rules.ReviewChecklist;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The claim holder ticks or fails an item of the case's checklist. An answer changes what an approval rests on (a
 * failed item calls for a second reviewer), so it is a write to the case like a claim: it needs the case's ETag as
 * {@code If-Match}, moves the case's version on, and is a line of the audit trail.
 */
@ApplicationScoped
public class ChecklistService {

    private final ReviewCaseRepository cases;
    private final ChecklistAnswerRepository answers;
    private final CaseChecklist checklist;
    private final AuditRepository audit;
    private final BeianClock clock;

    public ChecklistService(ReviewCaseRepository cases, ChecklistAnswerRepository answers, CaseChecklist checklist,
            AuditRepository audit, BeianClock clock) {
        this.cases = cases;
        this.answers = answers;
        this.checklist = checklist;
        this.audit = audit;
        this.clock = clock;
    }

    /** The case after the answer (its new version) and the item as now answered. */
    public record Answered(ReviewCase reviewCase, CaseChecklist.Line line) {
    }

    /**
     * Records {@code reviewerId}'s answer to {@code itemId}: 404 for an item not on the case's checklist; 409 unless the
     * case is open and the caller holds its live claim, or while an approval waits for a second reviewer (the
     * checklist it rests on is then fixed); 428/412 for a missing or stale {@code If-Match}; 400 for a failed item
     * without a reason.
     */
    @WithTransaction
    public Uni<Answered> answer(UUID caseId, String itemId, String reviewerId, String ifMatch, ChecklistOutcome outcome,
            String reason, boolean english) {
        OffsetDateTime now = clock.now();
        return cases.lock(caseId).map(CaseGuards::found).chain(c -> {
            requireOpen(c);
            requireLease(c, reviewerId, now);
            ETags.requireMatch(ifMatch, c.version);
            if (c.approvalRequestedBy != null) {
                throw conflict(c, "APPROVAL_REQUESTED", "detail.checklist-fixed-approval-requested",
                        c.approvalRequestedBy);
            }
            String why = reason == null || reason.isBlank() ? null : reason.strip();
            if (outcome == ChecklistOutcome.FAILED && why == null) {
                throw ProblemException.invalidFields(List.of(FieldViolation.of("reason", "REASON_REQUIRED",
                        "field.checklist-reason-required")));
            }
            return checklist.items(c, english).chain(items -> {
                ReviewChecklist.Item item = items.stream().filter(i -> i.id().equals(itemId)).findFirst()
                        .orElseThrow(() -> ProblemException.notFound("ChecklistItem"));
                return answers.of(c.id, itemId).chain(existing -> {
                    ChecklistAnswer a = existing == null ? new ChecklistAnswer() : existing;
                    a.caseId = c.id;
                    a.itemId = itemId;
                    a.outcome = outcome;
                    a.reason = why;
                    a.answeredBy = reviewerId;
                    a.answeredAt = now;
                    c.version++;
                    return answers.persist(a)
                            .chain(() -> audit.persist(AuditEntry.of(c.orderId, c.id, "CHECKLIST_" + outcome.name(),
                                    reviewerId, c.version, itemId + (why == null ? "" : ": " + why), now)))
                            .map(x -> new Answered(c, new CaseChecklist.Line(item.id(), item.text(), a)));
                });
            });
        });
    }
}
