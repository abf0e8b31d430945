package cn.beian.chaos;

import cn.beian.it.Stack;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chaos run: N first filings driven through the whole pipeline at a fixed concurrency while parts of the stack are
 * SIGKILLed at seeded random intervals and started again, plus two targeted cases (review-service frozen and killed
 * between the administration's outcome and its event; materials-service killed in the middle of an upload's body).
 * Then the killing stops, the stack settles, and the services' own records are checked ({@link Checks}); the result
 * goes to a Markdown report ({@link Report}).
 */
final class Chaos implements Journey.Run {

    /** The run's parameters (bin/chaos passes them as system properties; the short IT sets its own). */
    record Config(int orders, long seed, int concurrency, long killEveryMs, int gatewayKills, int uploadKills,
            long patienceMs, long settleMs, boolean randomKills, List<String> scripted, Set<String> mustKill) {

        static Config fromProperties() {
            int orders = Integer.getInteger("chaos.orders", 1000);
            return new Config(orders, Long.getLong("chaos.seed", 16L), Integer.getInteger("chaos.concurrency", 12),
                    Long.getLong("chaos.killEvery", 20L) * 1000, Integer.getInteger("chaos.gatewayKills", 5),
                    Integer.getInteger("chaos.uploadKills", 2), Long.getLong("chaos.patience", 600L) * 1000,
                    Long.getLong("chaos.settle", 300L) * 1000, true, List.of(), Set.copyOf(Killer.PARTS));
        }
    }

    final Config config;
    final String tag;
    final long t0 = System.currentTimeMillis();
    private final Tokens tokens = new Tokens();
    private final Db db = new Db();
    final Killer killer;
    private final Set<Integer> gatewayTargets = new HashSet<>();
    private final Set<Integer> uploadTargets = new HashSet<>();
    final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    final List<Journey> journeys = new ArrayList<>();
    long driveMs;
    long settleMs;
    long checkMs;
    boolean settled;
    Checks checks;

    Chaos(Config config) {
        this.config = config;
        // a tag of this run's own in every name, number and address it makes (the stack may hold earlier runs' data)
        this.tag = String.format("%04d", Math.floorMod(System.nanoTime() ^ config.seed(), 10000));
        this.killer = new Killer(Path.of(System.getenv().getOrDefault("BEIAN_HOME", "..")).toAbsolutePath(),
                Path.of(System.getenv().getOrDefault("BEIAN_DATA", "../.data")).toAbsolutePath(), t0);
        Random pick = new Random(config.seed());
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < config.orders(); i++) {
            all.add(i);
        }
        java.util.Collections.shuffle(all, pick);
        for (int i = 0; i < Math.min(config.gatewayKills(), all.size()); i++) {
            gatewayTargets.add(all.get(i));
        }
        for (int i = 0; i < config.uploadKills() && config.gatewayKills() + i < all.size(); i++) {
            uploadTargets.add(all.get(config.gatewayKills() + i));
        }
    }

    Chaos run() {
        System.out.printf("[chaos] %d orders, seed %d, concurrency %d, a random kill every ~%ds, tag %s%n",
                config.orders(), config.seed(), config.concurrency(), config.killEveryMs() / 1000, tag);
        checks = new Checks(this, db, tokens);
        checks.baseline();
        Random data = new Random(config.seed() * 31 + 7);
        for (int i = 0; i < config.orders(); i++) {
            journeys.add(new Journey(i, this, data));
        }
        AtomicBoolean stop = new AtomicBoolean();
        Thread randomKiller = config.randomKills() ? killer.randomKills(config.seed(), config.killEveryMs(), stop)
                : killer.scriptedKills(config.scripted(), config.killEveryMs(), stop);
        ExecutorService pool = Executors.newFixedThreadPool(config.concurrency());
        AtomicLong finished = new AtomicLong();
        for (Journey j : journeys) {
            pool.submit(() -> {
                j.run();
                long n = finished.incrementAndGet();
                if (n % Math.max(1, config.orders() / 20) == 0 || n == config.orders()) {
                    System.out.printf("[chaos] %6.1fs %d/%d journeys finished%n", (System.currentTimeMillis() - t0)
                            / 1000.0, n, config.orders());
                }
            });
        }
        pool.shutdown();
        try {
            while (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                // journeys run
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        driveMs = System.currentTimeMillis() - t0;
        stop.set(true);
        if (randomKiller != null) {
            try {
                randomKiller.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        killer.ensureAllUp();
        long s = System.currentTimeMillis();
        settled = settle();
        settleMs = System.currentTimeMillis() - s;
        s = System.currentTimeMillis();
        checks.run();
        checkMs = System.currentTimeMillis() - s;
        return this;
    }

    /** Waits until every outbox is drained, no delivery is queued or in flight and nothing is parked. */
    private boolean settle() {
        long deadline = System.currentTimeMillis() + config.settleMs();
        while (System.currentTimeMillis() < deadline) {
            try {
                if (checks.quiet()) {
                    Pause.ms(3000); // anything still in flight in a consumer lands now
                    if (checks.quiet()) {
                        return true;
                    }
                }
            } catch (RuntimeException e) {
                // a service still starting
            }
            Pause.ms(1000);
        }
        return false;
    }

    Map<String, Long> killsPerPart() {
        Map<String, Long> m = new TreeMap<>();
        for (String p : Killer.PARTS) {
            m.put(p, 0L);
        }
        for (Killer.Kill k : killer.log()) {
            m.merge(k.part(), 1L, Long::sum);
        }
        return m;
    }

    boolean passed() {
        return checks.all().stream().allMatch(Checks.Check::passed);
    }

    // ------------------------------------------------------------------------------------------------ Journey.Run

    @Override
    public Tokens tokens() {
        return tokens;
    }

    @Override
    public long patienceMs() {
        return config.patienceMs();
    }

    @Override
    public String tag() {
        return tag;
    }

    @Override
    public boolean killMidUpload(int index) {
        return uploadTargets.contains(index);
    }

    @Override
    public boolean killGatewayAtOutcome(int index) {
        return gatewayTargets.contains(index);
    }

    @Override
    public Killer killer() {
        return killer;
    }

    @Override
    public Db db() {
        return db;
    }

    @Override
    public void note(String counter) {
        counters.computeIfAbsent(counter, k -> new AtomicLong()).incrementAndGet();
    }

    Map<String, Long> counters() {
        Map<String, Long> m = new TreeMap<>();
        counters.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    Set<Integer> gatewayTargets() {
        return gatewayTargets;
    }

    Set<Integer> uploadTargets() {
        return uploadTargets;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static JsonNode adminGet(Tokens tokens, String url) {
        for (int attempt = 0; ; attempt++) {
            Http.Resp r = Http.get(url).bearer(tokens.admin()).send();
            if (r.ok()) {
                return r.json();
            }
            if (attempt > 20) {
                throw new IllegalStateException("GET " + url + " answered " + r);
            }
            if (r.status() == 401) {
                tokens.forget("ada");
            }
            Pause.ms(500);
        }
    }

    static String stack() {
        return Stack.SUBJECT;
    }
}
