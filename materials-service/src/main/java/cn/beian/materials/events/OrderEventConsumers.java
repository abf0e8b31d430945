package cn.beian.materials.events;

import cn.beian.materials.service.OrderProjection;
import cn.beian.platform.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** What materials-service learns of orders: subject-service's order events and website-service's website outlines. */
@ApplicationScoped
public class OrderEventConsumers {

    private final IdempotentConsumer consumer;
    private final OrderProjection projection;

    public OrderEventConsumers(IdempotentConsumer consumer, OrderProjection projection) {
        this.consumer = consumer;
        this.projection = projection;
    }

    @Incoming("subject-events")
    public Uni<Void> onSubjectEvent(Message<String> message) {
        return consumer.consume(message, projection::apply);
    }

    @Incoming("website-events")
    public Uni<Void> onWebsiteEvent(Message<String> message) {
        return consumer.consume(message, projection::apply);
    }
}
