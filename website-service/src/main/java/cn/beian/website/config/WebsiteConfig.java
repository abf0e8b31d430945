package cn.beian.website.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "beian.website")
public interface WebsiteConfig {

    PublicQuery publicQuery();

    RegistryRecheck registryRecheck();

    /**
     * Orders judged while the domain registry could not answer ({@code DOMAIN_REGISTRY_UNAVAILABLE}) are judged again
     * by {@code RegistryRecheckJob}: first {@code after} the judgement, then, while the registry still fails, every
     * {@code after} again. A round stops at the first order the registry still cannot answer for, so an outage costs
     * one lookup per round and replica, however many orders wait.
     */
    interface RegistryRecheck {
        @WithDefault("20s")
        Duration after();

        /** How often each replica looks for orders due; {@code off} disables the job. */
        @WithDefault("10s")
        String every();

        /** Orders taken per round. */
        @WithDefault("50")
        int batch();
    }

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
