package cn.beian.bench;

import cn.beian.contract.events.AggregateType;
import cn.beian.contract.events.CloudEventAttributes;
import cn.beian.contract.events.EventType;
import cn.beian.contract.events.Topics;
import cn.beian.it.Keycloak;
import cn.beian.it.Stack;
import cn.beian.testing.TestClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * review-service's queue under 20 concurrent reviewers (claim throughput and latency, next to the bare baseline
 * insert), and the latency from a reviewer's decision (the POST) to its event on Kafka, seen by a consumer on loopback.
 *
 * <p>The cases are opened by producing the submission events (subject snapshot, SUBMIT move, websites snapshot,
 * materials manifest) straight into Kafka under the benchmark's own {@code ce_source}s, as the owners would.
 */
class ReviewQueueBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private static final int CASES = Integer.getInteger("bench.review.cases", 12000);
    private static final int REVIEWERS = 20;
    /**
     * The paced runs' offered claims per second over all reviewers: each reviewer claiming once a second (brisker
     * than any human works a queue), then ten times that (the queue's capacity on these cores).
     */
    private static final int[] RATES = java.util.Arrays.stream(System.getProperty("bench.review.rates", "20,200")
            .split(",")).mapToInt(r -> Integer.parseInt(r.strip())).toArray();
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration MEASURED = Duration.ofSeconds(8);

    @Test
    void claimsUnderTwentyReviewersAndDecisionToEventLatency() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> orders = openCases(run, CASES + 40);
        awaitOpen(orders.get(orders.size() - 1));
        String[] tokens = {Keycloak.token("rita", "rita-local"), Keycloak.token("ravi", "ravi-local")};

        BenchReport report = new BenchReport("review-queue", "review-service: claims under 20 reviewers, decision to event")
                .note("Closed loop: " + REVIEWERS + " reviewers (tokens of rita and ravi) each claim the next case "
                        + "(POST /api/v1/review-cases/claim: one UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED) RETURNING "
                        + "finds, locks and leases the case; audit entry, outbox event and the order's projection in "
                        + "the same transaction) as soon as the previous claim answered.")
                .note(CASES + " open cases queued beforehand (submission events produced into Kafka).")
                .note("Warm-up " + WARM_UP.toSeconds() + " s, then " + MEASURED.toSeconds() + " s measured; "
                        + "a 204 (queue drained) would count as an error.")
                .note("Paced (open loop): the same " + REVIEWERS + " reviewers each claim at a fixed interval, "
                        + java.util.Arrays.toString(RATES) + " claims/s offered in all (starts spread evenly), latency "
                        + "counted from when each claim was due; the bare insert paced the same.")
                .note("`baseline insert`: POST /api/v1/baseline on review-service, one reactive INSERT, no auth.")
                .note("Machine load average (1/5/15 min) at the start: " + BenchReport.loadAverage()
                        + " — other sessions may share these 2 cores; compare with the baselines of the same run.");
        report.add(Load.run("baseline insert", REVIEWERS, WARM_UP, MEASURED,
                i -> HttpRequest.newBuilder(URI.create(Stack.REVIEW + "/api/v1/baseline"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                status -> status == 200));
        StackMeter.Snapshot before = StackMeter.take();
        long start = System.nanoTime();
        Load.Result claims = Load.run("claim next case", REVIEWERS, WARM_UP, MEASURED,
                i -> HttpRequest.newBuilder(URI.create(Stack.REVIEW + "/api/v1/review-cases/claim?kind=INITIAL"))
                        .header("Authorization", "Bearer " + tokens[(i / 10_000_000) % 2])
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                status -> status == 200);
        report.add(claims);
        // The counters span the warm-up too: claims there are estimated at the measured rate.
        double elapsed = (System.nanoTime() - start) / 1e9;
        StackMeter.Snapshot after = StackMeter.take();
        long claimed = Math.round(claims.throughput() * elapsed);
        report.line("Claims: " + StackMeter.table(before, after, claimed, "claim", elapsed));
        for (int rate : RATES) {
            Duration every = Duration.ofNanos(1_000_000_000L * REVIEWERS / rate);
            report.add(Load.paced("baseline insert, paced " + rate + "/s", REVIEWERS, every, WARM_UP, MEASURED,
                    i -> HttpRequest.newBuilder(URI.create(Stack.REVIEW + "/api/v1/baseline"))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    status -> status == 200));
            report.add(Load.paced("claim next case, paced " + rate + "/s", REVIEWERS, every, WARM_UP, MEASURED,
                    i -> HttpRequest.newBuilder(URI.create(Stack.REVIEW + "/api/v1/review-cases/claim?kind=INITIAL"))
                            .header("Authorization", "Bearer " + tokens[(i / 10_000_000) % 2])
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    status -> status == 200));
        }
        report.line("Load average after the claims: " + BenchReport.loadAverage());
        report.line(Charts.bars("review-queue-cpu", "CPU per claim, per part", "ms of CPU per claim",
                StackMeter.cpuPerUnit(before, after, claimed)));

        // Every claim appended an event: the relay publishes them in order, so a decision's event waits behind them.
        long backlog = StackMeter.unpublished("review");
        long drainStart = System.nanoTime();
        while (StackMeter.unpublished("review") > 0 && System.nanoTime() - drainStart < 600_000_000_000L) {
            Thread.sleep(100);
        }
        double drained = (System.nanoTime() - drainStart) / 1e9;
        report.line(String.format("Outbox relay after the claims: %d events waiting, published in %.1f s "
                + "(%.0f events/s; the relay keeps up to 16 unacknowledged sends in flight).", backlog, drained,
                backlog / drained));
        long[] latencies = decisionToEvent(tokens[0], 30);
        report.line("");
        report.line("Decision to event: POST …/decision (approve) sent → `review.initial-approved.v1` for that order "
                + "received by a Kafka consumer (the outbox relay is woken by PostgreSQL NOTIFY at commit, polls every "
                + "second as the net; its backlog drained first), "
                + latencies.length
                + " decisions one after another:");
        report.line("p50 " + pct(latencies, 50) + " ms, p90 " + pct(latencies, 90) + " ms, p99 " + pct(latencies, 99)
                + " ms, max " + latencies[latencies.length - 1] + " ms");
        report.write();
    }

    /** Produces the four submission events of {@code n} fresh orders; answers the order ids. */
    private static List<String> openCases(String run, int n) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        List<String> orders = new ArrayList<>();
        String account = "bench-" + run;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < n; i++) {
                String order = UUID.randomUUID().toString();
                orders.add(order);
                send(producer, "/beian/bench/review/subject-" + run, EventType.SUBJECT_SNAPSHOT_FROZEN, order, 1, """
                        {"orderId":"%s","accountId":"%s","type":"FIRST_FILING","province":"BEIJING","submissionCount":1,
                         "subject":{"subjectId":"s","nature":"PERSON","name":"压测","certificateType":"RESIDENT_ID",
                         "certificateNumber":"110101199003070011","principal":{"name":"压测",
                         "certificateType":"RESIDENT_ID","certificateNumber":"110101199003070011",
                         "mobile":"13800138000"}},"findings":[]}""".formatted(order, account));
                send(producer, "/beian/bench/review/subject-" + run, EventType.ORDER_TRANSITIONED, order, 2, """
                        {"orderId":"%s","accountId":"%s","type":"FIRST_FILING","province":"BEIJING","from":"DRAFT",
                         "to":"INITIAL_REVIEW","trigger":"SUBMIT","actor":"APPLICANT","websitesVersion":1,
                         "materialsVersion":1,"at":"%s"}""".formatted(order, account, TestClock.now()));
                send(producer, "/beian/bench/review/website-" + run, EventType.WEBSITES_SNAPSHOT_FROZEN, order, 1, """
                        {"orderId":"%s","version":1,"websites":[{"websiteId":"w","name":"压测站","domains":["b.cn"],
                         "principalSameAsSubject":true}],"findings":[]}""".formatted(order));
                send(producer, "/beian/bench/review/materials-" + run, EventType.MATERIALS_MANIFEST_FROZEN, order, 1,
                        "{\"orderId\":\"%s\",\"version\":1,\"materials\":[],\"findings\":[]}".formatted(order));
            }
            producer.flush();
        }
        return orders;
    }

    private static void send(KafkaProducer<String, String> producer, String source, EventType type, String order,
            long sequence, String json) {
        ProducerRecord<String, String> r = new ProducerRecord<>(type.topic(), order, json);
        Map<String, String> headers = Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_source", source, "ce_type", type.type(), "ce_time", java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(TestClock.now()),
                "content-type", "application/json",
                CloudEventAttributes.KAFKA_HEADER_PREFIX + CloudEventAttributes.AGGREGATE_ID, order,
                CloudEventAttributes.KAFKA_HEADER_PREFIX + CloudEventAttributes.AGGREGATE_TYPE,
                AggregateType.ORDER.wireName(),
                CloudEventAttributes.KAFKA_HEADER_PREFIX + CloudEventAttributes.ORDER_ID, order,
                CloudEventAttributes.KAFKA_HEADER_PREFIX + CloudEventAttributes.SEQUENCE, String.valueOf(sequence));
        headers.forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(r);
    }

    /** Waits until review-service has opened the case of the last order produced (topics are consumed in order). */
    private static void awaitOpen(String order) throws InterruptedException {
        String token = Keycloak.token("rita", "rita-local");
        for (int tries = 0; tries < 1200; tries++) {
            String body = Load.send(HttpRequest.newBuilder(URI.create(Stack.REVIEW
                    + "/api/v1/review-cases?status=OPEN&orderId=" + order)).header("Authorization", "Bearer " + token)
                    .GET().build(), 200);
            if (body.contains(order)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the benchmark's cases were never opened");
    }

    /** Claims (unmeasured) and approves {@code n} cases, timing each approval from POST to its event on Kafka. */
    private static long[] decisionToEvent(String token, int n) throws Exception {
        Map<String, Long> seen = new ConcurrentHashMap<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long[] latencies = new long[n];
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REVIEW_EVENTS).stream()
                    .map(i -> new TopicPartition(Topics.REVIEW_EVENTS, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            for (int i = 0; i < n; i++) {
                String claimed = Load.send(HttpRequest.newBuilder(URI.create(Stack.REVIEW
                                + "/api/v1/review-cases/claim?kind=INITIAL")).header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
                String caseId = group(ID, claimed);
                String order = group(Pattern.compile("\"orderId\"\\s*:\\s*\"([0-9a-f-]{36})\""), claimed);
                String version = group(VERSION, claimed);
                long t0 = System.nanoTime();
                Load.send(HttpRequest.newBuilder(URI.create(Stack.REVIEW + "/api/v1/review-cases/" + caseId
                                + "/decision")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"version\":" + version
                                + ",\"decision\":\"APPROVE\"}")).build(), 200);
                while (!seen.containsKey(order)) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(5))) {
                        var type = r.headers().lastHeader("ce_type");
                        if (type != null && "review.initial-approved.v1".equals(new String(type.value(),
                                StandardCharsets.UTF_8))) {
                            seen.put(r.key(), System.nanoTime());
                        }
                    }
                    if (System.nanoTime() - t0 > Duration.ofSeconds(30).toNanos()) {
                        throw new IllegalStateException("no event for " + order);
                    }
                }
                latencies[i] = (seen.get(order) - t0) / 1_000_000;
            }
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private static String group(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("not in " + body);
        }
        return m.group(1);
    }

    private static long pct(long[] sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(idx, sorted.length - 1))];
    }
}
