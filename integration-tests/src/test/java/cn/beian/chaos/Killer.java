package cn.beian.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Kills parts of the stack with SIGKILL (the whole process group, as a node failure would) and starts them again with
 * bin/services or bin/infra, timing how long each takes to be ready. One part is down at a time: the random killer and
 * the targeted cases take turns through one lock. Every kill is written to the log the report prints.
 */
final class Killer {

    static final List<String> SERVICES = List.of("subject-service", "website-service", "materials-service",
            "review-service", "notification-service", "national-systems");
    static final List<String> PARTS;

    static {
        List<String> p = new ArrayList<>(SERVICES);
        p.add("kafka");
        PARTS = List.copyOf(p);
    }

    /** One kill: what, why, when (ms since the run began), how long it stayed down, how long its start took. */
    record Kill(String part, String why, long atMs, long downMs, long startMs, boolean restarted, String note) {
    }

    private final Path home;
    private final Path data;
    private final long t0;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);
    private final List<Kill> log = Collections.synchronizedList(new ArrayList<>());

    Killer(Path home, Path data, long t0) {
        this.home = home;
        this.data = data;
        this.t0 = t0;
    }

    List<Kill> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** Kills a part, keeps it down {@code downMs}, starts it again and waits until it is ready. */
    Kill killAndRestart(String part, String why, long downMs) {
        oneAtATime.lock();
        try {
            long at = System.currentTimeMillis() - t0;
            sigkill(part);
            Pause.ms(downMs);
            return restart(part, why, at, downMs, null);
        } finally {
            oneAtATime.unlock();
        }
    }

    /**
     * The gateway case: freezes the part (SIGSTOP, so it can do nothing more), runs {@code between} — which records
     * an outcome elsewhere and answers a note on what the frozen part had done by then — then SIGKILLs the frozen
     * group, starts it again and waits until ready.
     */
    Kill freezeActKill(String part, String why, java.util.function.Supplier<String> between) {
        oneAtATime.lock();
        try {
            long at = System.currentTimeMillis() - t0;
            String pgid = pgid(part);
            signal("-STOP", pgid);
            String note;
            try {
                note = between.get();
            } finally {
                sigkill(part);
            }
            return restart(part, why, at, 0, note);
        } finally {
            oneAtATime.unlock();
        }
    }

    /** For a kill that must land at a moment the caller chooses (mid-upload): SIGKILL now, restart in the same call. */
    Kill killNowAndRestart(String part, String why) {
        return killAndRestart(part, why, 0);
    }

    private Kill restart(String part, String why, long at, long downMs, String note) {
        long s = System.currentTimeMillis();
        boolean ok = start(part);
        if (!ok) {
            // a start that failed (a port still held for a moment) is tried once more before the run gives up on it
            Pause.ms(2000);
            ok = start(part);
        }
        Kill k = new Kill(part, why, at, downMs, System.currentTimeMillis() - s, ok, note);
        log.add(k);
        System.out.printf("[chaos] %6.1fs SIGKILL %-20s (%s) down %d ms, ready after %d ms%s%s%n", at / 1000.0, part,
                why, downMs, k.startMs(), ok ? "" : " — START FAILED", note == null ? "" : " — " + note);
        return k;
    }

    /** Starts every part that is not running (the run's end: nothing is left down). */
    void ensureAllUp() {
        oneAtATime.lock();
        try {
            for (String p : PARTS) {
                if (!alive(p)) {
                    start(p);
                }
            }
        } finally {
            oneAtATime.unlock();
        }
    }

    boolean alive(String part) {
        try {
            String pgid = pgid(part);
            return run(List.of("kill", "-0", "--", "-" + pgid), false) == 0;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private void sigkill(String part) {
        String pgid = pgid(part);
        signal("-KILL", pgid);
        for (int i = 0; i < 200 && run(List.of("kill", "-0", "--", "-" + pgid), false) == 0; i++) {
            Pause.ms(50);
        }
    }

    private void signal(String sig, String pgid) {
        if (run(List.of("kill", sig, "--", "-" + pgid), true) != 0) {
            throw new IllegalStateException("kill " + sig + " -" + pgid + " failed");
        }
    }

    private String pgid(String part) {
        try {
            return Files.readString(data.resolve("pids").resolve(part + ".pid")).trim();
        } catch (IOException e) {
            throw new IllegalStateException(part + " has no pid file under " + data, e);
        }
    }

    private boolean start(String part) {
        List<String> cmd = "kafka".equals(part) ? List.of(home.resolve("bin/infra").toString(), "start", "kafka")
                : List.of(home.resolve("bin/services").toString(), "start", part);
        return run(cmd, true) == 0;
    }

    private int run(List<String> cmd, boolean logOutput) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            if (logOutput) {
                pb.redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("chaos-commands.log").toFile()));
            } else {
                pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            return pb.start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The short run's killer: the given parts one after another, {@code everyMs} apart (the first after one wait). */
    Thread scriptedKills(List<String> parts, long everyMs, java.util.concurrent.atomic.AtomicBoolean stop) {
        Thread t = new Thread(() -> {
            for (String part : parts) {
                long until = System.currentTimeMillis() + everyMs;
                while (!stop.get() && System.currentTimeMillis() < until) {
                    Pause.ms(200);
                }
                if (stop.get()) {
                    break;
                }
                killAndRestart(part, "scripted", 1000);
            }
        }, "chaos-scripted-killer");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * The random killer: until stopped, sleeps a seeded interval around {@code everyMs} (0.5–1.5 ×), then kills the
     * next part of a seeded shuffle of all parts (so every part is hit before any is hit twice), keeps it down a
     * seeded 0–3 s, and restarts it.
     */
    Thread randomKills(long seed, long everyMs, java.util.concurrent.atomic.AtomicBoolean stop) {
        Thread t = new Thread(() -> {
            Random random = new Random(seed);
            List<String> round = new ArrayList<>();
            while (!stop.get()) {
                long wait = (long) (everyMs * (0.5 + random.nextDouble()));
                long until = System.currentTimeMillis() + wait;
                while (!stop.get() && System.currentTimeMillis() < until) {
                    Pause.ms(200);
                }
                if (stop.get()) {
                    break;
                }
                if (round.isEmpty()) {
                    round.addAll(PARTS);
                    Collections.shuffle(round, random);
                }
                String part = round.remove(0);
                killAndRestart(part, "random", random.nextInt(3000));
            }
        }, "chaos-random-killer");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
