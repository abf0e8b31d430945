package cn.beian.platform.inbox;

import static cn.beian.contract.events.CloudEventAttributes.AGGREGATE_ID;
import static cn.beian.contract.events.CloudEventAttributes.ORDER_ID;
import static cn.beian.contract.events.CloudEventAttributes.SEQUENCE;

import cn.beian.contract.events.EventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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

    /**
     * Reads the CloudEvents attributes of a message ({@link EventAttributes}), refusing events Beian cannot order or
     * de-duplicate.
     */
    static IncomingEvent from(Message<String> message, ObjectMapper mapper) {
        EventAttributes ce = EventAttributes.of(message);
        String aggregateId = ce.get(AGGREGATE_ID)
                .orElseThrow(() -> new MalformedEventException("missing extension " + AGGREGATE_ID));
        long sequence;
        try {
            sequence = ce.get(SEQUENCE).map(Long::parseLong)
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
        OffsetDateTime time;
        try {
            time = ce.get("time").map(OffsetDateTime::parse).orElse(null);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("attribute time is not an RFC 3339 timestamp");
        }
        return new IncomingEvent(ce.required("id"), ce.required("source"), ce.required("type"),
                ce.get("subject").orElse(null), aggregateId, ce.get(ORDER_ID).orElse(null), sequence, time,
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
