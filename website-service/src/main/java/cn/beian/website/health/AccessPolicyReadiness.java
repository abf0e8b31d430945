package cn.beian.website.health;

import cn.beian.website.service.AccessPolicy;
import cn.beian.website.service.AccessPolicyLoader;
import cn.beian.website.service.AccessPolicyProgress;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * A replica takes access-policy questions only once its memory is whole: the journal loaded, and the topics read up
 * to where they ended when the replica first had its partitions. Until then it answers "not ready", and Kubernetes
 * sends the edge's questions to the replicas that are.
 */
@Readiness
@ApplicationScoped
public class AccessPolicyReadiness implements AsyncHealthCheck {

    static final String CHANNEL = "access-events";

    private final AccessPolicyLoader loader;
    private final AccessPolicy policy;
    private final KafkaClientService kafka;
    private final AccessPolicyProgress progress;
    private volatile Map<TopicPartition, Long> target;
    private volatile boolean caughtUp;

    public AccessPolicyReadiness(AccessPolicyLoader loader, AccessPolicy policy, KafkaClientService kafka,
            AccessPolicyProgress progress) {
        this.progress = progress;
        this.loader = loader;
        this.policy = policy;
        this.kafka = kafka;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (!loader.isLoaded()) {
            return Uni.createFrom().item(response(false, "loading the journal"));
        }
        if (caughtUp) {
            return Uni.createFrom().item(response(true, "caught up"));
        }
        KafkaConsumer<Object, Object> consumer = kafka.getConsumer(CHANNEL);
        if (consumer == null) {
            // Not on Kafka (module tests feed the channel in memory): the journal is all there is to wait for.
            caughtUp = true;
            return Uni.createFrom().item(response(true, "no Kafka consumer"));
        }
        return consumer.runOnPollingThread(c -> {
            Set<TopicPartition> assigned = c.assignment();
            if (assigned.isEmpty()) {
                return false;
            }
            if (target == null) {
                Map<TopicPartition, Long> end = new HashMap<>(c.endOffsets(assigned));
                // A partition with nothing left to read (empty, or emptied by retention) is caught up already.
                c.beginningOffsets(assigned).forEach((tp, begin) -> {
                    if (end.get(tp) <= begin) {
                        end.remove(tp);
                    }
                });
                target = end;
            }
            return target.entrySet().stream()
                    .allMatch(e -> progress.processedOffset(e.getKey()) + 1 >= e.getValue());
        }).map(done -> {
            caughtUp = done;
            return response(done, done ? "caught up" : "reading the topics");
        }).onFailure().recoverWithItem(e -> response(false, e.toString()));
    }

    private HealthCheckResponse response(boolean up, String state) {
        return HealthCheckResponse.named("access-policy").status(up).withData("state", state)
                .withData("appliedEvents", policy.appliedEvents()).withData("entries", policy.entries()).build();
    }
}
