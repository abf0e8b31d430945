package cn.beian.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.regex.Pattern;

/** How Quarkus' HTTP metrics are kept: bounded {@code uri} labels, and answer times in a few fixed buckets. */
public class HttpMetrics {

    private static final double[] BUCKETS_SECONDS = {0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final Pattern ID_SEGMENT = Pattern.compile(
            "/(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9]+)(?=/|$)");

    /**
     * A request the edge refuses before any route matched it (a malformed body, a bad parameter) is labelled with its
     * raw path: its ids become {@code {id}}, so that no series names an order or an account.
     */
    @Produces
    @Singleton
    MeterFilter boundedUris() {
        return MeterFilter.replaceTagValues("uri", uri -> ID_SEGMENT.matcher(uri).replaceAll("/{id}"));
    }

    /** A p99 per service in Prometheus (the alert {@code BeianSlowRequests} at 2.5 s), not ~70 buckets per route. */
    @Produces
    @Singleton
    MeterFilter httpServerBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!"http.server.requests".equals(id.getName())) {
                    return config;
                }
                double[] nanos = new double[BUCKETS_SECONDS.length];
                for (int i = 0; i < nanos.length; i++) {
                    nanos[i] = Duration.ofMillis((long) (BUCKETS_SECONDS[i] * 1000)).toNanos();
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
