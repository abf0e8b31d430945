package cn.beian.website.events;

import cn.beian.platform.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * subject-service's order events, review-service's outcomes and this service's own events (for the access policy's
 * journal), applied once to the database (one consumer group shared by the replicas).
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

    /** This service's own events, for the access policy's journal. */
    @Incoming("website-events")
    public Uni<Void> onWebsiteEvent(Message<String> message) {
        return consumer.consume(message);
    }

    @Incoming("review-events")
    public Uni<Void> onReviewEvent(Message<String> message) {
        return consumer.consume(message);
    }

    /** notification-service's events: mobiles confirmed by an SMS code, and mobiles that no longer receive SMS. */
    @Incoming("notification-events")
    public Uni<Void> onNotificationEvent(Message<String> message) {
        return consumer.consume(message);
    }
}
