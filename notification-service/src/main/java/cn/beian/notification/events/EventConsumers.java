package cn.beian.notification.events;

import cn.beian.notification.service.DeliveryDispatcher;
import cn.beian.platform.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * subject-, website- and review-service's events, each applied exactly once through {@link EventHandler}; the
 * dispatcher is woken once the event's transaction (and the messages it queued) committed.
 */
@ApplicationScoped
public class EventConsumers {

    private final IdempotentConsumer consumer;
    private final DeliveryDispatcher dispatcher;

    public EventConsumers(IdempotentConsumer consumer, DeliveryDispatcher dispatcher) {
        this.consumer = consumer;
        this.dispatcher = dispatcher;
    }

    @Incoming("subject-events")
    public Uni<Void> onSubjectEvent(Message<String> message) {
        return apply(message);
    }

    @Incoming("website-events")
    public Uni<Void> onWebsiteEvent(Message<String> message) {
        return apply(message);
    }

    @Incoming("review-events")
    public Uni<Void> onReviewEvent(Message<String> message) {
        return apply(message);
    }

    private Uni<Void> apply(Message<String> message) {
        return consumer.consume(message).invoke(dispatcher::wake);
    }
}
