package cn.beian.platform.inbox;

import cn.beian.time.BeianClock;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.OffsetDateTime;

/** Tries parked aggregates again on a schedule and keeps the parked gauges current. */
@ApplicationScoped
public class ParkedEventsJob {

    private final ParkedEvents parked;
    private final Instance<InboxHandler> handler;
    private final InboxConfig config;
    private final BeianClock clock;

    public ParkedEventsJob(ParkedEvents parked, Instance<InboxHandler> handler, InboxConfig config,
            BeianClock clock) {
        this.parked = parked;
        this.handler = handler;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "beian-inbox-parked", every = "${beian.inbox.park-check-interval:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> round() {
        if (!handler.isResolvable()) {
            return Uni.createFrom().voidItem();
        }
        return parked.retryDue(config, clock.now()).chain(parked::refreshGauges);
    }
}
