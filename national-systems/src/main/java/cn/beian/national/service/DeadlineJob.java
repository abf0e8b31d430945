package cn.beian.national.service;

import cn.beian.national.repository.SubmissionRepository;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Returns submissions whose SMS deadline passed and decides those whose review is due, on the movable BeianClock (so
 * {@code PUT /api/v1/admin/clock} drives it). Each submission is handled in its own transaction under a row lock,
 * re-checking its state, so restarts and several replicas are safe.
 */
@ApplicationScoped
public class DeadlineJob {

    private static final Logger LOG = Logger.getLogger(DeadlineJob.class);
    private static final int BATCH = 50;

    private final SubmissionRepository submissions;
    private final SmsCodeVerification sms;
    private final SubmissionDecisions decisions;
    private final FeedNotifier notifier;
    private final OutgoingMessageJob outgoing;
    private final BeianClock clock;

    public DeadlineJob(SubmissionRepository submissions, SmsCodeVerification sms, SubmissionDecisions decisions,
            FeedNotifier notifier, OutgoingMessageJob outgoing, BeianClock clock) {
        this.submissions = submissions;
        this.sms = sms;
        this.decisions = decisions;
        this.notifier = notifier;
        this.outgoing = outgoing;
        this.clock = clock;
    }

    private record Due(List<String> smsOverdue, List<String> reviewDue) {
    }

    @Scheduled(identity = "national-deadlines", every = "${beian.national.scheduler.every:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> round() {
        return due().chain(due -> Multi.createFrom().iterable(due.smsOverdue())
                .onItem().transformToUniAndConcatenate(id -> guarded(sms.returnIfOverdue(id), id))
                .collect().asList()
                .chain(a -> Multi.createFrom().iterable(due.reviewDue())
                        .onItem().transformToUniAndConcatenate(id -> guarded(decisions.decideIfDue(id), id))
                        .collect().asList())
                .invoke(b -> {
                    if (!due.smsOverdue().isEmpty() || !due.reviewDue().isEmpty()) {
                        notifier.wake();
                        outgoing.kick(); // an approval queued its password's SMS and e-mail
                    }
                }))
                .onFailure().invoke(e -> LOG.warnf("Deadline round failed, will retry: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Due> due() {
        OffsetDateTime now = StoredTime.now(clock);
        return Panache.withSession(() -> submissions.smsOverdue(now, BATCH)
                .chain(sms -> submissions.reviewDue(now, BATCH).map(review -> new Due(sms, review))));
    }

    private static Uni<Boolean> guarded(Uni<Boolean> step, String id) {
        return step.onFailure().invoke(e -> LOG.warnf("Deadline step for %s failed, will retry: %s", id, e.toString()))
                .onFailure().recoverWithItem(false);
    }
}
