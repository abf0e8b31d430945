package cn.beian.review.events;

import cn.beian.platform.inbox.IdempotentConsumer;
import cn.beian.review.service.CaseAssembly;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** What builds and moves review cases: the snapshots and the order's moves, each applied once. */
@ApplicationScoped
public class ReviewConsumers {

    private final IdempotentConsumer consumer;
    private final CaseAssembly assembly;

    public ReviewConsumers(IdempotentConsumer consumer, CaseAssembly assembly) {
        this.consumer = consumer;
        this.assembly = assembly;
    }

    @Incoming("subject-events")
    public Uni<Void> onSubjectEvent(Message<String> message) {
        return consumer.consume(message, assembly::apply);
    }

    @Incoming("website-events")
    public Uni<Void> onWebsiteEvent(Message<String> message) {
        return consumer.consume(message, assembly::apply);
    }

    @Incoming("materials-events")
    public Uni<Void> onMaterialsEvent(Message<String> message) {
        return consumer.consume(message, assembly::apply);
    }
}
