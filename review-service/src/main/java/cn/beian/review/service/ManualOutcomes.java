package cn.beian.review.service;

import cn.beian.national.client.FeedEntry;
import cn.beian.national.client.FeedEntryType;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.review.domain.AuditEntry;
import cn.beian.review.domain.AuthoritySubmission;
import cn.beian.review.repository.AuditRepository;
import cn.beian.review.repository.SubmissionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Outcomes staff record by hand: the same effect as the feed's entry, plus an audit entry naming them. */
@ApplicationScoped
public class ManualOutcomes {

    private final AuthorityOutcomes outcomes;
    private final SubmissionRepository submissions;
    private final AuditRepository audit;

    public ManualOutcomes(AuthorityOutcomes outcomes, SubmissionRepository submissions, AuditRepository audit) {
        this.outcomes = outcomes;
        this.submissions = submissions;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<AuthoritySubmission> record(FeedEntry entry, String staffId) {
        // Lock first: the outcome's own lock then finds the row already held.
        return submissions.lock(entry.submissionId()).chain(s -> {
            if (s == null) {
                throw ProblemException.notFound("Submission");
            }
            return outcomes.apply(entry, staffId).chain(refused -> {
                if (refused.isPresent()) {
                    throw new ProblemException(ProblemType.CONFLICT, refused.get()).with("currentStatus", s.status);
                }
                return audit.persist(AuditEntry.of(s.orderId, null, "RECORDED_BY_HAND", staffId, null,
                        entry.type() == FeedEntryType.APPROVED ? entry.outcome().subjectFilingNumber()
                                : String.valueOf(entry.type()), entry.occurredAt()).withSubmission(s.submissionId))
                        .chain(() -> submissions.findById(s.submissionId));
            });
        });
    }
}
