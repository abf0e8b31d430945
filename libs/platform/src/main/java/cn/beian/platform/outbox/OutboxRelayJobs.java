package cn.beian.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a relay round as soon as a transaction that wrote to the outbox commits ({@link OutboxListener}: PostgreSQL
 * notifies every replica at commit), again at once while a round finds a full batch or was woken during the last,
 * and every {@code beian.outbox.poll-interval} as the net for a notification missed (the listener reconnecting). The
 * interval is a Vert.x timer (Quarkus' scheduler ticks only once a second). Rounds start once the application has
 * started: the relay's Kafka emitter only exists when messaging is wired. Rounds never overlap. The purge runs hourly.
 */
@ApplicationScoped
public class OutboxRelayJobs {

    private final OutboxRelay relay;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean started;
    private long timer = -1;

    public OutboxRelayJobs(OutboxRelay relay, OutboxConfig config, Vertx vertx) {
        this.relay = relay;
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        started = true;
        if (config.relayEnabled()) {
            timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> wake());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        started = false;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Runs a round now, or right after the one running (it may have read the outbox before the new rows committed). */
    public void wake() {
        if (!started || !config.relayEnabled()) {
            return;
        }
        pending.set(true);
        if (!running.compareAndSet(false, true)) {
            return;
        }
        pending.set(false);
        relay.relayRound().subscribe().with(this::finished, e -> finished(0));
    }

    private void finished(int published) {
        running.set(false);
        // A full batch: more rows wait. A wake-up during the round: its rows may have committed after the read.
        if (published >= config.batchSize() || pending.get()) {
            wake();
        }
    }

    @Scheduled(identity = "beian-outbox-gauges", every = "${beian.metrics.refresh-interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> gauges() {
        return started ? relay.refreshGauges().onFailure().recoverWithNull() : Uni.createFrom().voidItem();
    }

    @Scheduled(identity = "beian-outbox-purge", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return started ? relay.purge() : Uni.createFrom().voidItem();
    }
}
