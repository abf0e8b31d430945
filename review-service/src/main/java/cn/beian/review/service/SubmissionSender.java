package cn.beian.review.service;

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
 * Sends the pending submissions every {@code beian.authority.submit-every} (200 ms), only on the replica holding the
 * {@link GatewayLock}; the others' rounds do nothing (counted: {@link #roundsWithoutLock()}). Rounds never overlap.
 *
 * <p>A Vert.x timer, not a {@code @Scheduled} job: Quarkus' scheduler checks its triggers once a second, so an
 * {@code every} under a second runs once a second — five times the submission latency.
 */
@ApplicationScoped
public class SubmissionSender {

    private static final Logger LOG = Logger.getLogger(SubmissionSender.class);

    private final AuthorityGateway gateway;
    private final GatewayLock lock;
    private final AuthorityConfig config;
    private final Vertx vertx;
    private final AtomicBoolean submitting = new AtomicBoolean();
    private final AtomicLong roundsWithoutLock = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();
    private volatile boolean running;
    private long timer = -1;

    public SubmissionSender(AuthorityGateway gateway, GatewayLock lock, AuthorityConfig config, Vertx vertx) {
        this.gateway = gateway;
        this.lock = lock;
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        timer = vertx.setPeriodic(Math.max(10, config.submitEvery().toMillis()), id -> tick());
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

    private void tick() {
        if (!running || !submitting.compareAndSet(false, true)) {
            return;
        }
        // Hibernate Reactive wants a safe duplicated context of its own, as a request has.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(v -> Uni.createFrom().deferred(this::submit).subscribe().with(
                ok -> submitting.set(false),
                e -> {
                    submitting.set(false);
                    LOG.warnf("Submit round failed, will retry: %s", e.toString());
                }));
    }
}
