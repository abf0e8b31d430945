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
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * notification-service (issue 8): event → handed-to-gateway latency at 50 orders per second, next to the bare
 * Quarkus baseline of the same service in the same run.
 *
 * <p>Each order's contacts (the subject snapshot with the account e-mail and the principal's mobile and e-mail) are
 * produced first; then its {@code order.transitioned} SUBMIT is produced into Kafka at a steady 50 per second (open
 * loop). Every SUBMIT becomes three messages (account e-mail, principal SMS, principal e-mail). Latency per message:
 * from the event's CloudEvents time (stamped by the producer just before sending) to the moment the SMTP server or
 * the SMS stand-in accepted it ({@code sentAt} in the delivery log), both read on this machine's clock.
 */
class NotificationBenchmark {

    private static final int RATE = 50;
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Duration MEASURED = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eventToGatewayAtFiftyOrdersPerSecond() throws Exception {
        BenchReport report = new BenchReport("notification",
                "notification-service: event → handed to the SMTP server / SMS gateway at 50 orders/s")
                .note("Baselines: GET and POST /api/v1/baseline on notification-service (constant answer; one "
                        + "reactive INSERT), closed loop, 4 workers, 3 s warm-up, 10 s measured.")
                .note("Events: order.transitioned SUBMIT produced into Kafka at " + RATE + " orders/s (open loop), "
                        + WARM_UP.toSeconds() + " s warm-up (run to its end) then " + MEASURED.toSeconds()
                        + " s measured; each order's "
                        + "contacts produced and applied beforehand. 3 messages per order (2 e-mails, 1 SMS).")
                .note("Latency: CloudEvents time → accepted by GreenMail (SMTP) or the SMS stand-in (HTTP), as "
                        + "recorded in the delivery log; client, Kafka, PostgreSQL, SMTP and SMS sinks on one machine.");
        report.note("Machine load average (1/5/15 min) at the start: " + BenchReport.loadAverage()
                + " — other sessions share these 2 cores; compare with the baselines of the same run.");
        report.add(Load.run("baseline GET", 4, Duration.ofSeconds(3), Duration.ofSeconds(10),
                i -> HttpRequest.newBuilder(URI.create(Stack.NOTIFICATION + "/api/v1/baseline")).GET().build(),
                status -> status == 200));
        report.add(Load.run("baseline insert", 4, Duration.ofSeconds(3), Duration.ofSeconds(10),
                i -> HttpRequest.newBuilder(URI.create(Stack.NOTIFICATION + "/api/v1/baseline"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                status -> status == 200));

        int warm = (int) (RATE * WARM_UP.toSeconds());
        int measured = (int) (RATE * MEASURED.toSeconds());
        List<String> orders = new ArrayList<>();
        String admin = Keycloak.token("ada", "ada-local");
        StackMeter.Snapshot before;
        StackMeter.Snapshot after;
        double spent;
        try (KafkaEvents events = new KafkaEvents("/beian/bench-notification")) {
            for (int i = 0; i < warm + measured; i++) {
                String orderId = UUID.randomUUID().toString();
                orders.add(orderId);
                events.send(EventType.SUBJECT_SNAPSHOT_FROZEN, orderId, snapshot(orderId, i));
            }
            awaitApplied(orders.subList(orders.size() - 20, orders.size()));
            // The warm-up runs to its end (the JIT has compiled the path) before the measured phase begins. The last
            // order's messages sent means every order's were (one address each, written in order); the parts'
            // counters are read before the collection below adds its own queries.
            produce(events, orders.subList(0, warm));
            sent(admin, orders.get(warm - 1), System.currentTimeMillis() + 120_000);
            before = StackMeter.take();
            long start = System.nanoTime();
            double seconds = produce(events, orders.subList(warm, orders.size()));
            report.line(String.format("Produced %d SUBMIT events in %.1f s (%.1f orders/s achieved).", measured,
                    seconds, measured / seconds));
            sent(admin, orders.get(orders.size() - 1), System.currentTimeMillis() + 120_000);
            after = StackMeter.take();
            spent = (System.nanoTime() - start) / 1e9;
        }

        DeliveryLatencies latencies = new DeliveryLatencies();
        int missing = 0;
        long deadline = System.currentTimeMillis() + 120_000;
        for (int i = warm; i < orders.size(); i++) {
            JsonNode items = sent(admin, orders.get(i), deadline);
            if (items == null) {
                missing++;
                continue;
            }
            latencies.add(items);
        }
        report.line(latencies.table());
        report.line(missing == 0 ? "Every measured order's three messages were sent."
                : missing + " measured orders did not have all three messages sent within 2 minutes.");
        report.line(latencies.chart("notification-latency", "Event → handed to the gateway, " + RATE
                + " orders/s"));
        report.line(StackMeter.table(before, after, measured, "order", spent));
        report.line(Charts.bars("notification-cpu", "CPU per order, per part", "ms of CPU per order",
                StackMeter.cpuPerUnit(before, after, measured)));
        report.line("Load average at the end: " + BenchReport.loadAverage());
        report.write();
    }

    /** Waits until notification-service applied these orders' snapshots (the last of each partition among them). */
    private static void awaitApplied(List<String> orderIds) throws InterruptedException {
        String admin = Keycloak.token("ada", "ada-local");
        long deadline = System.currentTimeMillis() + 300_000;
        for (String orderId : orderIds) {
            while (System.currentTimeMillis() < deadline && Load.send(HttpRequest.newBuilder(URI.create(
                    Stack.NOTIFICATION + "/api/v1/admin/applied-events?aggregateId=" + orderId))
                    .header("Authorization", "Bearer " + admin).GET().build(), 200).contains("\"items\":[]")) {
                Thread.sleep(200);
            }
        }
    }

    /** Produces these orders' SUBMIT at {@link #RATE} per second (open loop); answers the seconds it took. */
    private static double produce(KafkaEvents events, List<String> orderIds) throws InterruptedException {
        long start = System.nanoTime();
        long interval = 1_000_000_000L / RATE;
        for (int i = 0; i < orderIds.size(); i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            events.send(EventType.ORDER_TRANSITIONED, orderIds.get(i), submitted(orderIds.get(i)));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The order's three deliveries once all are SENT, or null when the deadline passed. */
    private static JsonNode sent(String admin, String orderId, long deadline) throws InterruptedException {
        while (System.currentTimeMillis() < deadline) {
            String body = Load.send(HttpRequest.newBuilder(URI.create(Stack.NOTIFICATION
                    + "/api/v1/deliveries?orderId=" + orderId + "&status=SENT"))
                    .header("Authorization", "Bearer " + admin).GET().build(), 200);
            try {
                JsonNode items = JSON.readTree(body).get("items");
                if (items.size() >= 3) {
                    return items;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Thread.sleep(200);
        }
        return null;
    }

    private static String snapshot(String orderId, int i) {
        String mobile = "135" + String.format("%08d", i + 10_000_000 * (int) (Math.random() * 9));
        return """
                {"orderId":"%s","accountId":"bench-%d","accountEmail":"bench-%d@beian.local","type":"FIRST_FILING",
                 "province":"BEIJING","submissionCount":1,"subject":{"subjectId":"%s","nature":"PERSON","name":"压测",
                 "certificateType":"RESIDENT_ID","certificateNumber":"110108199001011234","principal":{"name":"压测",
                 "certificateType":"RESIDENT_ID","certificateNumber":"110108199001011234","mobile":"%s",
                 "email":"bench-p-%d@beian.local"}},"findings":[],"frozenAt":"%s"}"""
                .formatted(orderId, i, i, UUID.randomUUID(), mobile, i, TestClock.now());
    }

    private static String submitted(String orderId) {
        return """
                {"orderId":"%s","accountId":"bench","type":"FIRST_FILING","province":"BEIJING","from":"DRAFT",
                 "to":"INITIAL_REVIEW","trigger":"SUBMIT","actor":"APPLICANT","actorId":"bench","reasons":[],
                 "websitesVersion":1,"materialsVersion":1,"at":"%s"}""".formatted(orderId, TestClock.now());
    }

}
