package cn.beian.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * HTTP answer times as a histogram of a few fixed buckets (a p99 per service in Prometheus, the alert
 * {@code BeianSlowRequests} at 2.5 s), not Micrometer's ~70 default ones per route and status.
 */
public class HttpHistograms {

    private static final double[] BUCKETS_SECONDS = {0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

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
