package cn.beian.bench;

import cn.beian.it.Keycloak;
import cn.beian.it.MaterialsIT;
import cn.beian.it.Stack;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Upload throughput of materials-service (bytes judged, decoded, stripped, hashed, intent row, put, completion with
 * its readiness check, over HTTP with a bearer token) next to a direct put of the same bytes through the same MinIO
 * client library (io.minio 8.6.0, as quarkus-minio uses) into the same s3proxy, in the same run. Not a test: it
 * writes target/bench/upload.md.
 */
class UploadBenchmark {

    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 4);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 5));
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("bench.seconds", 15));
    /**
     * Uploads before the measured runs, unmeasured and uncounted: C2 still took 0.4-0.6 of a core compiling
     * materials-service's upload path 20 s into the run (docs/benchmarks/upload.md).
     */
    private static final Duration JIT_WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.jit-warmup", 40));

    @Test
    void uploadsNextToDirectPuts() throws Exception {
        byte[] image = photo(1600, 1200);
        List<String> tokens = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < CONCURRENCY; i++) { // one applicant and order per worker: no shared order lock
            String token = Keycloak.newApplicant();
            tokens.add(token);
            orders.add(MaterialsIT.newOrder(token));
        }
        String bucket = System.getenv().getOrDefault("BEIAN_S3_BUCKET", "beian-materials");
        MinioClient minio = MinioClient.builder().endpoint(Stack.S3)
                .credentials(System.getenv().getOrDefault("BEIAN_S3_ACCESS_KEY", "beian-local"),
                        System.getenv().getOrDefault("BEIAN_S3_SECRET_KEY", "beian-local-secret"))
                .region("us-east-1").build();

        BenchReport report = new BenchReport("upload", "materials-service upload vs direct S3 put")
                .note("File: one " + image.length + "-byte photo-like JPEG (1600×1200), kind OTHER of the subject (each upload a "
                        + "new version); one order per worker")
                .note("Direct put: io.minio MinioClient.putObject of the same bytes to the same s3proxy bucket")
                .note("Warm-up " + WARM_UP.toSeconds() + " s, measured " + MEASURED.toSeconds() + " s, closed loop");
        report.note("Before the measured runs, " + JIT_WARM_UP.toSeconds() + " s of uploads, unmeasured and not "
                + "counted, so that the JIT has compiled the upload path; the CPU tables count from the end of it");
        Load.run("JIT warm-up", CONCURRENCY, JIT_WARM_UP, Duration.ZERO, i -> upload(orders, tokens, image, i),
                status -> status == 201);
        StackMeter.Snapshot beforePuts = StackMeter.take();
        long putsStart = System.nanoTime();
        Load.Result direct = directPuts(minio, bucket, image);
        String putsSpent = spent("Direct puts", beforePuts, direct, putsStart);
        StackMeter.Snapshot beforeUploads = StackMeter.take();
        long uploadsStart = System.nanoTime();
        Load.Result upload = Load.run("POST /api/v1/orders/{id}/materials", CONCURRENCY, WARM_UP, MEASURED,
                i -> upload(orders, tokens, image, i), status -> status == 201);
        String uploadsSpent = spent("Uploads", beforeUploads, upload, uploadsStart);
        report.add(direct).add(upload);
        report.line(String.format("Upload throughput %.1f MiB/s (%.0f files/s) vs direct put %.1f MiB/s (%.0f "
                        + "puts/s): the service reaches %.0f%% of the bare store.",
                upload.throughput() * image.length / 1048576.0, upload.throughput(),
                direct.throughput() * image.length / 1048576.0, direct.throughput(),
                100.0 * upload.throughput() / direct.throughput()));
        report.line(putsSpent).line(uploadsSpent);
        report.write();
    }

    /** Worker {@code i / 10 000 000}'s upload of the photo to its own order. */
    private static HttpRequest upload(List<String> orders, List<String> tokens, byte[] image, int i) {
        int worker = i / 10_000_000;
        return HttpRequest.newBuilder(URI.create(Stack.MATERIALS + "/api/v1/orders/" + orders.get(worker)
                        + "/materials?kind=OTHER&ownerRef=subject"))
                .header("Authorization", "Bearer " + tokens.get(worker)).header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(image)).build();
    }

    /** What each part spent on a run, per file; the counters span the warm-up, its files estimated at the rate. */
    private static String spent(String what, StackMeter.Snapshot before, Load.Result run, long startNanos) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        return what + ": " + StackMeter.table(before, StackMeter.take(), Math.round(run.throughput() * elapsed),
                "file", elapsed);
    }

    private static Load.Result directPuts(MinioClient minio, String bucket, byte[] image) throws Exception {
        runPuts(minio, bucket, image, WARM_UP, null);
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long t0 = System.nanoTime();
        long count = runPuts(minio, bucket, image, MEASURED, new Object[] {latencies, errors});
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        return new Load.Result("MinioClient.putObject (direct)", CONCURRENCY, count, errors.get(), seconds,
                pct(all, 50), pct(all, 90), pct(all, 99), all.length == 0 ? 0 : all[all.length - 1]);
    }

    @SuppressWarnings("unchecked")
    private static long runPuts(MinioClient minio, String bucket, byte[] image, Duration period, Object[] sink)
            throws InterruptedException {
        long end = System.nanoTime() + period.toNanos();
        AtomicLong done = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < CONCURRENCY; w++) {
            long[] mine = new long[1_000_000];
            if (sink != null) {
                synchronized (sink) {
                    ((List<long[]>) sink[0]).add(mine);
                }
            }
            Thread t = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    try {
                        minio.putObject(PutObjectArgs.builder().bucket(bucket).object("bench/" + UUID.randomUUID())
                                .stream(new ByteArrayInputStream(image), image.length, -1).contentType("image/jpeg")
                                .build());
                        if (n < mine.length) {
                            mine[n++] = (System.nanoTime() - s) / 1000;
                        }
                        done.incrementAndGet();
                    } catch (Exception e) {
                        if (sink != null) {
                            ((AtomicLong) sink[1]).incrementAndGet();
                        }
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return done.get();
    }

    /** A photo-like JPEG (noise compresses like a real scan, unlike a flat colour): about 1 MiB at 1600×1200. */
    private static byte[] photo(int w, int h) throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(42);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int base = (x * 255 / w) << 16 | (y * 255 / h) << 8;
                img.setRGB(x, y, base | random.nextInt(64) << 8 | random.nextInt(64));
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
