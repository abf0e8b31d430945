package cn.beian.review.service;

import cn.beian.national.client.FeedEntry;
import cn.beian.national.client.FeedEntryType;
import cn.beian.national.client.IssuedNumbers;
import cn.beian.national.client.Reason;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.review.domain.AuditEntry;
import cn.beian.review.domain.AuthoritySubmission;
import cn.beian.review.repository.AuditRepository;
import cn.beian.review.repository.SubmissionRepository;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Outcomes staff record by hand (administrations reached only through their web portal): the same effect as the
 * feed's entry, plus an audit entry naming them.
 */
@ApplicationScoped
public class ManualOutcomes {

    private final AuthorityOutcomes outcomes;
    private final SubmissionRepository submissions;
    private final AuditRepository audit;
    private final BeianClock clock;

    public ManualOutcomes(AuthorityOutcomes outcomes, SubmissionRepository submissions, AuditRepository audit,
            BeianClock clock) {
        this.outcomes = outcomes;
        this.submissions = submissions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * An outcome as staff enter it: an approval names the subject's number (and the websites' with their domains), a
     * rejection at least one reason.
     */
    public record Outcome(FeedEntryType type, String subjectFilingNumber, List<IssuedNumbers.Website> websites,
            List<Reason> reasons) {
    }

    @WithTransaction
    public Uni<AuthoritySubmission> record(String submissionId, Outcome outcome, String staffId) {
        if (outcome.type() == FeedEntryType.APPROVED
                && (outcome.subjectFilingNumber() == null || outcome.subjectFilingNumber().isBlank())) {
            throw ProblemException.invalidFields(List.of(FieldViolation.of("subjectFilingNumber", "NOT_BLANK",
                    "field.approval-subject-number-required")));
        }
        if (outcome.type() == FeedEntryType.REJECTED && (outcome.reasons() == null || outcome.reasons().isEmpty())) {
            throw ProblemException.invalidFields(List.of(FieldViolation.of("reasons", "REASONS_REQUIRED",
                    "field.rejection-reasons-required")));
        }
        IssuedNumbers numbers = outcome.type() != FeedEntryType.APPROVED ? null
                : new IssuedNumbers(outcome.subjectFilingNumber(),
                        outcome.websites() == null ? List.of() : outcome.websites(), false);
        FeedEntry entry = new FeedEntry(0, submissionId, outcome.type(), null, null, clock.now(), numbers,
                outcome.reasons(), null);
        return record(entry, staffId);
    }

    private Uni<AuthoritySubmission> record(FeedEntry entry, String staffId) {
        // Lock first: the outcome's own lock then finds the row already held.
        return submissions.lock(entry.submissionId()).chain(s -> {
            if (s == null) {
                throw ProblemException.notFound("Submission");
            }
            return outcomes.apply(entry, staffId).chain(refused -> {
                if (refused.isPresent()) {
                    throw ProblemException.localized(ProblemType.CONFLICT, refused.get().key(), refused.get().args())
                            .with("currentStatus", s.status);
                }
                return audit.persist(AuditEntry.of(s.orderId, null, "RECORDED_BY_HAND", staffId, null,
                        entry.type() == FeedEntryType.APPROVED ? entry.outcome().subjectFilingNumber()
                                : String.valueOf(entry.type()), entry.occurredAt()).withSubmission(s.submissionId))
                        .chain(() -> submissions.findById(s.submissionId));
            });
        });
    }
}
