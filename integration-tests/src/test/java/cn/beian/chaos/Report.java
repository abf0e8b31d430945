package cn.beian.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.TreeMap;

/** The run's Markdown report: parameters, durations, the kill log, per-part counts, every check with its figures. */
final class Report {

    private Report() {
    }

    static Path write(Chaos c, String title, Path dir) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        md.append("Run ").append(OffsetDateTime.now(ZoneOffset.UTC).withNano(0)).append(" (UTC), result: **")
                .append(c.passed() ? "PASS" : "FAIL").append("**\n\n");
        md.append("## Parameters\n\n| | |\n| --- | --- |\n");
        row(md, "orders", c.config.orders());
        row(md, "seed", c.config.seed());
        row(md, "concurrency", c.config.concurrency());
        row(md, "random kill every (0.5–1.5 ×)", c.config.randomKills() ? c.config.killEveryMs() / 1000 + " s"
                : "off; scripted kills " + c.config.scripted() + ", " + c.config.killEveryMs() / 1000 + " s apart");
        row(md, "targeted: gateway between outcome and event", c.gatewayTargets().size() + " orders "
                + new java.util.TreeSet<>(c.gatewayTargets()));
        row(md, "targeted: materials mid-upload", c.uploadTargets().size() + " orders "
                + new java.util.TreeSet<>(c.uploadTargets()));
        row(md, "patience per step / settle", c.config.patienceMs() / 1000 + " s / " + c.config.settleMs() / 1000 + " s");
        row(md, "data tag (names, numbers, addresses)", c.tag);
        row(md, "stack", "ports +" + cn.beian.it.Stack.OFFSET + ", data " + System.getenv("BEIAN_DATA"));
        md.append("\n## Durations\n\n| | |\n| --- | --- |\n");
        row(md, "driving the orders (kills running)", secs(c.driveMs));
        row(md, "settling (outboxes, deliveries)", secs(c.settleMs) + (c.settled ? "" : " — did not settle"));
        row(md, "checks", secs(c.checkMs));
        LongSummaryStatistics js = c.journeys.stream().filter(j -> j.completed)
                .mapToLong(j -> j.endedMs - j.startedMs).summaryStatistics();
        if (js.getCount() > 0) {
            List<Long> sorted = c.journeys.stream().filter(j -> j.completed).map(j -> j.endedMs - j.startedMs)
                    .sorted().toList();
            row(md, "one journey (completed): min / median / p95 / max", secs(js.getMin()) + " / "
                    + secs(sorted.get(sorted.size() / 2)) + " / " + secs(sorted.get((int) (sorted.size() * 0.95)))
                    + " / " + secs(js.getMax()));
        }
        md.append("\n## Checks\n\n| check | result | figures |\n| --- | --- | --- |\n");
        for (Checks.Check k : c.checks.all()) {
            md.append("| ").append(k.name()).append(" | ").append(k.passed() ? "PASS" : "**FAIL**").append(" | ")
                    .append(k.figures().replace("|", "\\|")).append(" |\n");
        }
        for (Checks.Check k : c.checks.all()) {
            if (k.evidence().isEmpty()) {
                continue;
            }
            md.append("\n### ").append(k.passed() ? "" : "FAILED: ").append(k.name()).append("\n\n");
            List<String> ev = k.evidence();
            for (String e : ev.subList(0, Math.min(ev.size(), 60))) {
                md.append("- ").append(e.replace("\n", " ")).append('\n');
            }
            if (ev.size() > 60) {
                md.append("- … and ").append(ev.size() - 60).append(" more\n");
            }
        }
        md.append("\n## Kills per part\n\n| part | kills | mean time to ready |\n| --- | --- | --- |\n");
        Map<String, List<Long>> ready = new TreeMap<>();
        for (Killer.Kill k : c.killer.log()) {
            ready.computeIfAbsent(k.part(), p -> new ArrayList<>()).add(k.startMs());
        }
        c.killsPerPart().forEach((p, n) -> md.append("| ").append(p).append(" | ").append(n).append(" | ")
                .append(ready.containsKey(p) ? secs((long) ready.get(p).stream().mapToLong(Long::longValue).average()
                        .orElse(0)) : "–").append(" |\n"));
        md.append("\n## Kill log\n\n| at | part | why | kept down | start to ready | note |\n"
                + "| --- | --- | --- | --- | --- | --- |\n");
        for (Killer.Kill k : c.killer.log()) {
            md.append("| ").append(secs(k.atMs())).append(" | ").append(k.part()).append(" | ").append(k.why())
                    .append(" | ").append(k.downMs()).append(" ms | ").append(k.restarted() ? secs(k.startMs())
                            : "**did not start**").append(" | ").append(k.note() == null ? "" : k.note()).append(" |\n");
        }
        md.append("\n## What the clients met (retries, non-2xx answers they recovered from)\n\n| | count |\n"
                + "| --- | --- |\n");
        c.counters().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n## Orders left behind\n\n");
        boolean any = false;
        for (Journey j : c.journeys) {
            if (!j.completed) {
                any = true;
                md.append("- order ").append(j.index).append(" (").append(j.orderId).append("): ").append(j.failure)
                        .append('\n');
            }
        }
        if (!any) {
            md.append("None.\n");
        }
        try {
            Files.createDirectories(dir);
            Path out = dir.resolve("report.md");
            Files.writeString(out, md.toString());
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void row(StringBuilder md, String k, Object v) {
        md.append("| ").append(k).append(" | ").append(v).append(" |\n");
    }

    static String secs(long ms) {
        return String.format("%.1f s", ms / 1000.0);
    }
}
