package cn.beian.materials.events;

import cn.beian.platform.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * What materials-service learns of orders: subject-service's order events, website-service's website outlines and
 * review-service's claims.
 */
@ApplicationScoped
public class EventConsumers {

    private final IdempotentConsumer consumer;

    public EventConsumers(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("subject-events")
    public Uni<Void> onSubjectEvent(Message<String> message) {
        return consumer.consume(message);
    }

    @Incoming("website-events")
    public Uni<Void> onWebsiteEvent(Message<String> message) {
        return consumer.consume(message);
    }

    /** Review cases claimed, released and decided: only the claim holder reads an order's files under review. */
    @Incoming("review-events")
    public Uni<Void> onReviewEvent(Message<String> message) {
        return consumer.consume(message);
    }
}
