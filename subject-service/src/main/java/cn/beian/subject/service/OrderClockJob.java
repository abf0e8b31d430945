package cn.beian.subject.service;

import cn.beian.subject.config.SubjectConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Runs {@link OrderClock} rounds every {@code beian.order-clock.interval} (default 10 s) in every replica, reading the
 * movable {@code BeianClock}. Rounds of one replica never overlap (a round still running skips the next); rounds of
 * several replicas share the due orders through row locks. {@code POST /api/v1/admin/order-clock/run} runs a round at
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
    private final SubjectConfig.OrderClock config;

    public OrderClockJob(OrderClock clock, SubjectConfig.OrderClock config) {
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(identity = "subject-order-clock", every = "${beian.order-clock.interval:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRound() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return runRound()
                .invoke(r -> {
                    if (r.orders() > 0) {
                        LOG.infof("Order clock: %s", r);
                    }
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Order clock round failed, will retry: %s", e.toString());
                    return null;
                })
                .replaceWithVoid();
    }

    /**
     * One round: every due order not held by another replica, each in its own transaction, at most
     * {@code beian.order-clock.max-per-round}. A failing order is logged and left for the next round.
     */
    public Uni<Round> runRound() {
        return step(ConcurrentHashMap.newKeySet(), new Round(0, 0, 0, 0));
    }

    private Uni<Round> step(Set<UUID> seen, Round sofar) {
        if (seen.size() >= config.maxPerRound()) {
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
