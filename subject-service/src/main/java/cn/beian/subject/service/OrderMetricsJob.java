package cn.beian.subject.service;

import cn.beian.platform.metrics.LabeledGauge;
import cn.beian.subject.repository.FilingOrderRepository;
import cn.beian.time.BeianClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Business gauges of the orders, from one grouped query every {@code beian.metrics.refresh-interval}:
 * {@code beian_orders{state, province}} and {@code beian_orders_oldest_in_state_seconds{state}} (how long the
 * longest-waiting order has been in its state; approved and abandoned orders stay where they are, so read it for the
 * states in flight). Labels are the state machine's states and the provinces: a bounded set.
 */
@ApplicationScoped
public class OrderMetricsJob {

    private final FilingOrderRepository orders;
    private final BeianClock clock;
    private final LabeledGauge count;
    private final LabeledGauge oldest;

    public OrderMetricsJob(FilingOrderRepository orders, BeianClock clock, MeterRegistry registry) {
        this.orders = orders;
        this.clock = clock;
        this.count = new LabeledGauge(registry, "beian.orders", "Filing orders by state and province", null,
                "state", "province");
        this.oldest = new LabeledGauge(registry, "beian.orders.oldest.in.state",
                "How long the longest-waiting order has been in each state", "seconds", "state");
    }

    @Scheduled(identity = "subject-order-metrics", every = "${beian.metrics.refresh-interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refresh() {
        return Panache.withSession(orders::countByStateAndProvince).invoke(rows -> {
            OffsetDateTime now = clock.now();
            Map<List<String>, Long> counts = new HashMap<>();
            Map<List<String>, Long> ages = new HashMap<>();
            for (Object[] r : rows) {
                String state = (String) r[0];
                counts.put(List.of(state, (String) r[1]), ((Number) r[2]).longValue());
                long age = Math.max(0, Duration.between(time(r[3]), now).toSeconds());
                ages.merge(List.of(state), age, Math::max);
            }
            count.set(counts);
            oldest.set(ages);
        }).replaceWithVoid().onFailure().recoverWithNull();
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }
}
