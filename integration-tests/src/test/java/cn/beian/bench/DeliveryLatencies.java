package cn.beian.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How long notification-service's deliveries took from the event's moment to their hand-over to a gateway
 * ({@code eventAt} → {@code sentAt} of {@code GET /api/v1/deliveries}), per channel: the table and the chart the
 * notification benchmarks report.
 */
final class DeliveryLatencies {

    private final Map<String, List<Long>> byChannel = new TreeMap<>();

    /** Counts every delivery of {@code deliveries} (each a delivery as the admin API answers it). */
    void add(Iterable<JsonNode> deliveries) {
        for (JsonNode d : deliveries) {
            long micros = Duration.between(OffsetDateTime.parse(d.get("eventAt").asText()),
                    OffsetDateTime.parse(d.get("sentAt").asText())).toNanos() / 1000;
            byChannel.computeIfAbsent(d.get("channel").asText(), k -> new ArrayList<>()).add(micros);
        }
    }

    /** A Markdown table: count, p50, p90, p99 and max in ms per channel, and over all of them. */
    String table() {
        List<Long> all = new ArrayList<>();
        byChannel.values().forEach(all::addAll);
        StringBuilder table = new StringBuilder("| messages | count | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: |");
        byChannel.forEach((channel, values) -> table.append('\n').append(row(channel, values)));
        return table.append('\n').append(row("all", all)).toString();
    }

    /** The distribution chart of the latencies per channel. */
    String chart(String name, String title) {
        return Charts.distribution(name, title, "ms", byChannel.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().stream().mapToLong(Long::longValue).toArray())), 1000.0);
    }

    private static String row(String name, List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f |", name, v.length, pct(v, 50) / 1000.0,
                pct(v, 90) / 1000.0, pct(v, 99) / 1000.0, v.length == 0 ? 0 : v[v.length - 1] / 1000.0);
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
