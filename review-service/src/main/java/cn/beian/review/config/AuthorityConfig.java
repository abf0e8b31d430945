package cn.beian.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The authority gateway's settings. */
@ConfigMapping(prefix = "beian.authority")
public interface AuthorityConfig {

    /** Whether this replica competes to be the feed's one active follower. */
    @WithDefault("true")
    boolean feedEnabled();

    /** Seconds a feed request is held by the administration when nothing is new (long-poll, ≤ 30). */
    @WithDefault("10")
    int feedWait();

    /** Entries asked per feed request. */
    @WithDefault("100")
    int feedBatch();
}
