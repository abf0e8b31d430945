package cn.beian.website.service;

import cn.beian.website.config.WebsiteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** Token buckets per client address, in this replica's memory (see {@link WebsiteConfig.PublicQuery}). */
@ApplicationScoped
public class RateLimiter {

    private static final class Bucket {
        double tokens;
        long at;
    }

    private final double perNano;
    private final int burst;
    private final Map<String, Bucket> buckets;

    public RateLimiter(WebsiteConfig config) {
        this.perNano = config.publicQuery().perMinute() / 60e9;
        this.burst = config.publicQuery().burst();
        int max = config.publicQuery().maxClients();
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > max;
            }
        };
    }

    /** 0 when the client may go ahead (a token is taken), otherwise the seconds until the next token. */
    public synchronized long acquire(String client, long nowNanos) {
        Bucket b = buckets.computeIfAbsent(client, k -> {
            Bucket n = new Bucket();
            n.tokens = burst;
            n.at = nowNanos;
            return n;
        });
        b.tokens = Math.min(burst, b.tokens + (nowNanos - b.at) * perNano);
        b.at = nowNanos;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - b.tokens) / perNano / 1e9));
    }
}
