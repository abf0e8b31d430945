package cn.beian.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "beian.inbox")
public interface InboxConfig {

    /** How many times an event that arrived out of sequence is retried before it is dead-lettered. */
    @WithDefault("5")
    int gapRetries();

    /** The first retry's delay; each further retry doubles it. */
    @WithDefault("0.5s")
    Duration gapRetryDelay();
}
