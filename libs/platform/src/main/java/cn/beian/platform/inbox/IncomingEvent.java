package cn.beian.platform.inbox;

import static cn.beian.contract.events.CloudEventAttributes.AGGREGATE_ID;
import static cn.beian.contract.events.CloudEventAttributes.ORDER_ID;
import static cn.beian.contract.events.CloudEventAttributes.SEQUENCE;

import cn.beian.contract.events.EventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A CloudEvent as a consumer sees it, with Beian's extension attributes read and checked.
 *
 * @param data the event's JSON {@code data}, decoded on demand with {@link #data(Class)}
 */
public record IncomingEvent(
        String id,
        String source,
        String type,
        String subject,
        String aggregateId,
        String orderId,
        long sequence,
        OffsetDateTime time,
        String data,
        ObjectMapper mapper) {

    /** Reads the CloudEvents metadata of a Kafka message, refusing events Beian cannot order or de-duplicate. */
    static IncomingEvent from(Message<String> message, ObjectMapper mapper) {
        @SuppressWarnings("unchecked")
        IncomingCloudEventMetadata<String> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new MalformedEventException("not a CloudEvent (no ce_* headers)"));
        String aggregateId = ce.getExtension(AGGREGATE_ID).map(Object::toString)
                .orElseThrow(() -> new MalformedEventException("missing extension " + AGGREGATE_ID));
        long sequence;
        try {
            sequence = ce.getExtension(SEQUENCE).map(Object::toString).map(Long::parseLong)
                    .orElseThrow(() -> new MalformedEventException("missing extension " + SEQUENCE));
        } catch (NumberFormatException e) {
            throw new MalformedEventException("extension " + SEQUENCE + " is not a number");
        }
        if (sequence < 1) {
            throw new MalformedEventException("extension " + SEQUENCE + " must be positive");
        }
        if (message.getPayload() == null) {
            throw new MalformedEventException("event has no data");
        }
        OffsetDateTime time = ce.getTimeStamp().map(OffsetDateTime::from).orElse(null);
        return new IncomingEvent(ce.getId(), ce.getSource().toString(), ce.getType(), ce.getSubject().orElse(null),
                aggregateId, ce.getExtension(ORDER_ID).map(Object::toString).orElse(null), sequence, time,
                message.getPayload(), mapper);
    }

    /** The Beian event type, or empty for a type this build does not know (count it and skip it). */
    public Optional<EventType> eventType() {
        return EventType.fromType(type);
    }

    /**
     * Decodes {@link #data} as {@code type}; undecodable data is a malformed event (dead-lettered). Fields this build
     * does not know are ignored, whichever mapper the event came with: a producer may add fields to a v1 event before
     * its consumers are upgraded (the REST layer stays strict).
     */
    public <T> T data(Class<T> type) {
        try {
            return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(data);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("data of " + this.type + " does not match " + type.getSimpleName()
                    + ": " + e.getOriginalMessage());
        }
    }

    @Override
    public String toString() {
        // Never log data: it may carry personal information.
        return type + " " + id + " (" + aggregateId + " #" + sequence + ")";
    }
}
