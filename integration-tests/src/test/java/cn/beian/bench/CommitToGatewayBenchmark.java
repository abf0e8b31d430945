package cn.beian.bench;

import cn.beian.contract.events.EventType;
import cn.beian.it.KafkaEvents;
import cn.beian.it.Keycloak;
import cn.beian.it.Stack;
import cn.beian.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A state change committed by its owner → the applicant's messages handed to the gateways, at 50 filings/s, through
 * every part of the real path: review-service's decision commits {@code review.initial-approved} with its outbox row;
 * the outbox relay (woken by the commit) publishes it to Kafka; notification-service's idempotent consumer plans the
 * applicant's notices in its own transaction and wakes its dispatcher, which hands them to GreenMail (SMTP) and the SMS
 * stand-in (HTTP).
 *
 * <p>Latency per message: from the event's time (stamped by review-service inside the deciding transaction, just
 * before its commit, so the figure slightly overstates the path) to the moment the gateway accepted the message
 * ({@code sentAt} in notification-service's delivery log), both on this machine's clock.
 *
 * <p>Set-up, not measured: each filing's submission events (subject snapshot with the applicant's e-mail and a mobile
 * of its own, SUBMIT, websites and materials snapshots) are produced into Kafka, so that review-service opens a case
 * and notification-service knows the contacts; every case is claimed beforehand; the relay's backlog of claim events
 * drains. Then the decisions (approve) are sent at a steady 50 per second (open loop).
 */
class CommitToGatewayBenchmark {

    private static final int RATE = Integer.getInteger("bench.notify.rate", 50);
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration MEASURED = Duration.ofSeconds(20);
    /** Decisions are sent by this many clients, each every {@code WORKERS / RATE} seconds. */
    private static final int WORKERS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void decisionCommittedToApplicantsMessagesAtFiftyFilingsPerSecond() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int warm = (int) (RATE * WARM_UP.toSeconds());
        int measured = (int) (RATE * MEASURED.toSeconds());
        BenchReport report = new BenchReport("commit-to-gateway",
                "A decision committed → the applicant's messages handed to the gateways, " + RATE + " filings/s")
                .note("Path: review-service decision (approve) commits `review.initial-approved` in its outbox → relay "
                        + "(woken by PostgreSQL NOTIFY at commit) → Kafka → notification-service's idempotent consumer "
                        + "plans the notices → its dispatcher (woken after the commit) → GreenMail (SMTP) / SMS stand-in.")
                .note("Latency: the event's time (stamped inside the deciding transaction, just before its commit) → "
                        + "accepted by the gateway (`sentAt` in the delivery log); one machine's clock.")
                .note("Decisions: POST …/decision at " + RATE + " per second (open loop, " + WORKERS + " clients), "
                        + WARM_UP.toSeconds() + " s warm-up then " + MEASURED.toSeconds() + " s measured; the cases "
                        + "were opened (events produced into Kafka) and claimed beforehand.")
                .note("`baseline insert`: POST /api/v1/baseline on review-service and on notification-service, one "
                        + "reactive INSERT, closed loop, 4 clients.")
                .note("Machine load average (1/5/15 min) at the start: " + BenchReport.loadAverage()
                        + " — other sessions may share these 2 cores; compare with the baselines of the same run.");
        for (String[] service : new String[][] {{"review-service", Stack.REVIEW},
                {"notification-service", Stack.NOTIFICATION}}) {
            report.add(Load.run("baseline insert, " + service[0], 4, Duration.ofSeconds(3), Duration.ofSeconds(8),
                    i -> HttpRequest.newBuilder(URI.create(service[1] + "/api/v1/baseline"))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    status -> status == 200));
        }

        List<String> orders = new ArrayList<>();
        try (KafkaEvents events = new KafkaEvents("/beian/bench/commit-to-gateway-" + run)) {
            for (int i = 0; i < warm + measured; i++) {
                String order = UUID.randomUUID().toString();
                orders.add(order);
                events.send(EventType.SUBJECT_SNAPSHOT_FROZEN, order, snapshot(run, order, i));
                events.send(EventType.ORDER_TRANSITIONED, order, submitted(run, order));
                events.send(EventType.WEBSITES_SNAPSHOT_FROZEN, order, """
                        {"orderId":"%s","version":1,"websites":[{"websiteId":"w","name":"压测站","domains":["b.cn"],
                         "principalSameAsSubject":true}],"findings":[]}""".formatted(order));
                events.send(EventType.MATERIALS_MANIFEST_FROZEN, order,
                        "{\"orderId\":\"%s\",\"version\":1,\"materials\":[],\"findings\":[]}".formatted(order));
            }
        }
        String reviewer = Keycloak.token("rita", "rita-local");
        String admin = Keycloak.token("ada", "ada-local");
        awaitApplied(admin, orders.get(orders.size() - 1));
        List<String[]> cases = claimAll(reviewer, orders);
        long drainStart = System.nanoTime();
        while (StackMeter.unpublished("review") > 0 && System.nanoTime() - drainStart < 300_000_000_000L) {
            Thread.sleep(100);
        }

        StackMeter.Snapshot[] meters = new StackMeter.Snapshot[2];
        Load.Result[] decisions = new Load.Result[1];
        long[] spent = new long[1];
        // The warm-up's decisions are cases[0 .. warm), the measured ones the rest: each client takes every
        // WORKERS-th case of its phase.
        int[] offset = {0};
        java.util.function.IntFunction<HttpRequest> decide = i -> {
            int k = offset[0] + (i % 10_000_000) * WORKERS + i / 10_000_000;
            String[] c = cases.get(Math.min(k, cases.size() - 1));
            return HttpRequest.newBuilder(URI.create(Stack.REVIEW + "/api/v1/review-cases/" + c[0] + "/decision"))
                    .header("Authorization", "Bearer " + reviewer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"version\":" + c[2] + ",\"decision\":\"APPROVE\"}"))
                    .build();
        };
        Duration every = Duration.ofNanos(1_000_000_000L * WORKERS / RATE);
        // Load.paced runs its warm-up and its measured phase back to back over the same numbering: the measured
        // phase restarts at 0, so the offset moves to the measured cases in between (set by the warm-up's end).
        Load.Result warmed = Load.paced("decision (warm-up)", WORKERS, every, Duration.ZERO, WARM_UP, decide,
                status -> status == 200);
        offset[0] = warm;
        meters[0] = StackMeter.take();
        long start = System.nanoTime();
        decisions[0] = Load.paced("decision (approve), paced", WORKERS, every, Duration.ZERO, MEASURED, decide,
                status -> status == 200);
        report.add(decisions[0]);
        String lastMeasured = orders.get(Math.min(orders.size() - 1, warm + (int) decisions[0].requests() - 1));
        List<JsonNode> lastSent = sent(admin, lastMeasured, 1, System.currentTimeMillis() + 120_000);
        meters[1] = StackMeter.take();
        spent[0] = System.nanoTime() - start;
        report.line(String.format("Warm-up: %d decisions (%d errors); measured: %d decisions in %.1f s.",
                warmed.requests(), warmed.errors(), decisions[0].requests(), decisions[0].seconds()));

        // Every message planned for a measured filing, once all are sent (or two minutes passed).
        int expected = lastSent == null ? 1 : lastSent.size();
        DeliveryLatencies latencies = new DeliveryLatencies();
        int missing = 0;
        long deadline = System.currentTimeMillis() + 120_000;
        for (int i = warm; i < warm + decisions[0].requests() && i < orders.size(); i++) {
            List<JsonNode> items = sent(admin, orders.get(i), expected, deadline);
            if (items == null) {
                missing++;
                continue;
            }
            latencies.add(items);
        }
        report.line("Committed → handed to the gateway, " + expected + " messages per filing:");
        report.line(latencies.table());
        report.line(missing == 0 ? "Every measured filing's messages were sent."
                : missing + " measured filings did not have all their messages sent within 2 minutes.");
        report.line(latencies.chart("commit-to-gateway-latency", "Decision committed → handed to the gateway, "
                + RATE + " filings/s"));
        report.line(StackMeter.table(meters[0], meters[1], decisions[0].requests(), "filing", spent[0] / 1e9));
        report.line("Load average at the end: " + BenchReport.loadAverage());
        report.write();
    }

    /** Claims every order's case (one reviewer, one after another): {case id, order id, version} in order order. */
    private static List<String[]> claimAll(String token, List<String> orders) {
        Map<String, String[]> byOrder = new java.util.HashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            String body = Load.send(HttpRequest.newBuilder(URI.create(Stack.REVIEW
                            + "/api/v1/review-cases/claim?kind=INITIAL")).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
            try {
                JsonNode c = JSON.readTree(body);
                byOrder.put(c.get("orderId").asText(), new String[] {c.get("id").asText(), c.get("orderId").asText(),
                        c.get("version").asText()});
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        List<String[]> cases = new ArrayList<>();
        for (String order : orders) {
            String[] c = byOrder.get(order);
            if (c == null) {
                throw new IllegalStateException("no case claimed for order " + order + " (an earlier run's case "
                        + "was claimed instead: run on a fresh stack)");
            }
            cases.add(c);
        }
        return cases;
    }

    /** Waits until review-service opened the last order's case and notification-service applied its snapshot. */
    private static void awaitApplied(String admin, String order) throws InterruptedException {
        String reviewer = Keycloak.token("rita", "rita-local");
        long deadline = System.currentTimeMillis() + 600_000;
        while (System.currentTimeMillis() < deadline && !Load.send(HttpRequest.newBuilder(URI.create(Stack.REVIEW
                + "/api/v1/review-cases?status=OPEN&orderId=" + order)).header("Authorization", "Bearer " + reviewer)
                .GET().build(), 200).contains(order)) {
            Thread.sleep(250);
        }
        while (System.currentTimeMillis() < deadline && Load.send(HttpRequest.newBuilder(URI.create(
                        Stack.NOTIFICATION + "/api/v1/admin/applied-events?aggregateId=" + order))
                .header("Authorization", "Bearer " + admin).GET().build(), 200).contains("\"items\":[]")) {
            Thread.sleep(250);
        }
    }

    /**
     * The order's messages of the decision ({@code review.initial-approved}; the SUBMIT's of the set-up are left out)
     * once at least {@code count} are SENT, or null when the deadline passed.
     */
    private static List<JsonNode> sent(String admin, String orderId, int count, long deadline)
            throws InterruptedException {
        while (System.currentTimeMillis() < deadline) {
            List<JsonNode> items = decisionMessages(admin, orderId);
            if (items.size() >= count) {
                if (count == 1) {
                    // The first filing looked at decides how many messages a filing gets: give its last a moment.
                    Thread.sleep(2000);
                    return decisionMessages(admin, orderId);
                }
                return items;
            }
            Thread.sleep(200);
        }
        return null;
    }

    private static List<JsonNode> decisionMessages(String admin, String orderId) {
        String body = Load.send(HttpRequest.newBuilder(URI.create(Stack.NOTIFICATION + "/api/v1/deliveries?orderId="
                + orderId + "&status=SENT")).header("Authorization", "Bearer " + admin).GET().build(), 200);
        try {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode d : JSON.readTree(body).get("items")) {
                if ("review.initial-approved".equals(d.path("kind").asText())) {
                    out.add(d);
                }
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String snapshot(String run, String order, int i) {
        String mobile = "136" + String.format("%08d", i + 10_000_000 * (int) (Math.random() * 9));
        return """
                {"orderId":"%s","accountId":"bench-%s","accountEmail":"bench-%s-%d@beian.local","type":"FIRST_FILING",
                 "province":"BEIJING","submissionCount":1,"subject":{"subjectId":"%s","nature":"PERSON","name":"压测",
                 "certificateType":"RESIDENT_ID","certificateNumber":"110108199001011234","principal":{"name":"压测",
                 "certificateType":"RESIDENT_ID","certificateNumber":"110108199001011234","mobile":"%s",
                 "email":"bench-p-%s-%d@beian.local"}},"findings":[],"frozenAt":"%s"}"""
                .formatted(order, run, run, i, UUID.randomUUID(), mobile, run, i, TestClock.now());
    }

    private static String submitted(String run, String order) {
        return """
                {"orderId":"%s","accountId":"bench-%s","type":"FIRST_FILING","province":"BEIJING","from":"DRAFT",
                 "to":"INITIAL_REVIEW","trigger":"SUBMIT","actor":"APPLICANT","actorId":"bench","reasons":[],
                 "websitesVersion":1,"materialsVersion":1,"at":"%s"}""".formatted(order, run, TestClock.now());
    }
}
