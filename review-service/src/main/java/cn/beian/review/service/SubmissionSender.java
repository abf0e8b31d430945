package cn.beian.review.service;

import cn.beian.platform.persistence.Notifications;
import cn.beian.review.config.AuthorityConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Sends the pending submissions, only on the replica holding the {@link GatewayLock}; the others' rounds do nothing
 * (counted: {@link #roundsWithoutLock()}). Rounds never overlap. A round runs when a transaction that queued a
 * submission or stored a snapshot one may wait for commits (a trigger notifies {@value #CHANNEL}, every replica
 * listening), right after a round that was woken while it ran, and every {@code beian.authority.submit-every} (1 s)
 * as the net: for back-offs that ran out, a notification lost while the listener reconnected, a lock just taken.
 *
 * <p>A Vert.x timer, not a {@code @Scheduled} job: the tests run the net at 200 ms, and Quarkus' scheduler checks its
 * triggers once a second.
 */
@ApplicationScoped
public class SubmissionSender {

    /** The channel review-service's authority_notify migration notifies. */
    static final String CHANNEL = "beian_authority_submission";
    private static final Logger LOG = Logger.getLogger(SubmissionSender.class);

    private final AuthorityGateway gateway;
    private final GatewayLock lock;
    private final AuthorityConfig config;
    private final Vertx vertx;
    private final Notifications notifications;
    private final AtomicBoolean submitting = new AtomicBoolean();
    private final AtomicBoolean woken = new AtomicBoolean();
    private final AtomicLong roundsWithoutLock = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();
    private volatile boolean running;
    private long timer = -1;

    public SubmissionSender(AuthorityGateway gateway, GatewayLock lock, AuthorityConfig config, Vertx vertx,
            Notifications notifications) {
        this.gateway = gateway;
        this.lock = lock;
        this.config = config;
        this.vertx = vertx;
        this.notifications = notifications;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        timer = vertx.setPeriodic(Math.max(10, config.submitEvery().toMillis()), id -> tick());
        notifications.listen(CHANNEL, this::tick);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        vertx.cancelTimer(timer);
    }

    /** Submit rounds of this replica since start, with the lock or without. */
    public long rounds() {
        return rounds.get();
    }

    /** Submit rounds of this replica that found another holding the lock (or none held), since start. */
    public long roundsWithoutLock() {
        return roundsWithoutLock.get();
    }

    /** One submit round: the pending submissions, only where this replica holds the lock (checked on its connection). */
    private Uni<Void> submit() {
        rounds.incrementAndGet();
        if (!lock.held()) {
            roundsWithoutLock.incrementAndGet();
            return Uni.createFrom().voidItem();
        }
        return lock.lead().chain(leads -> {
            if (!leads) {
                roundsWithoutLock.incrementAndGet();
                return Uni.createFrom().voidItem();
            }
            return gateway.submitPending();
        });
    }

    /** Runs a round now, or right after the one running (it may have read before the new rows committed). */
    private void tick() {
        if (!running) {
            return;
        }
        woken.set(true);
        if (!submitting.compareAndSet(false, true)) {
            return;
        }
        woken.set(false);
        // Hibernate Reactive wants a safe duplicated context of its own, as a request has.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(v -> Uni.createFrom().deferred(this::submit).subscribe().with(
                ok -> finished(),
                e -> {
                    LOG.warnf("Submit round failed, will retry: %s", e.toString());
                    finished();
                }));
    }

    private void finished() {
        submitting.set(false);
        if (woken.get()) {
            tick();
        }
    }
}
