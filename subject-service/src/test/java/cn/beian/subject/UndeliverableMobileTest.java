package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.beian.national.client.NationalSystemsClient;
import cn.beian.testing.InMemoryEvents;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import cn.beian.validators.Phones;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code mobile.undeliverable.v1} on a filed subject: {@code MOBILE_UNDELIVERABLE} raised once on the subject whose
 * principal has that mobile (announced once as {@code subject.check-finding-raised}), resolved by a new confirmation
 * of the mobile and by a change filing that gives the principal another one; another mobile, an unfiled subject or a
 * malformed event raise nothing.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class UndeliverableMobileTest {

    private static final String MOBILE = "13800000013";
    private static final String NOTIFICATION = "/beian/notification-service";

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

    @Test
    void aFiledSubjectsPrincipalMobileFoundUndeliverableIsRaisedOnceAndResolvedByAConfirmationOrAChange()
            throws Exception {
        String account = "undeliverable-" + UUID.randomUUID();
        String body = SubjectResourceTest.subject("孔二十");
        String subjectId = subject(account, body);
        String filing = approve(account);
        String findings = "/api/v1/subjects/" + subjectId + "/findings";

        undeliverable(account, "13900000099");
        as(account, "applicant").get(findings).then().statusCode(200).body("$", hasSize(0));

        undeliverable(account, MOBILE);
        as(account, "applicant").get(findings).then().statusCode(200).body("$", hasSize(1))
                .body("[0].kind", equalTo("MOBILE_UNDELIVERABLE")).body("[0].fieldKey", equalTo("principal.mobile"))
                .body("[0].validUntil", nullValue()).body("[0].resolvedAt", nullValue());
        as("rita", "reviewer").get(findings).then().statusCode(200).body("$", hasSize(1));
        assertEquals(1, raised(subjectId));
        assertEquals(1, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '"
                + subjectId + "' and event_type = 'subject.check-finding-raised.v1' and payload like "
                + "'%\"kind\":\"MOBILE_UNDELIVERABLE\"%' and payload like '%\"orderId\":\"" + filing + "\"%'"
                + " and payload not like '%" + MOBILE + "%'"), "links the approved filing, never the number");

        // announced again (the provider's next failures), and the subject checks' rounds: still one, still open
        undeliverable(account, MOBILE);
        run();
        as(account, "applicant").get(findings).then().body("$", hasSize(1)).body("[0].resolvedAt", nullValue());
        assertEquals(1, raised(subjectId));

        // the applicant confirms the mobile again: resolved
        events.ack("notification-events", NOTIFICATION, account, "mobile.confirmed.v1", """
                {"accountId":"%s","mobileKey":"%s","confirmedAt":"%s"}""".formatted(account, key(MOBILE),
                TestClock.isoNow()));
        as(account, "applicant").get(findings).then().body("$", hasSize(1)).body("[0].resolvedAt", notNullValue());

        // found undeliverable anew: a new finding; a change filing gives the principal another mobile: resolved
        undeliverable(account, MOBILE);
        as(account, "applicant").get(findings).then().body("$", hasSize(2)).body("[0].resolvedAt", nullValue());
        assertEquals(2, raised(subjectId));
        String order = as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"CHANGE\",\"changeKind\":\"SUBJECT\"}").post("/api/v1/orders").then()
                .statusCode(201).extract().path("id");
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body.replace(MOBILE, "13800000027")).put("/api/v1/orders/" + order + "/subject").then()
                .statusCode(200);
        drive(account, order);
        as(account, "applicant").get("/api/v1/subjects/" + subjectId).then()
                .body("principal.mobile", equalTo("13800000027"));
        run();
        as(account, "applicant").get(findings).then().body("$", hasSize(2)).body("[0].resolvedAt", notNullValue())
                .body("[1].resolvedAt", notNullValue());
        undeliverable(account, MOBILE);
        assertEquals(2, raised(subjectId), "the old mobile is no longer the principal's");
    }

    @Test
    void anUnfiledSubjectRaisesNothingAndAMalformedEventIsRefused() throws Exception {
        String account = "unfiled-" + UUID.randomUUID();
        String subjectId = subject(account, SubjectResourceTest.subject("孔二一"));
        undeliverable(account, MOBILE);
        as(account, "applicant").get("/api/v1/subjects/" + subjectId + "/findings").then().body("$", hasSize(0));
        assertEquals(0, raised(subjectId));
        events.nack("notification-events", NOTIFICATION, account, "mobile.undeliverable.v1",
                "{\"accountId\":\"%s\",\"errorCode\":\"MOBILE_IN_BLACK\"}".formatted(account));
    }

    private void undeliverable(String account, String mobile) {
        events.ack("notification-events", NOTIFICATION, account, "mobile.undeliverable.v1", """
                {"accountId":"%s","mobileKey":"%s","errorCode":"MOBILE_NOT_ON_SERVICE","detectedAt":"%s",
                 "someNewField":1}""".formatted(account, key(mobile), TestClock.isoNow()));
    }

    private static String key(String mobile) {
        return Phones.mobileKey(mobile).orElseThrow();
    }

    private static String subject(String account, String body) {
        return as(account, "applicant").contentType(ContentType.JSON).body(body).post("/api/v1/subjects").then()
                .statusCode(201).extract().path("id");
    }

    private String approve(String account) {
        String order = as(account, "applicant").contentType(ContentType.JSON).body("{}").post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");
        drive(account, order);
        return order;
    }

    /** Drives an order to APPROVED through the events of the other services, as SubjectChecksTest does. */
    private void drive(String account, String order) {
        events.ack("website-events", "/beian/website-service", order, "website.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        events.ack("materials-events", "/beian/materials-service", order, "material.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        String etag = as(account, "applicant").get("/api/v1/orders/" + order).then().extract().header("ETag");
        as(account, "applicant").header("If-Match", etag).post("/api/v1/orders/" + order + "/submit").then()
                .statusCode(200);
        events.ack("review-events", "/beian/review-service", order, "review.initial-approved.v1",
                "{\"orderId\":\"%s\",\"reviewerId\":\"rita\"}".formatted(order));
        events.ack("materials-events", "/beian/materials-service", order, "material.photo-submitted.v1",
                "{\"orderId\":\"%s\",\"submittedBy\":\"%s\",\"byVerificationPoint\":false}".formatted(order, account));
        events.ack("review-events", "/beian/review-service", order, "review.photo-approved.v1",
                "{\"orderId\":\"%s\",\"reviewerId\":\"rita\"}".formatted(order));
        String number = "京ICP备" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)) + "号";
        events.ack("review-events", "/beian/review-service", order, "authority.approved.v1", """
                {"orderId":"%s","approvedAt":"%s","subjectFilingNumber":"%s","websites":[]}"""
                .formatted(order, TestClock.now(), number));
        as(account, "applicant").get("/api/v1/orders/" + order).then().body("state", equalTo("APPROVED"));
    }

    private static void run() {
        as("ada", "admin").post("/api/v1/admin/subject-checks/run").then().statusCode(200);
    }

    private static long raised(String subjectId) throws Exception {
        return SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + subjectId
                + "' and event_type = 'subject.check-finding-raised.v1'");
    }
}
