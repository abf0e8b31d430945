package cn.beian.review.events;

import cn.beian.platform.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** What builds and moves review cases: the snapshots and the order's moves, each applied once. */
@ApplicationScoped
public class ReviewConsumers {

    private final IdempotentConsumer consumer;

    public ReviewConsumers(IdempotentConsumer consumer) {
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
