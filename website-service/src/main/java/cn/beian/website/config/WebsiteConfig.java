package cn.beian.website.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "beian.website")
public interface WebsiteConfig {

    PublicQuery publicQuery();

    RegistryRecheck registryRecheck();

    Probe probe();

    /**
     * Probes of filed websites ({@code WebsiteProbeJob}, {@code SiteFetcher}): each domain's homepage fetched over
     * HTTPS, then HTTP, with short timeouts and a bounded body, once per {@code period}.
     */
    interface Probe {
        /**
         * Where every filed domain is fetched instead of its real address ({@code host:port}, plain HTTP): the local
         * stack's stand-in internet. Unset in production.
         */
        Optional<String> standIn();

        /**
         * Where every filed domain's HTTPS is fetched instead ({@code host:port}), beside {@link #standIn()}: the stand-in's
         * TLS server. Unset: mapped domains are fetched over plain HTTP only.
         */
        Optional<String> standInTls();

        /** Per-domain addresses ({@code domain → host:port}, plain HTTP), for a domain or its subdomains. */
        Map<String, String> resolve();

        /** How often every filed website is probed; each one's turn is spread over the period. */
        @WithDefault("P1D")
        Duration period();

        /** How often each replica looks for websites due; {@code off} disables the job. */
        @WithDefault("30s")
        String every();

        /** Websites one round claims. */
        @WithDefault("50")
        int batch();

        /** Domains fetched at once per replica (also the client's connection pool). */
        @WithDefault("16")
        int concurrency();

        /** How long a claimed website stays reserved for the replica probing it. */
        @WithDefault("10M")
        Duration lease();

        @WithDefault("3s")
        Duration connectTimeout();

        /** The longest silence while waiting for the answer or its body. */
        @WithDefault("5s")
        Duration readTimeout();

        /** The most one fetch (all redirects, one scheme) may take. */
        @WithDefault("10s")
        Duration totalTimeout();

        /** Bytes of a page read at most; the rest is not downloaded. */
        @WithDefault("524288")
        int maxBodyBytes();

        @WithDefault("4")
        int maxRedirects();

        /** How long after approval a police-filing (公安备案) number must be recorded. */
        @WithDefault("P30D")
        Duration policeNumberWithin();

        /** How long the last probe of a subject's other websites serves the rules before they are probed again. */
        @WithDefault("P7D")
        Duration factsFreshFor();

        /** An empty shell open this long becomes a cancel-access proposal for staff. */
        @WithDefault("P30D")
        Duration emptyShellGrace();
    }

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

    /**
     * Mobile numbers confirmed by an SMS code (notification-service, {@code mobile.confirmed.v1}): a website principal's
     * mobile the applicant entered is the blocking finding {@code MOBILE_UNCONFIRMED} until its account confirmed it.
     * The same keys as subject-service's (one family, {@code beian.mobile-confirmation}, so both judge alike).
     */
    @ConfigMapping(prefix = "beian.mobile-confirmation")
    interface MobileConfirmation {

        /** {@code false} leaves mobiles unchecked (module tests that do not test it). */
        @WithDefault("true")
        boolean required();

        /** How long a confirmation counts for its account and mobile, on the {@code BeianClock}. */
        @WithDefault("P180D")
        Duration validity();
    }
}
