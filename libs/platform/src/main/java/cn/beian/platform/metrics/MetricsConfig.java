package cn.beian.platform.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How Beian's business gauges are kept: each from a periodic query, never one per scrape. */
@ConfigMapping(prefix = "beian.metrics")
public interface MetricsConfig {

    /** How often the gauges' queries run (in every replica: each reads the service's own database). */
    @WithDefault("15s")
    Duration refreshInterval();

    /**
     * Whether this service reports the lag of every consumer group that reads its events topic (from Kafka's
     * committed offsets): the producer reports it, so a consumer that stopped still shows its growing lag.
     */
    @WithDefault("true")
    boolean consumerLag();
}
