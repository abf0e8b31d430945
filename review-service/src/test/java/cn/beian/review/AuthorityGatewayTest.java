package cn.beian.review;

import static cn.beian.review.TestEvents.count;
import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.beian.national.client.FeedEntry;
import cn.beian.national.client.FeedEntryType;
import cn.beian.national.client.FeedPage;
import cn.beian.national.client.FilingStatus;
import cn.beian.national.client.IssuedNumbers;
import cn.beian.national.client.NationalSystemsClient;
import cn.beian.national.client.Reason;
import cn.beian.national.client.SmsVerification;
import cn.beian.national.client.SubmissionRequest;
import cn.beian.national.client.SubmissionStatus;
import cn.beian.review.service.FeedFollower;
import cn.beian.review.service.SubmissionSender;
import cn.beian.review.service.GatewayLock;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The authority gateway against a mocked administration: submission after the move to AUTHORITY_REVIEW, the feed
 * mapped to authority events exactly once (redelivered entries, a resigned follower), dead letters that do not stop
 * the feed, a refused snapshot, and outcomes recorded by hand.
 */
@QuarkusTest
@TestProfile(GatewayProfile.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
@WithTestResource(value = InMemoryMessagingResource.class, initArgs = {
        @ResourceArg(name = "incoming", value = "subject-events,website-events,materials-events"),
        @ResourceArg(name = "outgoing", value = "authority-feed-dlq")})
@WithTestResource(OidcTestResource.class)
class AuthorityGatewayTest {

    /** The administration's feed, shared across tests (positions only grow, as the real one's). */
    private static final List<FeedEntry> FEED = new CopyOnWriteArrayList<>();
    private static final AtomicLong POSITION = new AtomicLong(1000);

    @InjectMock
    @RestClient
    NationalSystemsClient national;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    FeedFollower follower;

    @Inject
    SubmissionSender jobs;

    @BeforeEach
    void administration() {
        when(national.submit(any())).thenReturn(Uni.createFrom().item(RestResponse.status(RestResponse.Status.CREATED)));
        // Redelivers the last two entries before the cursor, as a feed might after a reconnect.
        when(national.feed(anyLong(), any(), any())).thenAnswer(inv -> {
            long after = inv.getArgument(0);
            List<FeedEntry> page = FEED.stream().filter(e -> e.position() > after - 2).toList();
            if (page.stream().noneMatch(e -> e.position() > after)) {
                return Uni.createFrom().item(new FeedPage(List.of(), after))
                        .onItem().delayIt().by(Duration.ofMillis(100));
            }
            return Uni.createFrom().item(new FeedPage(page, page.get(page.size() - 1).position()));
        });
    }

    /** An order submitted, reviewed, with its photo approved: subject-service moves it to AUTHORITY_REVIEW. */
    private String orderWithAuthority(String type) {
        String order = UUID.randomUUID().toString();
        String account = "acc-" + order;
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "subject.snapshot-frozen.v1",
                TestEvents.subjectSnapshot(order, account, type, "ZHEJIANG", 1));
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "order.transitioned.v1",
                TestEvents.transitioned(order, account, type, "ZHEJIANG", "DRAFT", "INITIAL_REVIEW", "SUBMIT", 4L, 9L));
        TestEvents.send(connector, "website-events", TestEvents.WEBSITE, order, "website.snapshot-frozen.v1",
                TestEvents.websitesSnapshot(order, 4));
        TestEvents.send(connector, "materials-events", TestEvents.MATERIALS, order, "material.manifest-frozen.v1",
                TestEvents.materialsManifest(order, 9));
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "order.transitioned.v1",
                TestEvents.transitioned(order, account, type, "ZHEJIANG", "PHOTO_REVIEW", "AUTHORITY_REVIEW",
                        "PHOTO_APPROVE", null, null));
        return order;
    }

    private static FeedEntry entry(String submissionId, FeedEntryType type, IssuedNumbers numbers, List<Reason> reasons) {
        SmsVerification sms = new SmsVerification(TestClock.now().plusHours(24), 0, List.of());
        FeedEntry e = new FeedEntry(POSITION.incrementAndGet(), submissionId, type, null, SubmissionStatus.UNDER_REVIEW,
                TestClock.now(), numbers, reasons, sms);
        FEED.add(e);
        return e;
    }

    private static void awaitCount(long expected, String sql) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertEquals(expected, count(sql), sql));
    }

    private static String events(String order, String type) {
        return "select count(*) from outbox_event where aggregate_id = '" + order + "' and event_type = '" + type + "'";
    }

    @Test
    void anApprovedPhotoIsSubmittedAndTheFeedBecomesEventsExactlyOnce() {
        String order = orderWithAuthority("FIRST_FILING");
        String submission = order + ":1";
        ArgumentCaptor<SubmissionRequest> sent = ArgumentCaptor.forClass(SubmissionRequest.class);
        verify(national, timeout(10_000).atLeastOnce()).submit(sent.capture());
        SubmissionRequest request = sent.getAllValues().stream()
                .filter(r -> r != null && submission.equals(r.submissionId())).findFirst().orElseThrow();
        assertEquals(submission, request.submissionId());
        assertEquals("吴十", request.subject().name());
        assertEquals("13800138000", request.subject().principal().mobile());
        assertEquals("wushi-" + order.substring(0, 8) + ".cn", request.websites().get(0).domains().get(0));
        awaitCount(1, events(order, "authority.submitted.v1"));

        entry(submission, FeedEntryType.SMS_VERIFICATION_REQUESTED, null, null);
        FeedEntry unknown = entry("no-such-order:1", FeedEntryType.APPROVED, null, null);
        entry(submission, FeedEntryType.SMS_VERIFIED, null, null);
        FeedEntry approved = entry(submission, FeedEntryType.APPROVED, new IssuedNumbers("浙ICP备20261123号",
                List.of(new IssuedNumbers.Website("吴十的博客", List.of("wushi-" + order.substring(0, 8) + ".cn"),
                        "浙ICP备20261123号-1", FilingStatus.NORMAL)), true), null);

        awaitCount(1, events(order, "authority.approved.v1"));
        assertEquals(1, count(events(order, "authority.sms-verification-requested.v1")));
        assertEquals(1, count(events(order, "authority.sms-verified.v1")));
        assertEquals(1, count(events(order, "authority.approved.v1") + " and payload like '%\"websiteId\":\"w-1-"
                + order + "\"%' and payload like '%浙ICP备20261123号-1%'"));
        assertEquals(1, count("select count(*) from feed_dead_letter where position = " + unknown.position()
                + " and reason like 'unknown submission%'"), "the unknown entry is dead-lettered, the feed goes on");
        awaitCount(approved.position(), "select position from feed_cursor");
        assertTrue(connector.sink("authority-feed-dlq").received().stream()
                .anyMatch(m -> String.valueOf(m.getPayload()).contains("no-such-order")));

        // A killed follower: the lock is given up, a follower takes it again and resumes from the stored cursor.
        follower.resign().await().atMost(Duration.ofSeconds(5));
        FeedEntry late = entry(submission, FeedEntryType.REJECTED, null,
                List.of(new Reason("WEBSITE_NAME_NOT_COMPLIANT", "名称不合规", "websites[0].name")));
        awaitCount(late.position(), "select position from feed_cursor");
        assertEquals(1, count("select count(*) from feed_dead_letter where position = " + late.position()
                + " and reason like 'submission already APPROVED%'"));
        assertEquals(1, count(events(order, "authority.approved.v1")), "nothing applied twice");
        assertEquals(1, count(events(order, "authority.sms-verified.v1")), "nothing applied twice");
        as("arthur", "authority").get("/api/v1/authority-submissions/" + submission).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("smsStatus", equalTo("VERIFIED"))
                .body("decidedBy", equalTo("feed"));
    }

    /** website-service's topic lags: the administration never receives a filing without its websites. */
    @Test
    void aSubmissionWaitsForTheWebsitesSnapshotItNames() {
        String order = UUID.randomUUID().toString();
        String account = "acc-" + order;
        String submission = order + ":1";
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "subject.snapshot-frozen.v1",
                TestEvents.subjectSnapshot(order, account, "FIRST_FILING", "ZHEJIANG", 1));
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "order.transitioned.v1",
                TestEvents.transitioned(order, account, "FIRST_FILING", "ZHEJIANG", "DRAFT", "INITIAL_REVIEW",
                        "SUBMIT", 4L, 9L));
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "order.transitioned.v1",
                TestEvents.transitioned(order, account, "FIRST_FILING", "ZHEJIANG", "PHOTO_REVIEW", "AUTHORITY_REVIEW",
                        "PHOTO_APPROVE", null, null));
        awaitCount(1, "select count(*) from authority_submission where submission_id = '" + submission
                + "' and status = 'PENDING'");
        long rounds = jobs.rounds();
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> jobs.rounds() >= rounds + 5);
        verify(national, never()).submit(argThat(r -> r != null && submission.equals(r.submissionId())));

        TestEvents.send(connector, "website-events", TestEvents.WEBSITE, order, "website.snapshot-frozen.v1",
                TestEvents.websitesSnapshot(order, 4));
        awaitCount(1, events(order, "authority.submitted.v1"));
        verify(national, times(1)).submit(argThat(r -> r != null && submission.equals(r.submissionId())
                && r.websites().size() == 1));
    }

    @Test
    void onlyTheReplicaHoldingTheGatewayLockSubmits() throws Exception {
        String order;
        String submission;
        try (Connection otherReplica = PostgresTestResource.connect()) {
            // Another replica takes the gateway's lock: this one gives it up (as on a restart) and finds it held.
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
                follower.resign().await().atMost(Duration.ofSeconds(5));
                try (PreparedStatement ps = otherReplica.prepareStatement("select pg_try_advisory_lock(?)")) {
                    ps.setLong(1, GatewayLock.KEY);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() && rs.getBoolean(1);
                    }
                }
            });
            order = orderWithAuthority("FIRST_FILING");
            submission = order + ":1";
            awaitCount(1, "select count(*) from authority_submission where submission_id = '" + submission
                    + "' and status = 'PENDING'");
            // This replica's submit rounds go by while the other holds the lock: none of them sends anything.
            long rounds = jobs.roundsWithoutLock();
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> jobs.roundsWithoutLock() >= rounds + 5);
            verify(national, never()).submit(argThat(r -> r != null && submission.equals(r.submissionId())));
            assertEquals("PENDING", TestEvents.string("select status from authority_submission where submission_id = '"
                    + submission + "'"));
        }
        // The other replica is gone (its session closed, its lock with it): this one takes over and submits, once.
        awaitCount(1, events(order, "authority.submitted.v1"));
        verify(national, times(1)).submit(argThat(r -> r != null && submission.equals(r.submissionId())));
        assertEquals("SUBMITTED", TestEvents.string("select status from authority_submission where submission_id = '"
                + submission + "'"));
    }

    @Test
    void staffRecordAnOutcomeByHandWithTheSameEffect() {
        String order = orderWithAuthority("FIRST_FILING");
        String submission = order + ":1";
        awaitCount(1, events(order, "authority.submitted.v1"));
        String path = "/api/v1/authority-submissions/" + submission + "/outcome";
        as("rita", "reviewer").contentType(ContentType.JSON).body("{\"outcome\":\"RETURNED\"}").post(path)
                .then().statusCode(403);
        as("arthur", "authority").contentType(ContentType.JSON).body("{\"outcome\":\"APPROVED\"}").post(path)
                .then().statusCode(400).body("errors[0].field", equalTo("subjectFilingNumber"));
        as("arthur", "authority").contentType(ContentType.JSON).body("{\"outcome\":\"REJECTED\"}").post(path)
                .then().statusCode(400).body("errors[0].field", equalTo("reasons"));
        as("arthur", "authority").contentType(ContentType.JSON).body("{\"outcome\":\"REJECTED\"}")
                .post("/api/v1/authority-submissions/nope:1/outcome").then().statusCode(400);
        as("arthur", "authority").contentType(ContentType.JSON).body("""
                {"outcome":"REJECTED","reasons":[{"code":"SUBJECT_INFO_WRONG","message":"主体名称与证件不符",
                 "field":"subject.name"}]}""").post(path)
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("decidedBy", equalTo("arthur"));
        assertEquals(1, count(events(order, "authority.rejected.v1") + " and payload like '%SUBJECT_INFO_WRONG%'"));
        assertEquals(1, count("select count(*) from audit_entry where submission_id = '" + submission
                + "' and action = 'RECORDED_BY_HAND' and actor_id = 'arthur'"));
        as("arthur", "authority").contentType(ContentType.JSON).body("""
                {"outcome":"APPROVED","subjectFilingNumber":"浙ICP备1号"}""").post(path)
                .then().statusCode(409).body("currentStatus", equalTo("REJECTED"));
        as("acc-" + order, "applicant").get("/api/v1/orders/" + order + "/rejections").then().statusCode(200)
                .body("items[0].source", equalTo("AUTHORITY"))
                .body("items[0].reasons[0].fieldKey", equalTo("subject.name"));
        // Submissions are listed newest first, a page at a time; an order's alone by orderId.
        String other = orderWithAuthority("FIRST_FILING");
        awaitCount(1, events(other, "authority.submitted.v1"));
        as("arthur", "authority").queryParam("orderId", order).get("/api/v1/authority-submissions").then()
                .statusCode(200).body("items.submissionId", hasItem(submission))
                .body("items.orderId", everyItem(equalTo(order)));
        String next = as("arthur", "authority").queryParam("limit", 1).get("/api/v1/authority-submissions").then()
                .statusCode(200).body("items", hasSize(1)).extract().path("nextCursor");
        String first = as("arthur", "authority").queryParam("limit", 1).get("/api/v1/authority-submissions")
                .then().body("items[0].submissionId", equalTo(other + ":1")).extract().path("items[0].submissionId");
        as("arthur", "authority").queryParam("limit", 1).queryParam("cursor", next)
                .get("/api/v1/authority-submissions").then().statusCode(200)
                .body("items[0].submissionId", not(equalTo(first)));
    }

    @Test
    void aSnapshotTheAdministrationRefusesIsAnAuthorityRejection() {
        when(national.submit(any())).thenReturn(Uni.createFrom().failure(new WebApplicationException(Response.status(409)
                .entity("{\"status\":409,\"errors\":[{\"field\":\"subject.certificateNumber\","
                        + "\"code\":\"SUBJECT_ALREADY_FILED\",\"message\":\"已备案\"}]}").build())));
        String order = orderWithAuthority("FIRST_FILING");
        awaitCount(1, events(order, "authority.rejected.v1") + " and payload like '%SUBJECT_ALREADY_FILED%'");
        assertEquals(0, count(events(order, "authority.submitted.v1")));
        assertNull(TestEvents.string("select submitted_at from authority_submission where order_id = '" + order + "'"));
    }

    @Test
    void unverifiedCodesReturnTheOrderAndAReReviewWhosePhotoHoldsIsSubmittedAgain() {
        String order = orderWithAuthority("FIRST_FILING");
        String account = "acc-" + order;
        awaitCount(1, events(order, "authority.submitted.v1"));
        entry(order + ":1", FeedEntryType.SMS_VERIFICATION_FAILED, null,
                List.of(new Reason("DEADLINE_PASSED", "24 小时内未完成短信核验", null)));
        FeedEntry returned = entry(order + ":1", FeedEntryType.RETURNED, null, null);
        awaitCount(returned.position(), "select position from feed_cursor");
        assertEquals(1, count(events(order, "authority.sms-verification-failed.v1")));
        assertEquals(1, count(events(order, "authority.returned.v1") + " and payload like '%SMS_NOT_VERIFIED%'"
                + " and payload like '%\"returned\":true%'"));

        // Resubmitted after AUTHORITY_REJECTED: a re-review; its approval goes straight to the administration.
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "subject.snapshot-frozen.v1",
                TestEvents.subjectSnapshot(order, account, "FIRST_FILING", "ZHEJIANG", 2));
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "order.transitioned.v1",
                TestEvents.transitioned(order, account, "FIRST_FILING", "ZHEJIANG", "AUTHORITY_REJECTED",
                        "INITIAL_REVIEW", "RESUBMIT", 4L, 9L));
        assertEquals(1, count("select count(*) from review_case where order_id = '" + order
                + "' and kind = 'RE_REVIEW' and status = 'OPEN' and submission_no = 2"));
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "order.transitioned.v1",
                TestEvents.transitioned(order, account, "FIRST_FILING", "ZHEJIANG", "INITIAL_REVIEW",
                        "AUTHORITY_REVIEW", "INITIAL_APPROVE", null, null));
        awaitCount(2, events(order, "authority.submitted.v1"));
        assertEquals(1, count("select count(*) from authority_submission where submission_id = '" + order
                + ":2' and status = 'SUBMITTED'"));
    }
}
