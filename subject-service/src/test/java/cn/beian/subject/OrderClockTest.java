package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.time.BeianClock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The order clock (docs/domain.md §3 "Validity") run by two replicas at once: every idle milestone is announced
 * exactly once per order and state entry, every due order expires exactly once, Zhejiang orders and drafts never.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class OrderClockTest {

    private static final String MILESTONE = "order.idle-milestone-reached.v1";

    @Inject
    BeianClock clock;

    @AfterEach
    void resetClock() {
        clock.setOffset(Duration.ZERO);
    }

    /** An order of a fresh account, moved by hand into {@code state} entered {@code enteredAt}. */
    private static String order(String account, String state, OffsetDateTime enteredAt, String province)
            throws Exception {
        as(account, "applicant").contentType(ContentType.JSON).body(SubjectResourceTest.subject("钱七"))
                .post("/api/v1/subjects").then().statusCode(201);
        String id = as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        try (Connection c = PostgresTestResource.connect(); PreparedStatement s = c.prepareStatement(
                "update filing_order set state = ?, state_entered_at = ?, province = ? where id = ?::uuid")) {
            s.setString(1, state);
            s.setObject(2, enteredAt);
            s.setString(3, province);
            s.setString(4, id);
            assertEquals(1, s.executeUpdate());
        }
        return id;
    }

    private static List<Integer> milestoneDays(String orderId) throws Exception {
        List<Integer> days = new ArrayList<>();
        try (Connection c = PostgresTestResource.connect(); ResultSet rs = c.createStatement().executeQuery(
                "select (payload::jsonb ->> 'days')::int from outbox_event where aggregate_id = '" + orderId
                        + "' and event_type = '" + MILESTONE + "' order by sequence")) {
            while (rs.next()) {
                days.add(rs.getInt(1));
            }
        }
        return days;
    }

    private static long expiries(String orderId) throws Exception {
        return SubjectResourceTest.count("select count(*) from order_transition where order_id = '" + orderId
                + "' and trigger = 'EXPIRE' and actor = 'CLOCK'");
    }

    /** Two replicas, each running two rounds, all four rounds started together. */
    private static void runAsTwoReplicas() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier start = new CyclicBarrier(2);
        try {
            List<Future<Void>> replicas = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                Callable<Void> replica = () -> {
                    start.await();
                    for (int round = 0; round < 2; round++) {
                        as("ada", "admin").post("/api/v1/admin/order-clock/run").then().statusCode(200);
                    }
                    return null;
                };
                replicas.add(pool.submit(replica));
            }
            for (Future<Void> f : replicas) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void milestonesOnceAndExpiryOnceWithTwoReplicasZhejiangAndDraftsExempt() throws Exception {
        OffsetDateTime now = clock.now();
        List<String> due = new ArrayList<>();
        String[] idle = {"AWAITING_PHOTO", "PHOTO_REJECTED", "INITIAL_REJECTED", "AUTHORITY_REJECTED"};
        for (int i = 0; i < 8; i++) {
            due.add(order("clock-due-" + i, idle[i % 4], now, "BEIJING"));
        }
        String zhejiang = order("clock-zj", "AWAITING_PHOTO", now, "ZHEJIANG");
        String draft = order("clock-draft", "DRAFT", now, "BEIJING");
        String inReview = order("clock-review", "INITIAL_REVIEW", now, "BEIJING");
        // Entered 38 days from now: 8 days idle once the clock moves 46 days.
        String young = order("clock-young", "PHOTO_REJECTED", now.plusDays(38), "BEIJING");

        runAsTwoReplicas();
        for (String id : due) {
            assertEquals(List.of(), milestoneDays(id), "nothing is due before the clock moves");
        }

        clock.setOffset(Duration.ofDays(46));
        runAsTwoReplicas();
        runAsTwoReplicas();

        for (String id : due) {
            assertEquals(List.of(7, 15, 30), milestoneDays(id), "each milestone once: " + id);
            assertEquals(1, expiries(id), "expired once: " + id);
            as(due.get(0).equals(id) ? "clock-due-0" : "ada", due.get(0).equals(id) ? "applicant" : "admin")
                    .get("/api/v1/orders/" + id).then().statusCode(200).body("state", equalTo("EXPIRED"));
        }
        assertEquals(List.of(7, 15, 30), milestoneDays(zhejiang), "Zhejiang is reminded");
        assertEquals(0, expiries(zhejiang), "but never expires");
        as("clock-zj", "applicant").get("/api/v1/orders/" + zhejiang).then().body("state",
                equalTo("AWAITING_PHOTO"));
        assertEquals(List.of(7), milestoneDays(young));
        assertEquals(0, expiries(young));
        for (String id : List.of(draft, inReview)) {
            assertEquals(List.of(), milestoneDays(id), "not waiting in an expiring state: " + id);
            assertEquals(0, expiries(id));
        }
        assertEquals(1, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '"
                + due.get(0) + "' and event_type = 'order.transitioned.v1' and payload::jsonb ->> 'trigger' = "
                + "'EXPIRE'"), "the expiry announced once");
        // The payload names the state entry and its deadline.
        try (Connection c = PostgresTestResource.connect(); ResultSet rs = c.createStatement().executeQuery(
                "select payload::jsonb from outbox_event where aggregate_id = '" + young + "' and event_type = '"
                        + MILESTONE + "'")) {
            rs.next();
            String payload = rs.getString(1);
            for (String field : List.of("\"orderId\": \"" + young, "\"accountId\": \"clock-young\"",
                    "\"state\": \"PHOTO_REJECTED\"", "\"days\": 7", "\"stateEnteredAt\"", "\"expiresAt\"")) {
                assertEquals(true, payload.contains(field), field + " in " + payload);
            }
        }

        // Later rounds (a restart, another replica) change nothing; the young order reaches 15 days in time.
        clock.setOffset(Duration.ofDays(54));
        runAsTwoReplicas();
        assertEquals(List.of(7, 15), milestoneDays(young));
        for (String id : due) {
            assertEquals(List.of(7, 15, 30), milestoneDays(id));
            assertEquals(1, expiries(id));
        }
        assertEquals(List.of(7, 15, 30), milestoneDays(zhejiang));
    }

    @Test
    void theTimerRunsTheClockByItselfEveryTenSeconds() throws Exception {
        String id = order("clock-timer", "AUTHORITY_REJECTED", clock.now(), "GUANGDONG");
        clock.setOffset(Duration.ofDays(45).plusMinutes(1));
        Awaitility.await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(500))
                .until(() -> expiries(id) == 1);
        assertEquals(List.of(7, 15, 30), milestoneDays(id));
        as("clock-timer", "applicant").get("/api/v1/orders/" + id).then().body("state", equalTo("EXPIRED"))
                .body("allowedActions", org.hamcrest.Matchers.containsInAnyOrder("RESUBMIT", "ABANDON"));
    }
}
