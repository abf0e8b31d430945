package cn.beian.review.service;

import cn.beian.review.config.AuthorityConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The gateway's background work, done only by the replica holding the {@link GatewayLock}: sending pending submissions
 * (every {@code beian.authority.submit-every}, 200 ms) and following the feed (long-polls back to back). Every replica
 * tries to take the lock once a second; the others' submit rounds do nothing (counted: {@link #roundsWithoutLock()}).
 * Rounds of one kind never overlap. Gauge {@code beian_authority_gateway_leader}: 1 on the replica holding the lock.
 */
@ApplicationScoped
public class GatewayJobs {

    private static final Logger LOG = Logger.getLogger(GatewayJobs.class);

    private final AuthorityGateway gateway;
    private final FeedFollower follower;
    private final GatewayLock lock;
    private final AuthorityConfig config;
    private final Vertx vertx;
    private final AtomicBoolean submitting = new AtomicBoolean();
    private final AtomicBoolean following = new AtomicBoolean();
    private final AtomicLong roundsWithoutLock = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();
    private volatile boolean running;
    private long submitTimer = -1;
    private long followTimer = -1;

    public GatewayJobs(AuthorityGateway gateway, FeedFollower follower, GatewayLock lock, AuthorityConfig config,
            Vertx vertx, MeterRegistry registry) {
        this.gateway = gateway;
        this.follower = follower;
        this.lock = lock;
        Gauge.builder("beian.authority.gateway.leader", lock, l -> l.held() ? 1 : 0)
                .description("1 on the review-service replica holding the authority gateway's lock (it submits and "
                        + "follows the feed), 0 elsewhere")
                .register(registry);
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        submitTimer = vertx.setPeriodic(Math.max(10, config.submitEvery().toMillis()), id -> once(submitting, this::submit));
        followTimer = vertx.setPeriodic(1000, id -> followNow());
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        vertx.cancelTimer(submitTimer);
        vertx.cancelTimer(followTimer);
        lock.resign().subscribe().with(ok -> { }, e -> { });
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
        return onThisContext(lock.lead()).chain(leads -> {
            if (!leads) {
                roundsWithoutLock.incrementAndGet();
                return Uni.createFrom().voidItem();
            }
            return gateway.submitPending();
        });
    }

    /**
     * Takes (or keeps) the lock; where this instance holds it and follows the feed, one long-poll round. Answers
     * whether the next round should start at once.
     */
    private Uni<Boolean> follow() {
        return onThisContext(lock.lead()).chain(leads -> leads && config.feedEnabled()
                ? follower.round().replaceWith(true)
                : Uni.createFrom().item(false));
    }

    /**
     * The lock's connection answers on the context that opened it, an earlier round's: Hibernate Reactive must go on
     * on this round's own.
     */
    private static <T> Uni<T> onThisContext(Uni<T> uni) {
        Context context = Vertx.currentContext();
        return context == null ? uni : uni.emitOn(task -> context.runOnContext(v -> task.run()));
    }

    private void followNow() {
        once(following, this::follow, leads -> {
            if (leads) {
                vertx.runOnContext(v -> followNow());
            }
        });
    }

    private void once(AtomicBoolean flag, Supplier<Uni<Void>> work) {
        once(flag, () -> work.get().replaceWith(false), ignored -> { });
    }

    private void once(AtomicBoolean flag, Supplier<Uni<Boolean>> work, Consumer<Boolean> then) {
        if (!running || !flag.compareAndSet(false, true)) {
            return;
        }
        // Hibernate Reactive wants a safe duplicated context of its own, as a request has.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(v -> Uni.createFrom().<Boolean>deferred(work::get).subscribe().with(
                again -> {
                    flag.set(false);
                    then.accept(again);
                },
                e -> {
                    flag.set(false);
                    LOG.warnf("Gateway round failed, will retry: %s", e.toString());
                }));
    }
}
