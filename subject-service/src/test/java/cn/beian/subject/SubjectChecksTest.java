package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.when;

import cn.beian.national.client.NationalSystemsClient;
import cn.beian.testing.InMemoryEvents;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks of approved subjects on the moved business clock: a principal's certificate past its validity raised once
 * (quiet re-runs, two replicas' rounds at once), shown on the subject, resolved by a change filing that records a new
 * validity, raised again when that one passes; a subject not approved, or still within its validity, raises nothing.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class SubjectChecksTest {

    private static final String RUN = "/api/v1/admin/subject-checks/run";

    @InjectMock
    @RestClient
    NationalSystemsClient national;

    @Inject
    @Any
    InMemoryConnector connector;

    InMemoryEvents events;

    @BeforeEach
    void registry() {
        events = new InMemoryEvents(connector);
        Registry.knowsNothing(national);
    }

    @AfterEach
    void resetClock() {
        clock("PT0S");
    }

    @Test
    void anExpiredPrincipalCertificateIsRaisedOnceAndResolvedByAChangeFiling() throws Exception {
        String account = "expiry-" + UUID.randomUUID();
        LocalDate validUntil = TestClock.today().plusDays(10);
        String subjectBody = body("褚十七", validUntil);
        String subjectId = subject(account, subjectBody);
        String filing = approve(account, "{}", true);
        String findings = "/api/v1/subjects/" + subjectId + "/findings";
        as(account, "applicant").get("/api/v1/subjects/" + subjectId).then()
                .body("principal.certificateValidUntil", equalTo(validUntil.toString()));
        // masked for staff, the validity still shown
        as("rita", "reviewer").get("/api/v1/subjects/" + subjectId).then()
                .body("principal.certificateValidUntil", equalTo(validUntil.toString()));

        run();
        // valid through its last day
        clock("P10D");
        run();
        as(account, "applicant").get(findings).then().statusCode(200).body("$", hasSize(0));

        clock("P11D");
        run();
        as(account, "applicant").get(findings).then().statusCode(200).body("$", hasSize(1))
                .body("[0].kind", equalTo("PRINCIPAL_CERTIFICATE_EXPIRED"))
                .body("[0].fieldKey", equalTo("principal.certificateValidUntil"))
                .body("[0].validUntil", equalTo(validUntil.toString())).body("[0].resolvedAt", nullValue());
        assertEquals(1, raised(subjectId));
        assertEquals(1, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '"
                + subjectId + "' and event_type = 'subject.check-finding-raised.v1' and payload like '%\"orderId\":\""
                + filing + "\"%' and payload like '%\"validUntil\":\"" + validUntil + "\"%'"),
                "names the approved filing for the message's link");
        // quiet re-runs
        run();
        run();
        assertEquals(1, raised(subjectId));
        as("rita", "reviewer").get(findings).then().statusCode(200).body("$", hasSize(1));
        as("someone-" + UUID.randomUUID(), "applicant").get(findings).then().statusCode(404);
        as(account, "applicant").post(RUN).then().statusCode(403);

        // a change filing records the principal's new certificate: the finding is resolved by the next round
        LocalDate renewed = TestClock.today().plusYears(1);
        String order = as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"CHANGE\",\"changeKind\":\"SUBJECT\"}").post("/api/v1/orders").then()
                .statusCode(201).extract().path("id");
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(subjectBody.replace(validUntil.toString(), renewed.toString()))
                .put("/api/v1/orders/" + order + "/subject").then().statusCode(200);
        drive(account, order, true);
        assertEquals(1, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'subject.snapshot-frozen.v1' and payload like "
                + "'%\"field\":\"subject.principal.certificateValidUntil\"%'"), "the reviewer sees the new validity");
        as(account, "applicant").get("/api/v1/subjects/" + subjectId).then()
                .body("principal.certificateValidUntil", equalTo(renewed.toString()));
        run();
        as(account, "applicant").get(findings).then().body("$", hasSize(1)).body("[0].resolvedAt", notNullValue());
        run();
        assertEquals(1, raised(subjectId));

        // the new validity passes in its turn: a new finding, told again
        clock("P800D");
        run();
        as(account, "applicant").get(findings).then().body("$", hasSize(2))
                .body("[0].validUntil", equalTo(renewed.toString())).body("[0].resolvedAt", nullValue());
        assertEquals(2, raised(subjectId));
    }

    @Test
    void roundsOfTwoReplicasAtOnceRaiseEachFindingOnceAndOnlyForApprovedSubjects() throws Exception {
        LocalDate expired = TestClock.today().minusDays(1);
        List<String> approved = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String account = "replicas-" + UUID.randomUUID();
            approved.add(subject(account, body("褚十八", expired)));
            approve(account, "{}", true);
        }
        String draftAccount = "draft-" + UUID.randomUUID();
        String notApproved = subject(draftAccount, body("褚十九", expired));

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(SubjectChecksTest::run);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(SubjectChecksTest::run);
        a.get();
        b.get();
        run();
        for (String subjectId : approved) {
            assertEquals(1, raised(subjectId), "one finding for " + subjectId);
        }
        assertEquals(0, raised(notApproved), "a subject without a number has nothing to change");
        as(draftAccount, "applicant").get("/api/v1/subjects/" + notApproved + "/findings").then().statusCode(200)
                .body("$", hasSize(0));
    }

    /** A person subject in Beijing whose principal's certificate is valid until {@code validUntil}. */
    private static String body(String name, LocalDate validUntil) {
        return SubjectResourceTest.subject(name).replace("\"email\":\"alice@example.com\"}",
                "\"email\":\"alice@example.com\",\"certificateValidUntil\":\"" + validUntil + "\"}");
    }

    private static String subject(String account, String body) {
        return as(account, "applicant").contentType(ContentType.JSON).body(body).post("/api/v1/subjects").then()
                .statusCode(201).extract().path("id");
    }

    /** Opens an order with {@code body} and drives it to APPROVED with a fresh subject number; its id. */
    private String approve(String account, String body, boolean photo) {
        String order = as(account, "applicant").contentType(ContentType.JSON).body(body).post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");
        drive(account, order, photo);
        return order;
    }

    private void drive(String account, String order, boolean photo) {
        events.ack("website-events", "/beian/website-service", order, "website.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        events.ack("materials-events", "/beian/materials-service", order, "material.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        String etag = as(account, "applicant").get("/api/v1/orders/" + order).then().extract().header("ETag");
        as(account, "applicant").header("If-Match", etag).post("/api/v1/orders/" + order + "/submit").then()
                .statusCode(200);
        events.ack("review-events", "/beian/review-service", order, "review.initial-approved.v1",
                "{\"orderId\":\"%s\",\"reviewerId\":\"rita\"}".formatted(order));
        if (photo) {
            events.ack("materials-events", "/beian/materials-service", order, "material.photo-submitted.v1",
                    "{\"orderId\":\"%s\",\"submittedBy\":\"%s\",\"byVerificationPoint\":false}".formatted(order,
                            account));
            events.ack("review-events", "/beian/review-service", order, "review.photo-approved.v1",
                    "{\"orderId\":\"%s\",\"reviewerId\":\"rita\"}".formatted(order));
        }
        String number = "京ICP备" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)) + "号";
        events.ack("review-events", "/beian/review-service", order, "authority.approved.v1", """
                {"orderId":"%s","approvedAt":"%s","subjectFilingNumber":"%s","websites":[]}"""
                .formatted(order, TestClock.now(), number));
        as(account, "applicant").get("/api/v1/orders/" + order).then().body("state", equalTo("APPROVED"));
    }

    private static int run() {
        return as("ada", "admin").post(RUN).then().statusCode(200).extract().path("raised");
    }

    private static void clock(String offset) {
        as("ada", "admin").contentType(ContentType.JSON).body("{\"offset\":\"" + offset + "\"}")
                .put("/api/v1/admin/clock").then().statusCode(200);
    }

    private static long raised(String subjectId) throws Exception {
        return SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + subjectId
                + "' and event_type = 'subject.check-finding-raised.v1'");
    }
}
