package cn.beian.website.events;

import cn.beian.contract.events.CloudEventAttributes;
import cn.beian.platform.inbox.EventAttributes;
import cn.beian.website.service.AccessPolicy;
import cn.beian.website.service.AccessPolicyLoader;
import cn.beian.website.service.AccessPolicyProgress;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Feeds the in-memory access policy. Every replica reads every relevant event: the channel's consumer group is unique
 * per process and reads from the earliest offset, after {@link AccessPolicyLoader} has loaded the journal (which
 * outlives the topics' retention); what both give is applied once, by sequence. Nothing is written to the database
 * here; undecodable events are logged and skipped (the database consumers dead-letter them).
 */
// Not in EventConsumers: its own group per process, no IdempotentConsumer and no database, a second mechanism.
@ApplicationScoped
public class AccessPolicyConsumer {

    private static final Logger LOG = Logger.getLogger(AccessPolicyConsumer.class);

    private final AccessPolicy policy;
    private final AccessPolicyLoader loader;
    private final AccessPolicyProgress progress;

    public AccessPolicyConsumer(AccessPolicy policy, AccessPolicyLoader loader, AccessPolicyProgress progress) {
        this.policy = policy;
        this.loader = loader;
        this.progress = progress;
    }

    @Incoming("access-events")
    public CompletionStage<Void> onEvent(Message<String> message) {
        // The journal first: each aggregate's events must reach the policy in sequence order.
        return loader.loaded().thenCompose(n -> apply(message));
    }

    private CompletionStage<Void> apply(Message<String> message) {
        message.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(k -> progress.applied(
                new TopicPartition(k.getTopic(), k.getPartition()), k.getOffset()));
        try {
            if (message.getPayload() != null) {
                EventAttributes ce = EventAttributes.of(message);
                long sequence = ce.get(CloudEventAttributes.SEQUENCE).map(Long::parseLong).orElse(0L);
                String aggregate = ce.get(CloudEventAttributes.AGGREGATE_ID).orElse(ce.get("subject").orElse(""));
                policy.apply(ce.required("source"), aggregate, sequence, ce.required("type"), message.getPayload());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Access policy skipped an event: %s", e.toString());
        }
        return message.ack();
    }
}
