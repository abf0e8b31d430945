package cn.beian.platform.inbox;

import static cn.beian.contract.events.CloudEventAttributes.KAFKA_HEADER_PREFIX;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A message's CloudEvents attributes by name ({@code id}, {@code source}, {@code type}, {@code subject}, {@code time}
 * and the extensions), as text: from Kafka, the record's {@code ce_*} headers (binary mode); from an in-memory channel,
 * its CloudEvent metadata. The Kafka connector's own CloudEvents parsing is off for incoming channels, because a record
 * whose attributes it cannot parse fails the whole channel before any failure strategy applies; read here, such a
 * record is refused on its own ({@link MalformedEventException}, dead-lettered).
 */
@FunctionalInterface
public interface EventAttributes {

    Optional<String> get(String name);

    /** The attribute, refused as malformed when absent or blank. */
    default String required(String name) {
        return get(name).filter(v -> !v.isBlank())
                .orElseThrow(() -> new MalformedEventException("missing attribute " + name));
    }

    /** The message's attributes; {@link MalformedEventException} when it is not a CloudEvent at all. */
    @SuppressWarnings("unchecked")
    static EventAttributes of(Message<?> message) {
        Optional<IncomingCloudEventMetadata<?>> metadata = message.getMetadata(IncomingCloudEventMetadata.class)
                .map(m -> (IncomingCloudEventMetadata<?>) m);
        if (metadata.isPresent()) {
            IncomingCloudEventMetadata<?> m = metadata.get();
            return name -> switch (name) {
                case "id" -> Optional.ofNullable(m.getId());
                case "source" -> Optional.ofNullable(m.getSource()).map(Object::toString);
                case "type" -> Optional.ofNullable(m.getType());
                case "subject" -> m.getSubject();
                case "time" -> m.getTimeStamp().map(t -> OffsetDateTime.from(t).toString());
                default -> m.getExtension(name).map(Object::toString);
            };
        }
        Headers headers = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getHeaders).orElse(null);
        if (headers == null || headers.lastHeader(KAFKA_HEADER_PREFIX + "specversion") == null) {
            throw new MalformedEventException("not a CloudEvent (no ce_* headers)");
        }
        return name -> Optional.ofNullable(headers.lastHeader(KAFKA_HEADER_PREFIX + name)).map(Header::value)
                .filter(Objects::nonNull).map(v -> new String(v, StandardCharsets.UTF_8));
    }
}
