package cn.beian.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "beian.outbox")
public interface OutboxConfig {

    /** Whether this replica runs the relay at all (every replica may; one publishes at a time). */
    @WithDefault("true")
    boolean relayEnabled();

    /**
     * How often a relay round looks for unpublished rows without being woken: the net under {@link #listen()}'s
     * wake-ups (rows another replica's notification was missed for, the listener reconnecting).
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Whether each commit that wrote to the outbox wakes the relay at once (PostgreSQL LISTEN/NOTIFY). */
    @WithDefault("true")
    boolean listen();

    /** Rows published per relay round. */
    @WithDefault("200")
    int batchSize();

    /** How long published rows are kept for diagnosis before they are purged. */
    @WithDefault("P7D")
    Duration retention();

    /** The CloudEvents {@code source} of this service's events. */
    @WithDefault("/beian/${quarkus.application.name}")
    String source();
}
