package cn.beian.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop load generator for benchmarks: {@code concurrency} workers each send a request, wait for its answer
 * and send the next, for a warm-up and then a measured period. Latency is measured at the client, on loopback, from
 * just before sending to the last byte of the answer.
 */
public final class Load {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4))
            .build();

    private Load() {
    }

    /** What one run measured. Latencies in microseconds. */
    public record Result(String name, int concurrency, long requests, long errors, double seconds, long p50, long p90,
            long p99, long max) {

        public double throughput() {
            return requests / seconds;
        }
    }

    /**
     * Runs the load.
     *
     * @param request builds the i-th request (each worker numbers its own requests, so bodies can differ)
     * @param ok      which status codes count as success
     */
    public static Result run(String name, int concurrency, Duration warmUp, Duration measured,
            IntFunction<HttpRequest> request, IntPredicate ok) throws InterruptedException {
        return runAnswered(name, concurrency, warmUp, measured, request, r -> ok.test(r.statusCode()));
    }

    /** As {@link #run}, judging the whole answer (its headers too: the next request may need its ETag). */
    public static Result runAnswered(String name, int concurrency, Duration warmUp, Duration measured,
            IntFunction<HttpRequest> request, Answered ok) throws InterruptedException {
        runFor(concurrency, warmUp, request, ok, null);
        List<long[]> perWorker = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long t0 = System.nanoTime();
        long count = runFor(concurrency, measured, request, ok, new Sink(perWorker, errors));
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] all = perWorker.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        return new Result(name, concurrency, count, errors.get(), seconds, pct(all, 50), pct(all, 90), pct(all, 99),
                all.length == 0 ? 0 : all[all.length - 1]);
    }

    /**
     * Runs an open-loop load: {@code workers} clients (reviewers, say) each send a request every {@code interval},
     * their start times spread evenly over one interval, whether or not earlier answers came back late. Latency counts
     * from when a request was due, not when it was sent, so a server that falls behind is not flattered by the
     * client waiting for it (no coordinated omission). The answer's concurrency is the number of workers.
     */
    public static Result paced(String name, int workers, Duration interval, Duration warmUp, Duration measured,
            IntFunction<HttpRequest> request, IntPredicate ok) throws InterruptedException {
        Answered answered = r -> ok.test(r.statusCode());
        pacedFor(workers, interval, warmUp, request, answered, null);
        List<long[]> perWorker = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long t0 = System.nanoTime();
        long count = pacedFor(workers, interval, measured, request, answered, new Sink(perWorker, errors));
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] all = perWorker.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        return new Result(name, workers, count, errors.get(), seconds, pct(all, 50), pct(all, 90), pct(all, 99),
                all.length == 0 ? 0 : all[all.length - 1]);
    }

    private static long pacedFor(int workers, Duration interval, Duration period, IntFunction<HttpRequest> request,
            Answered ok, Sink sink) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch done = new CountDownLatch(workers);
        AtomicLong total = new AtomicLong();
        long step = interval.toNanos();
        long start = System.nanoTime();
        long until = start + period.toNanos();
        for (int w = 0; w < workers; w++) {
            long[] latencies = new long[(int) Math.min(1 << 20, period.toNanos() / step + 2)];
            if (sink != null) {
                synchronized (sink.perWorker()) {
                    sink.perWorker().add(latencies);
                }
            }
            int worker = w;
            long first = start + step * w / workers;
            pool.execute(() -> {
                int i = 0;
                try {
                    for (long due = first; due < until && i < latencies.length; due += step) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        // counted from when it was due, not from when it could go
                        latencies[i] = timed(request.apply(worker * 10_000_000 + i), due, ok, sink);
                        i++;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    total.addAndGet(i);
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        return total.get();
    }

    /** Sends one request and answers its body, failing on an unexpected status (for set-up steps). */
    public static String send(HttpRequest request, int expectedStatus) {
        return exchange(request, expectedStatus).body();
    }

    /** As {@link #send}, answering the whole answer (headers too). */
    public static HttpResponse<String> exchange(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expectedStatus) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + r.statusCode()
                        + ": " + r.body());
            }
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    public interface IntPredicate {
        boolean test(int status);
    }

    /** Whether an answer counts as a success, seeing the whole answer. */
    @FunctionalInterface
    public interface Answered {
        boolean test(HttpResponse<?> answer);
    }

    private record Sink(List<long[]> perWorker, AtomicLong errors) {
    }

    private static long runFor(int concurrency, Duration period, IntFunction<HttpRequest> request, Answered ok,
            Sink sink) throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        CountDownLatch done = new CountDownLatch(concurrency);
        AtomicLong total = new AtomicLong();
        long until = System.nanoTime() + period.toNanos();
        for (int w = 0; w < concurrency; w++) {
            long[] latencies = new long[1 << 20];
            if (sink != null) {
                synchronized (sink.perWorker()) {
                    sink.perWorker().add(latencies);
                }
            }
            int worker = w;
            workers.execute(() -> {
                int i = 0;
                try {
                    while (System.nanoTime() < until && i < latencies.length) {
                        HttpRequest r = request.apply(worker * 10_000_000 + i);
                        latencies[i] = timed(r, System.nanoTime(), ok, sink);
                        i++;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    total.addAndGet(i);
                    done.countDown();
                }
            });
        }
        done.await();
        workers.shutdown();
        return total.get();
    }

    /**
     * Sends {@code r} and answers the microseconds from {@code from} (a {@code System.nanoTime()}) to its answer; a
     * status {@code ok} refuses, or no answer, counts as an error in {@code sink}.
     */
    private static long timed(HttpRequest r, long from, Answered ok, Sink sink) throws InterruptedException {
        boolean success;
        try {
            success = ok.test(CLIENT.send(r, HttpResponse.BodyHandlers.discarding()));
        } catch (IOException e) {
            success = false;
        }
        if (!success && sink != null) {
            sink.errors().incrementAndGet();
        }
        return Math.max(1, (System.nanoTime() - from) / 1_000);
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(idx, sorted.length - 1))];
    }
}
