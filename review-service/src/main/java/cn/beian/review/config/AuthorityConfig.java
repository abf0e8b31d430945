package cn.beian.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The authority gateway's settings. */
@ConfigMapping(prefix = "beian.authority")
public interface AuthorityConfig {

    /**
     * How often the replica holding the gateway's lock looks for pending submissions without being woken (a commit
     * that queued one or stored a snapshot wakes it at once): the net for back-offs, lost notifications, a new holder.
     */
    @WithDefault("1s")
    Duration submitEvery();

    /** How often every replica tries to take the gateway's lock (the holder then follows the feed until it loses it). */
    @WithDefault("1s")
    Duration followEvery();

    /** Whether the replica holding the gateway's lock follows the feed. */
    @WithDefault("true")
    boolean feedEnabled();

    /** Seconds a feed request is held by the administration when nothing is new (long-poll, ≤ 30). */
    @WithDefault("10")
    int feedWait();

    /** Entries asked per feed request. */
    @WithDefault("100")
    int feedBatch();
}
