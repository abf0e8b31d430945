package cn.beian.subject.events;

import cn.beian.platform.inbox.IdempotentConsumer;
import cn.beian.subject.service.OrderOutcomeService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** What moves orders from outside: website-, materials- and review-service's events, each applied once. */
@ApplicationScoped
public class OrderOutcomeConsumers {

    private final IdempotentConsumer consumer;
    private final OrderOutcomeService outcomes;

    public OrderOutcomeConsumers(IdempotentConsumer consumer, OrderOutcomeService outcomes) {
        this.consumer = consumer;
        this.outcomes = outcomes;
    }

    @Incoming("website-events")
    public Uni<Void> onWebsiteEvent(Message<String> message) {
        return consumer.consume(message, outcomes::apply);
    }

    @Incoming("materials-events")
    public Uni<Void> onMaterialsEvent(Message<String> message) {
        return consumer.consume(message, outcomes::apply);
    }

    @Incoming("review-events")
    public Uni<Void> onReviewEvent(Message<String> message) {
        return consumer.consume(message, outcomes::apply);
    }
}
