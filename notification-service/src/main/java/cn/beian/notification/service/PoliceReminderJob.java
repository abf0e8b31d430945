package cn.beian.notification.service;

import cn.beian.notification.config.NotificationConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs police-reminder rounds every {@code beian.notification.police.interval} in every replica, reading the
 * movable clock; rounds share due rows through row locks. {@code POST /api/v1/admin/notification-jobs/run} runs
 * one at once.
 */
@ApplicationScoped
public class PoliceReminderJob {

    private static final Logger LOG = Logger.getLogger(PoliceReminderJob.class);
    private static final int MAX_PER_ROUND = 500;

    private final PoliceReminderService reminders;
    private final DeliveryDispatcher dispatcher;
    private final NotificationConfig config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timer = -1;

    public PoliceReminderJob(PoliceReminderService reminders, DeliveryDispatcher dispatcher, NotificationConfig config,
            Vertx vertx) {
        this.reminders = reminders;
        this.dispatcher = dispatcher;
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.police().enabled()) {
            timer = vertx.setPeriodic(config.police().interval().toMillis(), id -> tick());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(v -> runRound().subscribe().with(
                n -> running.set(false),
                e -> {
                    running.set(false);
                    LOG.warnf("Police reminder round failed, will retry: %s", e.toString());
                }));
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
