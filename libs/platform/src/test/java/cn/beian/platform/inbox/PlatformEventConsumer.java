package cn.beian.platform.inbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The test application's consumer, shaped like every service's. */
@ApplicationScoped
public class PlatformEventConsumer {

    private final IdempotentConsumer consumer;

    public PlatformEventConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("platform-events")
    public Uni<Void> onEvent(Message<String> message) {
        return consumer.consume(message);
    }
}
