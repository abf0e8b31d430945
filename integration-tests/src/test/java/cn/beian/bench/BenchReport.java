package cn.beian.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark's report: a Markdown table of every run (throughput, p50 / p90 / p99 / max at the client), printed and
 * written to {@code integration-tests/target/bench/<name>.md}. Reports state figures; nothing here asserts a time.
 */
public final class BenchReport {

    private final String name;
    private final String title;
    private final List<String> notes = new ArrayList<>();
    private final List<Load.Result> results = new ArrayList<>();
    private final List<String> extraLines = new ArrayList<>();

    public BenchReport(String name, String title) {
        this.name = name;
        this.title = title;
    }

    public BenchReport note(String line) {
        notes.add(line);
        return this;
    }

    public BenchReport add(Load.Result result) {
        results.add(result);
        System.out.printf("%-48s c=%-3d %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d%n", result.name(),
                result.concurrency(), result.throughput(), result.p50() / 1000.0, result.p99() / 1000.0,
                result.errors());
        return this;
    }

    /** A free line under the table, e.g. a latency measured another way. */
    public BenchReport line(String line) {
        extraLines.add(line);
        System.out.println(line);
        return this;
    }

    public String render() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        md.append("Run ").append(OffsetDateTime.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, client and stack on one machine (loopback), Java ")
                .append(System.getProperty("java.version")).append("; load average when written: ")
                .append(loadAverage()).append(".\n\n");
        for (String n : notes) {
            md.append("- ").append(n).append('\n');
        }
        if (!results.isEmpty()) {
            md.append("\n| run | concurrency | requests | errors | throughput (req/s) | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |\n");
            md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        }
        for (Load.Result r : results) {
            md.append(String.format("| %s | %d | %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f |%n", r.name(),
                    r.concurrency(), r.requests(), r.errors(), r.throughput(), r.p50() / 1000.0, r.p90() / 1000.0,
                    r.p99() / 1000.0, r.max() / 1000.0));
        }
        for (String l : extraLines) {
            md.append('\n').append(l).append('\n');
        }
        return md.toString();
    }

    /** The machine's load average (1, 5 and 15 minutes, runnable / all tasks, last pid) as /proc/loadavg has it. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Prints the report and writes it under target/bench. */
    public void write() {
        String md = render();
        System.out.println(md);
        try {
            Path dir = Path.of("target", "bench");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".md"), md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
