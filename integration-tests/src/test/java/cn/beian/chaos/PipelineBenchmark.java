package cn.beian.chaos;

import cn.beian.bench.Charts;
import cn.beian.bench.StackMeter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline as one: first filings driven from a new account to both filing numbers by the chaos run's
 * journeys (a careful front-end: subject, order, website, materials, submit, initial review, curtain photo, photo
 * review, the administration's SMS check and approval), started at a stated offered load (open loop: one every 1/rate
 * seconds, whatever the others do), with nothing killed. Per load: journeys completed, their duration, every REST
 * call's latency at the client, and what each part spent per filing ({@link StackMeter}). Lives beside the chaos run
 * because it drives the same journeys. Loads: {@code bench.pipeline.rates} (orders/s, default 0.5,1,2), each for
 * {@code bench.pipeline.seconds} (default 60).
 */
class PipelineBenchmark {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DOMAIN = Pattern.compile("chaos-[0-9]+-[0-9]+\\.cn");

    @Test
    void firstFilingsFromAccountToNumbersAtOfferedLoads() throws Exception {
        double[] rates = Arrays.stream(System.getProperty("bench.pipeline.rates", "0.5,1,2").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        int seconds = Integer.getInteger("bench.pipeline.seconds", 60);
        StringBuilder md = new StringBuilder("# The whole pipeline: first filings from a new account to their numbers\n\n")
                .append("Run ").append(OffsetDateTime.now()).append(" on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, client and stack on one machine; ")
                .append("load average at the start: ").append(load()).append(".\n\n")
                .append("- Each filing is one journey of the chaos run (no kills): account, subject, order, domain ")
                .append("registered at the stand-in registry, website, materials, submit, initial review (a reviewer ")
                .append("claims and approves), curtain photo, photo review, the administration's SMS check, approval; ")
                .append("every step waits for the previous one's effect as a front-end would (polling the order).\n")
                .append("- Offered load: journeys started at a fixed rate for ").append(seconds)
                .append(" s (open loop); a load is sustained when the journeys' durations do not grow with it.\n")
                .append("- Reviewer and administration steps are driven by the same client, so a journey's duration is ")
                .append("the machine's time to a filing number, not a human's.\n")
                .append("- keycloak's CPU is the benchmark's own: it creates each filing's applicant account through ")
                .append("the admin API and signs it in; the services only verify tokens, locally.\n\n");
        // A stack started a moment ago is still compiling and settling (load average 13 at the first load's start):
        // that is no filing's cost.
        double[] quiet = StackMeter.awaitQuiet(0.3, 180);
        md.append(String.format("Before the warm-up the stack settled for %.0f s, down to %.0f %% of a core.%n%n",
                quiet[0], 100 * quiet[1]));
        Tokens tokens = new Tokens();
        Db db = new Db();
        // The JIT compiles the path while these run; they are not reported beyond this line (20 left C2 compiling
        // into the first load).
        int warmUp = Integer.getInteger("bench.pipeline.warmup", 40);
        Run warm = run(tokens, db, 1.0, warmUp, 0);
        md.append(String.format("Warm-up before the loads: %d journeys at 1 filing/s, %d completed (not reported "
                + "below).%n%n", warmUp, warm.completed()));
        int next = warmUp;
        Map<String, long[]> durations = new java.util.LinkedHashMap<>();
        for (double rate : rates) {
            Run r = run(tokens, db, rate, (int) Math.round(rate * seconds), next);
            next += r.journeys().size();
            durations.put(String.format("%.2g filings/s", rate), r.journeys().stream().filter(j -> j.completed)
                    .mapToLong(j -> j.endedMs - j.startedMs).toArray());
            md.append(section(rate, r.journeys(), r.load(), r.elapsed())).append('\n')
                    .append(StackMeter.table(r.before(), r.after(), r.completed(), "order", r.elapsed())).append('\n')
                    .append(r.completed() == 0 ? "" : suite(StackMeter.cpuPerUnit(r.before(), r.after(), r.completed())))
                    .append(r.completed() == 0 ? "" : Charts.bars(
                            String.format("pipeline-cpu-%.2g", rate).replace('.', '_'),
                            String.format("CPU per filing, per part, at %.2g filings/s", rate), "ms of CPU per filing",
                            StackMeter.cpuPerUnit(r.before(), r.after(), r.completed())))
                    .append("\n\nLoad average after this load: ").append(load()).append("\n\n");
            System.out.println(md);
        }
        md.append(Charts.distribution("pipeline-durations", "Account → filing numbers, per offered load", "s",
                durations, 1000.0)).append('\n');
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pipeline.md"), md.toString());
    }

    /**
     * The CPU per filing of Beian and what it runs on, without the benchmark's own account creation (keycloak) and
     * without the administration's stand-in (national-systems), which a provider does not run.
     */
    private static String suite(Map<String, Double> msPerFiling) {
        double all = msPerFiling.values().stream().mapToDouble(Double::doubleValue).sum();
        double keycloak = msPerFiling.getOrDefault("keycloak", 0.0);
        double national = msPerFiling.getOrDefault("national-systems", 0.0);
        return String.format("%nCPU per filing: %.2f s over all parts; %.2f s without keycloak (the benchmark creating "
                + "and signing in its accounts); %.2f s without the administration's stand-in too (Beian's five "
                + "services and the infrastructure they use).%n", all / 1000, (all - keycloak) / 1000,
                (all - keycloak - national) / 1000);
    }

    /** One load's journeys and what the parts spent while they ran. */
    private record Run(List<Journey> journeys, Load load, double elapsed, StackMeter.Snapshot before,
            StackMeter.Snapshot after) {
        long completed() {
            return journeys.stream().filter(j -> j.completed).count();
        }
    }

    /** Starts {@code orders} journeys at {@code rate} per second (open loop) and waits for all of them. */
    private static Run run(Tokens tokens, Db db, double rate, int orders, int firstIndex) throws InterruptedException {
        Load load = new Load(tokens, db, String.format("%04d", Math.floorMod(System.nanoTime(), 10000)));
        Random data = new Random(orders * 31L + firstIndex);
        List<Journey> journeys = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            journeys.add(new Journey(firstIndex + i, load, data));
        }
        StackMeter.Snapshot before = StackMeter.take();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newCachedThreadPool();
        long interval = (long) (1_000_000_000L / rate);
        for (int i = 0; i < journeys.size(); i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            pool.submit(journeys.get(i));
        }
        pool.shutdown();
        if (!pool.awaitTermination(20, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Run(journeys, load, elapsed, before, StackMeter.take());
    }

    private static String section(double rate, List<Journey> journeys, Load load, double elapsed) {
        long[] durations = journeys.stream().filter(j -> j.completed).mapToLong(j -> j.endedMs - j.startedMs).sorted()
                .toArray();
        StringBuilder s = new StringBuilder(String.format("## %.2g filings/s offered: %d started, %d completed in "
                        + "%.0f s (%.2f filings/s achieved)%n%n", rate, journeys.size(), durations.length, elapsed,
                durations.length / elapsed));
        journeys.stream().filter(j -> !j.completed).limit(5)
                .forEach(j -> s.append("- not completed: order ").append(j.index).append(" at ").append(j.failure)
                        .append('\n'));
        s.append(String.format("Account → numbers per filing: p50 %.1f s, p90 %.1f s, p99 %.1f s, max %.1f s.%n%n",
                pct(durations, 50) / 1000.0, pct(durations, 90) / 1000.0, pct(durations, 99) / 1000.0,
                durations.length == 0 ? 0 : durations[durations.length - 1] / 1000.0));
        s.append("| call (at the client) | count | errors (non-2xx answers, retried) | p50 (ms) | p99 (ms) | max (ms) |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        load.calls.forEach((what, times) -> {
            long[] v;
            synchronized (times) {
                v = times.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            s.append(String.format("| %s | %d | %d | %.1f | %.1f | %.1f |%n", what, v.length,
                    load.errors.getOrDefault(what, new AtomicLong()).get(), pct(v, 50) / 1000.0, pct(v, 99) / 1000.0,
                    v.length == 0 ? 0 : v[v.length - 1] / 1000.0));
        });
        return s.toString();
    }

    private static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** One load's run: the journeys' shared needs, and their calls' latencies by call (ids folded). */
    private static final class Load implements Journey.Run {
        private final Tokens tokens;
        private final Db db;
        private final String tag;
        final Map<String, List<Long>> calls = new TreeMap<>();
        final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();

        Load(Tokens tokens, Db db, String tag) {
            this.tokens = tokens;
            this.db = db;
            this.tag = tag;
        }

        @Override
        public Tokens tokens() {
            return tokens;
        }

        @Override
        public long patienceMs() {
            return 600_000;
        }

        @Override
        public String tag() {
            return tag;
        }

        @Override
        public boolean killMidUpload(int index) {
            return false;
        }

        @Override
        public boolean killGatewayAtOutcome(int index) {
            return false;
        }

        @Override
        public Killer killer() {
            throw new IllegalStateException("the pipeline benchmark kills nothing");
        }

        @Override
        public Db db() {
            return db;
        }

        @Override
        public void note(String counter) {
            // retries are counted per call in took()
        }

        @Override
        public void took(String what, int status, long micros) {
            String call = DOMAIN.matcher(ID.matcher(what.replaceAll("https?://[^/]+", "").replaceAll("\\?.*", ""))
                    .replaceAll("{id}")).replaceAll("{domain}");
            List<Long> times;
            synchronized (calls) {
                times = calls.computeIfAbsent(call, k -> new ArrayList<>());
            }
            synchronized (times) {
                times.add(micros);
            }
            if (status < 200 || status >= 300) {
                errors.computeIfAbsent(call, k -> new AtomicLong()).incrementAndGet();
            }
        }
    }
}
