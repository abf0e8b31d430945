package cn.beian.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "beian.inbox")
public interface InboxConfig {

    /**
     * How often parked aggregates whose first event failed are tried again; each further failure doubles the wait
     * before the next try.
     */
    @WithDefault("30s")
    Duration parkRetryInterval();

    /** How often the parked aggregates are looked at (the schedule of {@link ParkedEventsJob}). */
    @WithDefault("10s")
    Duration parkCheckInterval();

    /** How many automatic tries a parked event gets before it waits for an operator's replay. */
    @WithDefault("5")
    int parkRetries();
}
