package cn.beian.website.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "beian.website")
public interface WebsiteConfig {

    PublicQuery publicQuery();

    /**
     * The public filing query's limit per client address, per replica: a token bucket of {@code burst} tokens refilled
     * at {@code perMinute}. Buckets live in each replica's memory, so with N replicas behind a load balancer that
     * spreads one client's requests a client gets up to N times the limit; put client-address affinity on the
     * balancer (or a shared limiter at the edge) where that matters.
     */
    interface PublicQuery {
        @WithDefault("60")
        int perMinute();

        @WithDefault("20")
        int burst();

        /** Buckets kept at most (least recently used dropped first). */
        @WithDefault("100000")
        int maxClients();
    }
}
