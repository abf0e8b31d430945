package cn.beian.subject.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs {@link OrderClock} rounds every {@code beian.order-clock.interval} (default 10 s) in every replica, on a
 * Vert.x timer, reading the movable {@code BeianClock}; rounds of one replica never overlap, rounds of several
 * replicas share the due orders through row locks. {@code POST /api/v1/admin/order-clock/run} runs a round at
 * once (after moving the clock on the local stack, say).
 */
@ApplicationScoped
public class OrderClockJob {

    private static final Logger LOG = Logger.getLogger(OrderClockJob.class);

    /** What a round did. */
    public record Round(int orders, int milestones, int expired, int failed) {

        Round plus(OrderClock.Step s) {
            return new Round(orders + 1, milestones + s.milestones().size(), expired + (s.expired() ? 1 : 0), failed);
        }

        Round failure() {
            return new Round(orders, milestones, expired, failed + 1);
        }
    }

    private final OrderClock clock;
    private final Vertx vertx;
    private final Duration interval;
    private final boolean enabled;
    private final int maxPerRound;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timer = -1;

    public OrderClockJob(OrderClock clock, Vertx vertx,
            @ConfigProperty(name = "beian.order-clock.interval", defaultValue = "10s") Duration interval,
            @ConfigProperty(name = "beian.order-clock.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "beian.order-clock.max-per-round", defaultValue = "500") int maxPerRound) {
        this.clock = clock;
        this.vertx = vertx;
        this.interval = interval;
        this.enabled = enabled;
        this.maxPerRound = maxPerRound;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            timer = vertx.setPeriodic(interval.toMillis(), id -> tick());
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
        // Hibernate Reactive wants a safe duplicated context of its own, as a request has.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(v -> runRound().subscribe().with(
                r -> {
                    running.set(false);
                    if (r.orders() > 0) {
                        LOG.infof("Order clock: %s", r);
                    }
                },
                e -> {
                    running.set(false);
                    LOG.warnf("Order clock round failed, will retry: %s", e.toString());
                }));
    }

    /**
     * One round: every due order not held by another replica, each in its own transaction, at most
     * {@code beian.order-clock.max-per-round}. A failing order is logged and left for the next round.
     */
    public Uni<Round> runRound() {
        return step(ConcurrentHashMap.newKeySet(), new Round(0, 0, 0, 0));
    }

    private Uni<Round> step(Set<UUID> seen, Round sofar) {
        if (seen.size() >= maxPerRound) {
            return Uni.createFrom().item(sofar);
        }
        int before = seen.size();
        return clock.processNext(seen)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Order clock: an order failed, left for the next round: %s", e.toString());
                    return null;
                })
                .chain(s -> {
                    if (s != null) {
                        return step(seen, sofar.plus(s));
                    }
                    // Nothing claimed, or the claimed order failed (its id is in seen): go on only in the latter case.
                    return seen.size() > before ? step(seen, sofar.failure()) : Uni.createFrom().item(sofar);
                });
    }
}
