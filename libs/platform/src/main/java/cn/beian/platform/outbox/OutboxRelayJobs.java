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
 * Runs a relay round every {@code beian.outbox.poll-interval} (default 100 ms: Quarkus' scheduler ticks only
 * once a second, so a Vert.x timer drives it) and the purge hourly. Rounds start once the application has
 * started: the relay's Kafka emitter only exists when messaging is wired. Rounds never overlap.
 */
@ApplicationScoped
public class OutboxRelayJobs {

    private final OutboxRelay relay;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
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
            timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> round());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        started = false;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void round() {
        if (!started || !running.compareAndSet(false, true)) {
            return;
        }
        relay.relayRound().subscribe().with(ok -> running.set(false), e -> running.set(false));
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
