package cn.beian.website.events;

import cn.beian.contract.events.CloudEventAttributes;
import cn.beian.website.service.AccessPolicy;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Feeds the in-memory access policy. Every replica reads every relevant event: the channel's consumer group is unique
 * per process, and it reads from the earliest offset, so a starting replica rebuilds its memory from the topics.
 * Nothing is written to the database here; undecodable events are counted and skipped (the database consumers
 * dead-letter them).
 */
@ApplicationScoped
public class AccessPolicyConsumer {

    private static final Logger LOG = Logger.getLogger(AccessPolicyConsumer.class);

    private final AccessPolicy policy;

    public AccessPolicyConsumer(AccessPolicy policy) {
        this.policy = policy;
    }

    @Incoming("access-events")
    public CompletionStage<Void> onEvent(Message<String> message) {
        try {
            @SuppressWarnings("unchecked")
            IncomingCloudEventMetadata<String> ce = message.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
            if (ce != null && message.getPayload() != null) {
                long sequence = ce.getExtension(CloudEventAttributes.SEQUENCE).map(Object::toString)
                        .map(Long::parseLong).orElse(0L);
                String aggregate = ce.getExtension(CloudEventAttributes.AGGREGATE_ID).map(Object::toString)
                        .orElse(ce.getSubject().orElse(""));
                policy.apply(ce.getSource().toString(), aggregate, sequence, ce.getType(), message.getPayload());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Access policy skipped an event: %s", e.toString());
        }
        return message.ack();
    }
}
