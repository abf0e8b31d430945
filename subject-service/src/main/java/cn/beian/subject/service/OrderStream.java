package cn.beian.subject.service;

import cn.beian.subject.domain.OrderTransition;
import cn.beian.subject.repository.OrderTransitionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An order's moves as a live stream for server-sent events. The order's history in the database is the source, so
 * a client connected to any replica sees every move (whichever replica made it) and resumes after the last event
 * id it saw; the stream polls the history at a short interval.
 */
@ApplicationScoped
public class OrderStream {

    private final OrderTransitionRepository transitions;
    private final Duration interval;

    public OrderStream(OrderTransitionRepository transitions,
            @ConfigProperty(name = "beian.order-stream.interval", defaultValue = "0.5s") Duration interval) {
        this.transitions = transitions;
        this.interval = interval;
    }

    /** Every move after history entry {@code afterId} (0 for all), then each new one as it happens. */
    public Multi<OrderTransition> follow(UUID orderId, long afterId) {
        AtomicLong last = new AtomicLong(afterId);
        return Multi.createBy().concatenating().streams(
                        Multi.createFrom().item(0L),
                        Multi.createFrom().ticks().every(interval))
                .onItem().transformToUniAndConcatenate(tick -> next(orderId, last.get()))
                .onItem().transformToIterable(batch -> batch)
                .invoke(t -> last.set(t.id));
    }

    private Uni<List<OrderTransition>> next(UUID orderId, long afterId) {
        return Panache.withSession(() -> transitions.after(orderId, afterId));
    }
}
