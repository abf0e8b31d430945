package cn.beian.website.events;

import cn.beian.platform.inbox.IdempotentConsumer;
import cn.beian.website.service.OrderEventsService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * subject-service's order events and review-service's outcomes, applied once to the database (one consumer group
 * shared by the replicas).
 */
@ApplicationScoped
public class OrderEventConsumers {

    private final IdempotentConsumer consumer;
    private final OrderEventsService orders;

    public OrderEventConsumers(IdempotentConsumer consumer, OrderEventsService orders) {
        this.consumer = consumer;
        this.orders = orders;
    }

    @Incoming("subject-events")
    public Uni<Void> onSubjectEvent(Message<String> message) {
        return consumer.consume(message, orders::apply);
    }

    @Incoming("review-events")
    public Uni<Void> onReviewEvent(Message<String> message) {
        return consumer.consume(message, orders::apply);
    }
}
