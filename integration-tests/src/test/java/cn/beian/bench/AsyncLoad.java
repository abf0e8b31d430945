package cn.beian.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop load generator on one Vert.x event loop: {@code concurrency} virtual clients, each on its own
 * keep-alive connection, send their next request when the previous answer's last byte arrived. Far cheaper per
 * request than {@link Load}'s blocking threads, so on a machine whose cores the server shares the generator takes
 * less from it; use it for fast endpoints (reads from memory). Latency is measured at the client, on loopback.
 */
public final class AsyncLoad {

    /** One request: method, absolute URI, headers and a body ({@code null} for none). */
    public record Request(HttpMethod method, String uri, Map<String, String> headers, Buffer body) {

        public static Request get(String uri, Map<String, String> headers) {
            return new Request(HttpMethod.GET, uri, headers, null);
        }

        public static Request post(String uri, Map<String, String> headers, Buffer body) {
            return new Request(HttpMethod.POST, uri, headers, body);
        }
    }

    private AsyncLoad() {
    }

    public static Load.Result run(String name, int concurrency, Duration warmUp, Duration measured,
            IntFunction<Request> request, Load.IntPredicate ok) throws InterruptedException {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setMaxPoolSize(concurrency).setPipelining(false));
        try {
            loop(client, concurrency, warmUp, request, ok, null, null);
            long[][] latencies = new long[concurrency][1 << 21];
            int[] counts = new int[concurrency];
            AtomicLong errors = new AtomicLong();
            long t0 = System.nanoTime();
            loop(client, concurrency, measured, request, ok, new Sink(latencies, counts), errors);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long total = Arrays.stream(counts).asLongStream().sum();
            long[] all = new long[(int) total];
            int at = 0;
            for (int w = 0; w < concurrency; w++) {
                System.arraycopy(latencies[w], 0, all, at, counts[w]);
                at += counts[w];
            }
            Arrays.sort(all);
            return new Load.Result(name, concurrency, total, errors.get(), seconds, pct(all, 50), pct(all, 90),
                    pct(all, 99), all.length == 0 ? 0 : all[all.length - 1]);
        } finally {
            client.close();
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private record Sink(long[][] latencies, int[] counts) {
    }

    private static void loop(HttpClient client, int concurrency, Duration period, IntFunction<Request> request,
            Load.IntPredicate ok, Sink sink, AtomicLong errors) throws InterruptedException {
        long until = System.nanoTime() + period.toNanos();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int w = 0; w < concurrency; w++) {
            next(client, w, 0, until, request, ok, sink, errors, done);
        }
        if (!done.await(period.toSeconds() + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("load did not finish");
        }
    }

    private static void next(HttpClient client, int worker, int i, long until, IntFunction<Request> request,
            Load.IntPredicate ok, Sink sink, AtomicLong errors, CountDownLatch done) {
        if (System.nanoTime() >= until || (sink != null && i >= sink.latencies()[worker].length)) {
            if (sink != null) {
                sink.counts()[worker] = i;
            }
            done.countDown();
            return;
        }
        Request r = request.apply(worker * 10_000_000 + i);
        URI uri = URI.create(r.uri());
        RequestOptions options = new RequestOptions().setMethod(r.method()).setHost(uri.getHost())
                .setPort(uri.getPort()).setURI(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        r.headers().forEach(options::addHeader);
        long start = System.nanoTime();
        client.request(options).compose(req -> (r.body() == null ? req.send() : req.send(r.body()))
                        .compose(resp -> resp.body().map(b -> resp.statusCode())))
                .onComplete(ar -> {
                    boolean success = ar.succeeded() && ok.test(ar.result());
                    if (sink != null) {
                        sink.latencies()[worker][i] = Math.max(1, (System.nanoTime() - start) / 1_000);
                        if (!success) {
                            errors.incrementAndGet();
                        }
                    }
                    next(client, worker, i + 1, until, request, ok, sink, errors, done);
                });
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(idx, sorted.length - 1))];
    }
}
