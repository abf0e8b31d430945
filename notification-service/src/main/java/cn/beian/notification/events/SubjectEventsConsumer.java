package cn.beian.notification.events;

import cn.beian.notification.service.ReceivedEventService;
import cn.beian.platform.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** subject-service's events, applied exactly once. */
@ApplicationScoped
public class SubjectEventsConsumer {

    private final IdempotentConsumer consumer;
    private final ReceivedEventService received;

    public SubjectEventsConsumer(IdempotentConsumer consumer, ReceivedEventService received) {
        this.consumer = consumer;
        this.received = received;
    }

    @Incoming("subject-events")
    public Uni<Void> onSubjectEvent(Message<String> message) {
        return consumer.consume(message, received::record);
    }
}
