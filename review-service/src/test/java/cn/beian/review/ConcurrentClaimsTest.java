package cn.beian.review;

import static cn.beian.testing.TestTokens.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.review.repository.ReviewCaseRepository;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Twenty reviewers claim at the same moment through this instance's API while a second "instance" claims from the
 * same database with the very statement the service uses (its own JDBC connection and transactions, as another
 * replica would): no case is ever handed to two claimers.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
@WithTestResource(value = InMemoryMessagingResource.class, initArgs = @ResourceArg(name = "incoming",
        value = "subject-events,website-events,materials-events"))
@WithTestResource(OidcTestResource.class)
class ConcurrentClaimsTest {

    private static final Pattern CASE_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @Inject
    @Any
    InMemoryConnector connector;

    @TestHTTPResource("/api/v1/review-cases/claim")
    URI claimNext;

    @Test
    void twentyReviewersAndASecondInstanceNeverGetTheSameCase() throws Exception {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String order = UUID.randomUUID().toString();
            String account = "acc-" + order;
            TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "subject.snapshot-frozen.v1",
                    TestEvents.subjectSnapshot(order, account, "FIRST_FILING", "BEIJING", 1));
            TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "order.transitioned.v1",
                    TestEvents.transitioned(order, account, "FIRST_FILING", "BEIJING", "DRAFT", "INITIAL_REVIEW",
                            "SUBMIT", 4L, 9L));
            TestEvents.send(connector, "website-events", TestEvents.WEBSITE, order, "website.snapshot-frozen.v1",
                    TestEvents.websitesSnapshot(order, 4));
            TestEvents.send(connector, "materials-events", TestEvents.MATERIALS, order, "material.manifest-frozen.v1",
                    TestEvents.materialsManifest(order, 9));
            mine.add(TestEvents.string("select cast(id as text) from review_case where order_id = '" + order + "'"));
        }

        HttpClient http = HttpClient.newHttpClient();
        // Warm the path up (token verification, JIT) so the race below is between claims, not class loading.
        for (int i = 0; i < 20; i++) {
            http.send(HttpRequest.newBuilder(URI.create(claimNext + "?kind=PHOTO"))
                    .header("Authorization", "Bearer " + token("warm-up", "reviewer"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(21);
        List<Future<List<String>>> claimers = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            String bearer = token("reviewer-" + r, "reviewer");
            claimers.add(pool.submit(() -> {
                start.await();
                List<String> got = new ArrayList<>();
                while (true) {
                    HttpResponse<String> res = http.send(HttpRequest.newBuilder(claimNext)
                            .header("Authorization", "Bearer " + bearer)
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                    if (res.statusCode() == 204) {
                        return got;
                    }
                    assertEquals(200, res.statusCode(), res.body());
                    Matcher m = CASE_ID.matcher(res.body());
                    assertTrue(m.find(), res.body());
                    got.add(m.group(1));
                }
            }));
        }
        claimers.add(pool.submit(() -> {
            start.await();
            return claimAsSecondInstance();
        }));
        start.countDown();
        List<String> all = new ArrayList<>();
        List<Integer> perClaimer = new ArrayList<>();
        for (Future<List<String>> f : claimers) {
            List<String> got = f.get(60, TimeUnit.SECONDS);
            perClaimer.add(got.size());
            all.addAll(got);
        }
        pool.shutdown();

        Set<String> distinct = new HashSet<>(all);
        assertEquals(all.size(), distinct.size(), "a case was claimed twice: " + duplicates(all));
        assertTrue(distinct.containsAll(mine), "every open case was claimed once");
        int second = perClaimer.get(perClaimer.size() - 1);
        assertTrue(second >= 1, "the second instance took part: " + perClaimer);
        assertTrue(perClaimer.subList(0, 20).stream().filter(n -> n > 0).count() >= 2,
                "several of this instance's reviewers claimed: " + perClaimer);
        assertEquals(0, TestEvents.count("select count(*) from review_case where status = 'OPEN' and claimed_by is null"));
        // Each claim bumped the version exactly once and left one CLAIMED entry in the trail.
        for (String id : mine) {
            assertEquals(1, TestEvents.count("select count(*) from audit_entry where case_id = '" + id
                    + "' and action = 'CLAIMED'") + TestEvents.count("select count(*) from review_case where id = '" + id
                    + "' and claimed_by = 'instance-2'"));
        }

        // Every case is held now. One lease runs out: claim-next takes that case over in its one statement, and the
        // trail and the listeners hear of the lapse (who held it, at which version) before the new claim.
        String lapsed = mine.get(0);
        String holder = TestEvents.string("select claimed_by from review_case where id = '" + lapsed + "'");
        long before = TestEvents.count("select version from review_case where id = '" + lapsed + "'");
        try (Connection c = PostgresTestResource.connect();
                PreparedStatement ps = c.prepareStatement("update review_case set lease_until = ? where id = "
                        + "cast(? as uuid)")) {
            ps.setObject(1, TestClock.now().minusMinutes(1)); // the service's time, not the database's
            ps.setString(2, lapsed);
            assertEquals(1, ps.executeUpdate());
        }
        HttpResponse<String> late = http.send(HttpRequest.newBuilder(claimNext)
                .header("Authorization", "Bearer " + token("late-reviewer", "reviewer"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, late.statusCode(), late.body());
        Matcher m = CASE_ID.matcher(late.body());
        assertTrue(m.find() && m.group(1).equals(lapsed), "the lapsed case was claimed: " + late.body());
        assertEquals("late-reviewer", TestEvents.string("select claimed_by from review_case where id = '" + lapsed
                + "'"));
        assertEquals(before + 1, TestEvents.count("select version from review_case where id = '" + lapsed + "'"));
        assertEquals(1, TestEvents.count("select count(*) from audit_entry where case_id = '" + lapsed
                + "' and action = 'LEASE_LAPSED' and actor_id = '" + holder + "' and case_version = " + before));
        assertEquals(1, TestEvents.count("select count(*) from audit_entry where case_id = '" + lapsed
                + "' and action = 'CLAIMED' and actor_id = 'late-reviewer' and case_version = " + (before + 1)));
        assertEquals(1, TestEvents.count("select count(*) from outbox_event where event_type = "
                + "'review.case-released.v1' and payload like '%" + lapsed + "%'"));
    }

    /** Another replica: the service's own claim statement, over JDBC, one transaction per claim. */
    private static List<String> claimAsSecondInstance() throws Exception {
        List<String> got = new ArrayList<>();
        // The statement's named parameters, bound by name in the order they occur.
        Matcher named = java.util.regex.Pattern.compile(":(now|until|kind|reviewer)\\b")
                .matcher(ReviewCaseRepository.CLAIM_NEXT);
        List<String> names = new ArrayList<>();
        while (named.find()) {
            names.add(named.group(1));
        }
        String sql = named.replaceAll("?");
        try (Connection c = PostgresTestResource.connect()) {
            c.setAutoCommit(false);
            // Another replica's reviewers: ten claims at a reviewer's pace, racing this instance's twenty.
            while (got.size() < 10) {
                String id;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < names.size(); i++) {
                        switch (names.get(i)) {
                            case "kind" -> ps.setNull(i + 1, Types.VARCHAR);
                            case "reviewer" -> ps.setString(i + 1, "instance-2");
                            // the service's time, not the database's: they differ when shifted
                            case "now" -> ps.setObject(i + 1, TestClock.now());
                            default -> ps.setObject(i + 1, TestClock.now().plusMinutes(15)); // until
                        }
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            c.commit();
                            return got;
                        }
                        id = rs.getString("id");
                    }
                }
                c.commit();
                got.add(id);
                Thread.sleep(20);

            }
            return got;
        }
    }

    private static List<String> duplicates(List<String> all) {
        List<String> d = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String s : all) {
            if (!seen.add(s)) {
                d.add(s);
            }
        }
        Collections.sort(d);
        return d;
    }
}
