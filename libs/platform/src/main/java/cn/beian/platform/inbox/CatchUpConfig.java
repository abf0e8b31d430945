package cn.beian.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Read your own writes across services ({@link OrderCatchUp}, {@code OrderSequenceHeader}). */
@ConfigMapping(prefix = "beian.catch-up")
public interface CatchUpConfig {

    /** The CloudEvents source of order events (subject-service's); unset: the header is ignored. */
    Optional<String> orderSource();

    /** This service produces the order events: its order answers carry their sequence (subject-service). */
    @WithDefault("false")
    boolean announce();

    @WithDefault("5s")
    Duration maxWait();

    /** The first re-check's delay; each further one doubles it, up to a second. */
    @WithDefault("0.05s")
    Duration pollInterval();
}
