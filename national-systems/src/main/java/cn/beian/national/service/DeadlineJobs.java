package cn.beian.national.service;

import cn.beian.national.events.FeedNotifier;
import cn.beian.national.sms.OutgoingDispatcher;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Every few seconds: returns submissions whose SMS deadline passed, decides those whose review is due (on the movable
 * BeianClock, so {@code PUT /api/v1/admin/clock} drives it) and delivers pending messages. Each submission is handled
 * in its own transaction under a row lock, re-checking its state, so restarts and several replicas are safe.
 */
@ApplicationScoped
public class DeadlineJobs {

    private static final Logger LOG = Logger.getLogger(DeadlineJobs.class);
    private static final int BATCH = 50;

    private final SubmissionService service;
    private final FeedNotifier notifier;
    private final OutgoingDispatcher dispatcher;

    public DeadlineJobs(SubmissionService service, FeedNotifier notifier, OutgoingDispatcher dispatcher) {
        this.service = service;
        this.notifier = notifier;
        this.dispatcher = dispatcher;
    }

    @Scheduled(identity = "national-deadlines", every = "${beian.national.scheduler.every:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return service.due(BATCH).chain(due -> Multi.createFrom().iterable(due.smsOverdue())
                .onItem().transformToUniAndConcatenate(id -> guarded(service.returnIfSmsOverdue(id), id))
                .collect().asList()
                .chain(a -> Multi.createFrom().iterable(due.reviewDue())
                        .onItem().transformToUniAndConcatenate(id -> guarded(service.approveIfDue(id), id))
                        .collect().asList())
                .invoke(b -> {
                    if (!due.smsOverdue().isEmpty() || !due.reviewDue().isEmpty()) {
                        notifier.wake();
                    }
                    dispatcher.kick();
                }))
                .onFailure().invoke(e -> LOG.warnf("Deadline round failed, will retry: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static Uni<Boolean> guarded(Uni<Boolean> step, String id) {
        return step.onFailure().invoke(e -> LOG.warnf("Deadline step for %s failed, will retry: %s", id, e.toString()))
                .onFailure().recoverWithItem(false);
    }
}
