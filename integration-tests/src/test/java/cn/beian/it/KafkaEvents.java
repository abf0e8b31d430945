package cn.beian.it;

import cn.beian.contract.events.CloudEventAttributes;
import cn.beian.contract.events.EventType;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events into the real Kafka as another Beian producer would — CloudEvents in binary mode, keyed by the
 * aggregate, numbered per aggregate — under a source of the test's own, so its sequences never clash with a real
 * service's. For tests and benchmarks that stand in for a service whose part of a flow is not under test.
 */
public final class KafkaEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String source;
    private final Map<String, Long> sequences = new HashMap<>();

    public KafkaEvents(String source) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        this.source = source + "/" + UUID.randomUUID();
    }

    /** Sends one event about an order (keyed by it) and waits for Kafka's acknowledgement. */
    public synchronized void send(EventType type, String orderId, String json) {
        long sequence = sequences.merge(orderId, 1L, Long::sum);
        ProducerRecord<String, String> r = new ProducerRecord<>(type.topic(), orderId, json);
        header(r, "ce_specversion", "1.0");
        header(r, "ce_id", UUID.randomUUID().toString());
        header(r, "ce_source", source);
        header(r, "ce_type", type.type());
        header(r, "ce_time", OffsetDateTime.now().toString());
        header(r, "content-type", "application/json");
        String prefix = CloudEventAttributes.KAFKA_HEADER_PREFIX;
        header(r, prefix + CloudEventAttributes.AGGREGATE_ID, orderId);
        header(r, prefix + CloudEventAttributes.AGGREGATE_TYPE, type.aggregateType().wireName());
        header(r, prefix + CloudEventAttributes.ORDER_ID, orderId);
        header(r, prefix + CloudEventAttributes.SEQUENCE, String.valueOf(sequence));
        try {
            producer.send(r).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
