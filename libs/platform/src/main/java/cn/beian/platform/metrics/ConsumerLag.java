package cn.beian.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code beian_kafka_consumer_lag{topic, group}}: how many of this service's events each consumer group has not
 * committed yet, summed over the topic's partitions, read from Kafka every {@code beian.metrics.refresh-interval}.
 * Groups one per replica ({@code …-<uuid>}) are reported under their name without the uuid, only while they have
 * members, as the highest of them: a replica that went away leaves a group behind that nobody reads any more.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final Pattern PER_REPLICA = Pattern.compile(
            "-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final MetricsConfig config;
    private final Map<String, Object> kafka;
    private final String topic;
    private final LabeledGauge lag;
    private volatile Admin admin;

    public ConsumerLag(MetricsConfig config, MeterRegistry registry,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "beian.events.topic") String topic) {
        this.config = config;
        this.kafka = kafka;
        this.topic = topic;
        this.lag = new LabeledGauge(registry, "beian.kafka.consumer.lag",
                "Events of this service's topic each consumer group has not committed yet", null, "topic", "group");
    }

    @Scheduled(identity = "beian-consumer-lag", every = "${beian.metrics.refresh-interval:15s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        if (!config.consumerLag()) {
            return;
        }
        try {
            lag.set(read());
        } catch (Exception e) {
            LOG.debugf(e, "Consumer lag not read this round");
        }
    }

    Map<List<String>, Long> read() throws Exception {
        Admin client = admin();
        Map<String, Long> byGroup = new HashMap<>();
        for (ConsumerGroupListing group : client.listConsumerGroups().all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            String id = group.groupId();
            boolean perReplica = PER_REPLICA.matcher(id).find();
            if (perReplica && group.groupState().map(s -> s == GroupState.EMPTY || s == GroupState.DEAD).orElse(true)) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(client.listConsumerGroupOffsets(id)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            committed.keySet().removeIf(tp -> !tp.topic().equals(topic));
            committed.values().removeIf(o -> o == null);
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = client.listOffsets(latest).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            long total = 0;
            for (var e : committed.entrySet()) {
                total += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
            }
            byGroup.merge(perReplica ? PER_REPLICA.matcher(id).replaceFirst("") : id, total, Math::max);
        }
        Map<List<String>, Long> values = new HashMap<>();
        byGroup.forEach((group, events) -> values.put(List.of(topic, group), events));
        return values;
    }

    private Admin admin() {
        if (admin == null) {
            // The connectors' common Kafka settings (bootstrap servers, security), as the channels use them.
            Map<String, Object> settings = new HashMap<>();
            kafka.forEach((k, v) -> {
                if (AdminClientConfig.configNames().contains(k)) {
                    settings.put(k, v);
                }
            });
            settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "beian-consumer-lag");
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
            admin = Admin.create(settings);
        }
        return admin;
    }

    void close(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
