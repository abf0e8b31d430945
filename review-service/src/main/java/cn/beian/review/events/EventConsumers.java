package cn.beian.review.events;

import cn.beian.platform.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The topics that build and move review cases (the snapshots, the order's moves): each record to the idempotent
 * consumer, which applies it once through {@link EventHandler}.
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

    @Incoming("materials-events")
    public Uni<Void> onMaterialsEvent(Message<String> message) {
        return consumer.consume(message);
    }
}
