package cn.beian.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each service's start-up, one at a time, next to a bare Quarkus app (issue 20: start to ready and idle RSS each at
 * most 1.5 × the bare app's). The infrastructure runs, no service does: each part is started by {@code bin/services
 * start <part>} exactly as the stack starts it (same environment, same JVM options), alone, then stopped again.
 *
 * <p>Per start: launch to the first 200 of {@code /q/health/ready} (polled every 50 ms), from the Java process' own
 * start time in {@code /proc/<pid>/stat} to {@code /proc/uptime} at the answer, so neither the poller's nor
 * {@code bin/services}' own start counts; Quarkus' "started in" from the part's log; the CPU-seconds the process had
 * spent when it became ready ({@code /proc/<pid>/stat}, all threads); its resident memory ({@code VmRSS}) after
 * {@value #IDLE_SECONDS_DEFAULT} s idle, and the CPU it spent during that idle time. Each part is started once first,
 * unmeasured: that start applies its Flyway migrations to the empty database of a fresh stack and brings its jars
 * into the page cache, so every measured start finds an up-to-date schema, as a restarted pod does.
 */
class StartupBenchmark {

    private static final int IDLE_SECONDS_DEFAULT = 10;
    private static final Duration IDLE = Duration.ofSeconds(Long.getLong("bench.startup.idle-seconds",
            IDLE_SECONDS_DEFAULT));
    private static final int RUNS = Integer.getInteger("bench.startup.runs", 3);
    private static final List<String> PARTS = Arrays.asList(System.getProperty("bench.startup.parts",
            "bare-app,subject-service,website-service,materials-service,review-service,notification-service,"
                    + "national-systems").split(","));
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    /** Linux' USER_HZ: /proc reports CPU time and start times in these ticks. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    private static final Pattern APPLIED = Pattern.compile("Successfully applied (\\d+) migrations?");
    private static final String BARE = "bare-app";

    private final Path home = Path.of(System.getenv().getOrDefault("BEIAN_HOME", ".."));
    private final Path data = Path.of(System.getenv().getOrDefault("BEIAN_DATA", "../.data"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** One measured start. */
    record Start(double ready, Double startedIn, double cpu, double rssMb, double idleCpu, String appCds) {
    }

    @Test
    void eachServiceAloneNextToABareApp() throws Exception {
        String loadBefore = BenchReport.loadAverage();
        Map<String, List<Start>> starts = new LinkedHashMap<>();
        Map<String, String> migrations = new LinkedHashMap<>();
        for (String part : PARTS) {
            services("stop", part);
            migrations.put(part, start(part, false).migrations);
            services("stop", part);
            List<Start> runs = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                Started s = start(part, true);
                runs.add(s.start);
                System.out.printf("%-22s run %d: ready %.2f s, started in %s s, CPU %.2f s, idle RSS %.0f MB%n", part,
                        i + 1, s.start.ready(), s.start.startedIn(), s.start.cpu(), s.start.rssMb());
                services("stop", part);
            }
            starts.put(part, runs);
        }
        String loadAfter = BenchReport.loadAverage();
        report(starts, migrations, loadBefore, loadAfter).write();
    }

    private record Started(Start start, String migrations) {
    }

    /** Starts a part alone, waits for its readiness and (if measured) its idle time; it keeps running. */
    private Started start(String part, boolean measured) throws IOException, InterruptedException {
        URI health = URI.create("http://127.0.0.1:" + port(part) + "/q/health/ready");
        Files.deleteIfExists(pidFile(part));
        Process launcher = new ProcessBuilder(home.resolve("bin/services").toString(), "start", part)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        Files.createDirectories(Path.of("target", "bench")).resolve("startup-services.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        double readyAt;
        while (true) {
            if (answers(health)) {
                readyAt = uptime();
                break;
            }
            if (!launcher.isAlive() && launcher.exitValue() != 0) {
                throw new IllegalStateException(part + " did not start (bin/services exit " + launcher.exitValue()
                        + "; see target/bench/startup-services.log and " + log(part) + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(part + " not ready after " + TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(POLL.toMillis());
        }
        long pid = Long.parseLong(Files.readString(pidFile(part)).strip());
        long[] stat = stat(pid);
        double ready = readyAt - stat[0] / TICKS_PER_SECOND;
        double cpu = stat[1] / TICKS_PER_SECOND;
        if (!launcher.waitFor(30, TimeUnit.SECONDS) || launcher.exitValue() != 0) {
            throw new IllegalStateException(part + ": bin/services start did not finish well");
        }
        String logSinceStart = logSinceStart(part);
        Matcher applied = APPLIED.matcher(logSinceStart);
        String migrations = applied.find() ? applied.group(1)
                : logSinceStart.contains("No migration necessary") ? "0" : "-";
        if (!measured) {
            return new Started(null, migrations);
        }
        Thread.sleep(IDLE.toMillis());
        double idleCpu = stat(pid)[1] / TICKS_PER_SECOND - cpu;
        // Read again after the idle time: under load the health check can answer before the line is logged.
        Matcher started = STARTED_IN.matcher(logSinceStart(part));
        Double startedIn = started.find() ? Double.valueOf(started.group(1)) : null;
        return new Started(new Start(ready, startedIn, cpu, rssKb(pid) / 1024.0, idleCpu,
                appCds(part, logSinceStart)), migrations);
    }

    private BenchReport report(Map<String, List<Start>> starts, Map<String, String> migrations, String loadBefore,
            String loadAfter) {
        String jvm = System.getenv().getOrDefault("BEIAN_SERVICE_JAVA_OPTS",
                "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        BenchReport report = new BenchReport("startup", "Each service's start-up alone, next to a bare Quarkus app")
                .note("Load average before: " + loadBefore + "; after: " + loadAfter + " (1, 5, 15 min).")
                .note("The infrastructure runs (PostgreSQL, Kafka, Keycloak, S3, SMTP, SMS); no service does. Each "
                        + "part is started alone by `bin/services start <part>` (the stack's own environment and JVM "
                        + "options: `" + jvm + "`), measured, then stopped; " + RUNS + " measured starts each, "
                        + "median and min–max.")
                .note("`bare-app` (bench/bare-app): Quarkus REST, SmallRye Health and a reactive PostgreSQL "
                        + "datasource (its readiness check included) on the stack's PostgreSQL, one constant GET - "
                        + "nothing of Beian's (no Hibernate, Flyway, Kafka, OIDC, OpenTelemetry, Micrometer, "
                        + "scheduler, OpenAPI).")
                .note("Start to ready: from the Java process' start (`/proc/<pid>/stat`) to the first 200 of "
                        + "`/q/health/ready`, polled every " + POLL.toMillis() + " ms. Started in: Quarkus' own log "
                        + "line (JVM start to the end of its start-up, without the readiness checks' first round). "
                        + "CPU to ready: the process' user + system CPU-seconds at that moment, all threads. Idle RSS: "
                        + "`VmRSS` after " + IDLE.toSeconds() + " s idle; idle CPU: what it spent in those seconds.")
                .note("Flyway: each part is first started once unmeasured against the fresh stack's empty database "
                        + "(migrations applied then: " + migrationsLine(migrations) + "); the measured starts find "
                        + "the schema up to date (Flyway still validates it), as a restarted pod does.")
                .note("AppCDS: `yes` - started with the archive of the classes a start loads that the build made "
                        + "(`-Pappcds`, as `bin/bench` builds; `-XX:SharedArchiveFile=app-cds.jsa`); `no` - without "
                        + "(a build without `-Pappcds`, or `BEIAN_APPCDS=false`); `refused` - the JVM would not use it.");
        List<Start> bare = starts.get(BARE);
        StringBuilder md = new StringBuilder();
        md.append("| part | AppCDS | start to ready (s) | × bare | started in (s) | CPU to ready (s) | × bare | "
                + "idle RSS (MB) | × bare | idle CPU (s / ").append(IDLE.toSeconds()).append(" s) |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        Map<String, Double> readyChart = new LinkedHashMap<>();
        Map<String, Double> rssChart = new LinkedHashMap<>();
        starts.forEach((part, runs) -> {
            md.append(String.format("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", part,
                    String.join(", ", runs.stream().map(Start::appCds).distinct().toList()),
                    spread(runs, Start::ready, "%.2f"), ratio(runs, bare, Start::ready),
                    spread(runs.stream().filter(s -> s.startedIn() != null).toList(), Start::startedIn, "%.2f"),
                    spread(runs, Start::cpu, "%.2f"), ratio(runs, bare, Start::cpu),
                    spread(runs, Start::rssMb, "%.0f"), ratio(runs, bare, Start::rssMb),
                    spread(runs, Start::idleCpu, "%.2f")));
            readyChart.put(part, median(runs, Start::ready));
            rssChart.put(part, median(runs, Start::rssMb));
        });
        report.line("Median [min–max] of " + RUNS + " starts; × bare: the median's ratio to bare-app's (target: at "
                + "most 1.5 for start to ready and idle RSS).\n\n" + md.toString().strip());
        report.line(Charts.bars("startup-ready", "Start to ready, median (s)", "seconds", readyChart));
        report.line(Charts.bars("startup-rss", "Idle RSS, median (MB)", "MB", rssChart));
        StringBuilder each = new StringBuilder("Every measured start:\n\n| part | start | start to ready (s) | "
                + "started in (s) | CPU to ready (s) | idle RSS (MB) | idle CPU (s) |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        starts.forEach((part, runs) -> {
            for (int i = 0; i < runs.size(); i++) {
                Start s = runs.get(i);
                each.append(String.format("| %s | %d | %.2f | %s | %.2f | %.0f | %.2f |%n", part, i + 1, s.ready(),
                        s.startedIn() == null ? "-" : String.format("%.2f", s.startedIn()), s.cpu(), s.rssMb(),
                        s.idleCpu()));
            }
        });
        report.line(each.toString().strip());
        return report;
    }

    /**
     * Whether the start used the part's AppCDS archive: bin/services passes it when the build left one (-Pappcds) and
     * BEIAN_APPCDS is not false; the JVM refuses a stale one with a warning in the log.
     */
    private String appCds(String part, String logSinceStart) {
        Path app = home.resolve(part.equals(BARE) ? "bench/bare-app" : part).resolve("target/quarkus-app");
        if ("false".equals(System.getenv("BEIAN_APPCDS")) || !Files.exists(app.resolve("app-cds.jsa"))) {
            return "no";
        }
        return logSinceStart.contains("shared archive") || logSinceStart.contains("[cds") ? "refused" : "yes";
    }

    private static String migrationsLine(Map<String, String> migrations) {
        StringBuilder s = new StringBuilder();
        migrations.forEach((part, n) -> s.append(s.length() == 0 ? "" : ", ").append(part).append(' ')
                .append(n.equals("-") ? "none (no Flyway)" : n));
        return s.toString();
    }

    private static String spread(List<Start> runs, ToDoubleFunction<Start> f, String format) {
        if (runs.isEmpty()) {
            return "-";
        }
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        return String.format(format + " [" + format + "–" + format + "]", median(v), v[0], v[v.length - 1]);
    }

    private static String ratio(List<Start> runs, List<Start> bare, ToDoubleFunction<Start> f) {
        if (bare == null || bare.isEmpty() || runs.isEmpty()) {
            return "-";
        }
        return String.format("%.2f", median(runs, f) / median(bare, f));
    }

    private static double median(List<Start> runs, ToDoubleFunction<Start> f) {
        return median(runs.stream().mapToDouble(f).sorted().toArray());
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private boolean answers(URI uri) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void services(String command, String part) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(home.resolve("bin/services").toString(), command, part)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroy();
            throw new IllegalStateException("bin/services " + command + " " + part + " did not finish");
        }
    }

    /** The part's HTTP port, from the variables bin/lib/env.sh exports. */
    private static int port(String part) {
        String variable = switch (part) {
            case "subject-service" -> "BEIAN_SUBJECT_PORT";
            case "website-service" -> "BEIAN_WEBSITE_PORT";
            case "materials-service" -> "BEIAN_MATERIALS_PORT";
            case "review-service" -> "BEIAN_REVIEW_PORT";
            case "notification-service" -> "BEIAN_NOTIFICATION_PORT";
            case "national-systems" -> "BEIAN_NATIONAL_PORT";
            case BARE -> "BEIAN_BARE_APP_PORT";
            default -> throw new IllegalArgumentException("no part " + part);
        };
        String v = System.getenv(variable);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(variable + " is not set: run through bin/bench startup");
        }
        return Integer.parseInt(v);
    }

    private Path pidFile(String part) {
        return data.resolve("pids").resolve(part + ".pid");
    }

    private Path log(String part) {
        return data.resolve("logs").resolve(part + ".log");
    }

    /** The part's log since its last start banner (bin/lib/infra-common.sh writes one per start). */
    private String logSinceStart(String part) throws IOException {
        String log = Files.readString(log(part));
        int banner = log.lastIndexOf("=== beian-infra start ");
        return banner < 0 ? log : log.substring(banner);
    }

    /** Seconds since boot, as /proc/uptime has it (the same clock as a process' start time). */
    private static double uptime() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
    }

    /** A process' start time (ticks since boot) and the CPU ticks it has spent (user + system, all threads). */
    private static long[] stat(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        // Fields after the command name (which may hold spaces) start at state (field 3): utime is field 14,
        // stime 15, starttime 22.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(f[19]), Long.parseLong(f[11]) + Long.parseLong(f[12])};
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            throw new IllegalStateException("no VmRSS for " + pid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
