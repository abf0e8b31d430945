package cn.beian.national.service;

import cn.beian.national.client.FeedEntryType;
import cn.beian.national.client.Reason;
import cn.beian.national.client.SubmissionRequest;
import cn.beian.national.client.SubmissionStatus;
import cn.beian.national.client.SubmissionView;
import cn.beian.national.domain.Submission;
import cn.beian.national.repository.SmsChallengeRepository;
import cn.beian.national.repository.SubmissionRepository;
import cn.beian.platform.json.Json;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.time.BeianClock;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The authority's decision on a submission under review: when its review is due, or at once by an operator (tests and
 * demos). The registry is checked again first; an approval is written into the registry, and the decision and its feed
 * entry commit together.
 */
@ApplicationScoped
public class SubmissionDecisions {

    private static final Logger LOG = Logger.getLogger(SubmissionDecisions.class);

    private final SubmissionRepository submissions;
    private final SmsChallengeRepository challenges;
    private final SubmissionRules rules;
    private final RegistryWriter registry;
    private final FeedWriter feed;
    private final BeianClock clock;
    private final Json json;

    public SubmissionDecisions(SubmissionRepository submissions, SmsChallengeRepository challenges,
            SubmissionRules rules, RegistryWriter registry, FeedWriter feed, BeianClock clock, Json json) {
        this.submissions = submissions;
        this.challenges = challenges;
        this.rules = rules;
        this.registry = registry;
        this.feed = feed;
        this.clock = clock;
        this.json = json;
    }

    /** Decides a submission whose review is due (safe to repeat, any replica). */
    @WithTransaction
    public Uni<Boolean> decideIfDue(String id) {
        OffsetDateTime now = StoredTime.now(clock);
        return submissions.lock(id).chain(s -> {
            if (s == null || s.status != SubmissionStatus.UNDER_REVIEW || s.reviewDueAt.isAfter(now)) {
                return Uni.createFrom().item(false);
            }
            return decide(s, now).replaceWith(true);
        });
    }

    /**
     * The authority approves now (tests and demos; a conflict found on re-checking rejects): 409 unless under
     * review.
     */
    @WithTransaction
    public Uni<SubmissionView> approveNow(String id) {
        OffsetDateTime now = StoredTime.now(clock);
        return lockOrFail(id).chain(s -> {
            if (s.status != SubmissionStatus.UNDER_REVIEW) {
                return Uni.createFrom().failure(notOpen(s, List.of("reject")));
            }
            return decide(s, now).chain(() -> view(s));
        });
    }

    /** The authority rejects now with reasons (tests and demos): 409 unless open. */
    @WithTransaction
    public Uni<SubmissionView> rejectNow(String id, List<Reason> reasons) {
        OffsetDateTime now = StoredTime.now(clock);
        return lockOrFail(id).chain(s -> {
            if (!s.status.isOpen()) {
                return Uni.createFrom().failure(notOpen(s, List.of()));
            }
            return reject(s, reasons, now).chain(() -> view(s));
        });
    }

    private Uni<Submission> lockOrFail(String id) {
        return submissions.lock(id).onItem().ifNull()
                .failWith(() -> ProblemException.localized(ProblemType.NOT_FOUND, "detail.submission-not-found", id));
    }

    private Uni<SubmissionView> view(Submission s) {
        return challenges.bySubmission(s.id).map(cs -> Views.submission(s, cs, json));
    }

    private static ProblemException notOpen(Submission s, List<String> allowed) {
        return ProblemException.localized(ProblemType.CONFLICT, "detail.submission-not-open", s.id,
                        String.valueOf(s.status))
                .with("currentState", s.status).with("allowedActions", allowed);
    }

    private Uni<Void> reject(Submission s, List<Reason> reasons, OffsetDateTime now) {
        s.status = SubmissionStatus.REJECTED;
        s.decidedAt = now;
        s.updatedAt = now;
        s.reasons = json.write(reasons);
        LOG.infof("Submission %s rejected: %s", s.id, reasons.stream().map(Reason::code).toList());
        return feed.append(s, FeedEntryType.REJECTED, now, null, reasons, null);
    }

    /**
     * The registry is checked again (it may have changed since the submission): a conflict now rejects with those
     * reasons, else the approval is written into the registry.
     */
    private Uni<Void> decide(Submission s, OffsetDateTime now) {
        SubmissionRequest r = json.read(s.snapshot, new TypeReference<>() {
        });
        return rules.conflicts(r, s.id).chain(check -> {
            if (!check.errors.isEmpty()) {
                return reject(s, check.errors.stream()
                        .map(e -> new Reason(e.code(), e.message(), e.field())).toList(), now);
            }
            return registry.apply(r, check, now).chain(numbers -> {
                s.status = SubmissionStatus.APPROVED;
                s.decidedAt = now;
                s.updatedAt = now;
                s.outcome = json.write(numbers);
                LOG.infof("Submission %s approved: %s", s.id, numbers.subjectFilingNumber());
                return feed.append(s, FeedEntryType.APPROVED, now, numbers, null, null);
            });
        });
    }
}
