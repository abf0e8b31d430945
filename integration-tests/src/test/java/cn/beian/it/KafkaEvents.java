package cn.beian.it;

import cn.beian.contract.events.CloudEventAttributes;
import cn.beian.contract.events.EventType;
import cn.beian.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events into the real Kafka as another Beian producer would — CloudEvents in binary mode, keyed by the
 * aggregate, numbered per aggregate — under a source of the test's own per topic, so its sequences never clash
 * with a real service's. For tests and benchmarks that stand in for a service whose part of a flow is not under test.
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
    public synchronized TopicPartition send(EventType type, String orderId, String json) {
        // A real producer writes one topic: a source per topic keeps each consumer's view of it gapless.
        String topicSource = source + "/" + type.topic();
        long sequence = sequences.merge(topicSource + "|" + orderId, 1L, Long::sum);
        ProducerRecord<String, String> r = new ProducerRecord<>(type.topic(), orderId, json);
        header(r, "ce_specversion", "1.0");
        header(r, "ce_id", UUID.randomUUID().toString());
        header(r, "ce_source", topicSource);
        header(r, "ce_type", type.type());
        header(r, "ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(TestClock.now()));
        header(r, "content-type", "application/json");
        String prefix = CloudEventAttributes.KAFKA_HEADER_PREFIX;
        header(r, prefix + CloudEventAttributes.AGGREGATE_ID, orderId);
        header(r, prefix + CloudEventAttributes.AGGREGATE_TYPE, type.aggregateType().wireName());
        header(r, prefix + CloudEventAttributes.ORDER_ID, orderId);
        header(r, prefix + CloudEventAttributes.SEQUENCE, String.valueOf(sequence));
        try {
            RecordMetadata sent = producer.send(r).get();
            return new TopicPartition(sent.topic(), sent.partition());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Whether {@code topic} exists (dead-letter topics appear with their first record). */
    public static boolean topicExists(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            return consumer.listTopics(Duration.ofSeconds(10)).containsKey(topic);
        }
    }

    /** The CloudEvents types of every record on {@code topic} keyed {@code key}, in their order (reads from the start). */
    public static List<String> typesFor(String topic, String key) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key()) && r.headers().lastHeader("ce_type") != null) {
                        types.add(new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return types;
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
