package cn.beian.notification.service;

import cn.beian.notification.config.NotificationConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Police-reminder rounds every {@code beian.notification.police.interval} (10 s) in every replica, reading the movable
 * clock; replicas share due rows through row locks. {@code POST /api/v1/admin/notification-jobs/run} runs one at once.
 */
@ApplicationScoped
public class PoliceReminderJob {

    private static final Logger LOG = Logger.getLogger(PoliceReminderJob.class);
    private static final int MAX_PER_ROUND = 500;

    private final PoliceReminderService reminders;
    private final DeliveryDispatcher dispatcher;
    private final NotificationConfig config;

    public PoliceReminderJob(PoliceReminderService reminders, DeliveryDispatcher dispatcher,
            NotificationConfig config) {
        this.reminders = reminders;
        this.dispatcher = dispatcher;
        this.config = config;
    }

    @Scheduled(identity = "notification-service-police-reminder",
            every = "${beian.notification.police.interval:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRound() {
        if (!config.police().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return runRound().onFailure().recoverWithItem(e -> {
            LOG.warnf("Police reminder round failed, will retry: %s", e.toString());
            return 0;
        }).replaceWithVoid();
    }

    /** Handles every due reminder (each in its own transaction); answers how many. */
    public Uni<Integer> runRound() {
        return step(ConcurrentHashMap.newKeySet(), 0).invoke(n -> {
            if (n > 0) {
                LOG.infof("Police reminders: %d handled", n);
                dispatcher.wake();
            }
        });
    }

    private Uni<Integer> step(Set<String> seen, int done) {
        if (seen.size() >= MAX_PER_ROUND) {
            return Uni.createFrom().item(done);
        }
        int before = seen.size();
        return reminders.processNext(seen)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("A police reminder failed, left for the next round: %s", e.toString());
                    return false;
                })
                .chain(handled -> handled ? step(seen, done + 1)
                        : seen.size() > before ? step(seen, done) : Uni.createFrom().item(done));
    }
}
