package cn.beian.website.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/** How far the access policy has read each partition of its channel (for its readiness check). */
@ApplicationScoped
public class AccessPolicyProgress {

    private final Map<TopicPartition, Long> processed = new ConcurrentHashMap<>();

    public void applied(TopicPartition partition, long offset) {
        processed.merge(partition, offset, Math::max);
    }

    /** The offset of the last record of {@code partition} applied (-1: none yet). */
    public long processedOffset(TopicPartition partition) {
        return processed.getOrDefault(partition, -1L);
    }
}
