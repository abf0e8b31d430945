package cn.beian.review.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The queue's settings. */
@ConfigMapping(prefix = "beian.review")
public interface ReviewConfig {

    /** How long a claim holds a case before it lapses. */
    @WithDefault("15M")
    Duration lease();
}
