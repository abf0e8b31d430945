package cn.beian.subject.events;

import cn.beian.platform.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * What moves orders from outside: website-, materials- and review-service's events, and notification-service's
 * (mobiles confirmed), each applied once.
 */
@ApplicationScoped
public class EventConsumers {

    private final IdempotentConsumer consumer;

    public EventConsumers(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("website-events")
    public Uni<Void> onWebsiteEvent(Message<String> message) {
        return consumer.consume(message);
    }

    @Incoming("materials-events")
    public Uni<Void> onMaterialsEvent(Message<String> message) {
        return consumer.consume(message);
    }

    @Incoming("review-events")
    public Uni<Void> onReviewEvent(Message<String> message) {
        return consumer.consume(message);
    }

    @Incoming("notification-events")
    public Uni<Void> onNotificationEvent(Message<String> message) {
        return consumer.consume(message);
    }
}
