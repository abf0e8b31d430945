package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import cn.beian.national.client.NationalSystemsClient;
import cn.beian.national.client.PasswordCheckResult;
import cn.beian.testing.InMemoryEvents;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The type an order is opened with (decided for a new filing, checked for the others), the websites a cancel-access or
 * deregister-website order picks, and a subject's deregistration clearing its number (docs/domain.md §2, §3.3). The
 * national registry is scripted: nothing filed anywhere, every filing password right.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class OrderTypesTest {

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
        when(national.checkPassword(any())).thenReturn(Uni.createFrom().item(new PasswordCheckResult(
                PasswordCheckResult.Result.MATCH, null, 5, null)));
    }

    @Test
    void theServerDecidesANewFilingsTypeAndRefusesAnotherWithTheReason() {
        String account = "types-" + UUID.randomUUID();
        subject(account);
        as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"NEW_WEBSITE\"}")
                .post("/api/v1/orders").then().statusCode(409)
                .body("code", equalTo("FILING_TYPE_MISMATCH")).body("decidedType", equalTo("FIRST_FILING"))
                .body("detail", containsString("首次备案"));
        as(account, "applicant").header("Accept-Language", "en").contentType(ContentType.JSON)
                .body("{\"type\":\"ACCESS_FILING\",\"filingPassword\":\"secret\"}").post("/api/v1/orders").then()
                .statusCode(409).body("detail", containsString("first filing (FIRST_FILING), not ACCESS_FILING"));
        // Types on approved records need them.
        as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"CANCEL_ACCESS\",\"websites\":[\"x\"]}")
                .post("/api/v1/orders").then().statusCode(409)
                .body("code", equalTo("FILING_TYPE_NEEDS_APPROVED_SUBJECT"));
        // Without a type, the decided one.
        as(account, "applicant").contentType(ContentType.JSON).body("{}").post("/api/v1/orders").then()
                .statusCode(201).body("type", equalTo("FIRST_FILING"));
    }

    @Test
    void cancelAccessPicksTheAccountsActiveWebsitesAndDeregisteringTheSubjectClearsItsNumber() throws Exception {
        String account = "picks-" + UUID.randomUUID();
        String subjectId = subject(account);
        String number = "京ICP备" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)) + "号";
        String first = approve(account, "{}", """
                {"subjectFilingNumber":"%s","websites":[
                 {"websiteId":"%s","name":"一号站","domains":["one-%s.cn"],"websiteFilingNumber":"%s-1"},
                 {"name":"二号站","domains":["two-%s.cn"],"websiteFilingNumber":"%s-2"}]}"""
                .formatted(number, UUID.randomUUID(), account, number, account, number));
        as(account, "applicant").get("/api/v1/subjects/" + subjectId).then().body("filingNumber", equalTo(number));

        String cancel = "/api/v1/orders";
        as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"CANCEL_ACCESS\"}").post(cancel)
                .then().statusCode(400).body("errors[0].field", equalTo("websites"));
        as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"CANCEL_ACCESS\",\"websites\":[\"%s-2\",\"京ICP备99999999号-1\"]}".formatted(number))
                .post(cancel).then().statusCode(409)
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo("websites[1]"))
                .body("errors[0].code", equalTo("WEBSITE_NOT_ACCOUNTS"));
        as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"DEREGISTER_SUBJECT\",\"filingPassword\":\"secret\",\"websites\":[\"%s-1\"]}"
                        .formatted(number)).post(cancel).then().statusCode(400)
                .body("errors[0].field", equalTo("websites"));
        String order = as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"CANCEL_ACCESS\",\"websites\":[\"%s-2\"]}".formatted(number)).post(cancel).then()
                .statusCode(201).body("type", equalTo("CANCEL_ACCESS")).extract().path("id");
        assertEquals(1, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'order.created.v1' and payload like '%\"websiteFilingNumbers\":[\"" + number
                + "-2\"]%'"), "the order names the picked website to website-service");
        // The same website cannot go into another order while this one is open.
        as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"DEREGISTER_WEBSITE\",\"websites\":[\"%s-2\"]}".formatted(number)).post(cancel)
                .then().statusCode(409).body("code", equalTo("WEBSITE_IN_OPEN_ORDER"))
                .body("errors[0].field", equalTo("websites[0]")).body("orderId", equalTo(order));
        drive(account, order, "{\"subjectFilingNumber\":\"%s\",\"websites\":[{\"name\":\"二号站\",\"domains\":[],"
                .formatted(number) + "\"websiteFilingNumber\":\"%s-2\"}]}".formatted(number), false);
        as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"DEREGISTER_WEBSITE\",\"websites\":[\"%s-2\"]}".formatted(number)).post(cancel)
                .then().statusCode(409).body("errors[0].code", equalTo("WEBSITE_NOT_ACTIVE"));

        // Deregistering the subject revokes its number; the account then files again as a first filing.
        String deregister = as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"DEREGISTER_SUBJECT\",\"filingPassword\":\"secret\"}").post(cancel).then()
                .statusCode(201).extract().path("id");
        drive(account, deregister, "{\"subjectFilingNumber\":\"%s\",\"websites\":[]}".formatted(number), false);
        as(account, "applicant").get("/api/v1/subjects/" + subjectId).then().statusCode(200)
                .body("filingNumber", nullValue()).body("deregisteredFilingNumber", equalTo(number));
        assertEquals(2, SubjectResourceTest.count("select count(*) from approved_website where account_id = '"
                + account + "' and status = 'DEREGISTERED'"), "every website of the subject is revoked");
        as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"CHANGE\",\"changeKind\":\"SUBJECT\"}").post(cancel).then()
                .statusCode(409).body("code", equalTo("FILING_TYPE_NEEDS_APPROVED_SUBJECT"));
        as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}").post(cancel)
                .then().statusCode(201);
        assertEquals(1, SubjectResourceTest.count("select count(*) from filing_order where id = '" + first
                + "' and state = 'APPROVED'"));
    }

    @Test
    void aChangeSaysWhatItChangesAndIsRefusedOutsideItOrWhenItChangesNothing() throws Exception {
        String account = "kinds-" + UUID.randomUUID();
        subject(account);
        String number = "京ICP备" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)) + "号";
        approve(account, "{}", """
                {"subjectFilingNumber":"%s","websites":[
                 {"name":"一号站","domains":["one-%s.cn"],"websiteFilingNumber":"%s-1"},
                 {"name":"二号站","domains":["two-%s.cn"],"websiteFilingNumber":"%s-2"}]}"""
                .formatted(number, account, number, account, number));
        String orders = "/api/v1/orders";
        // The kind is given with a change, and only there; a change of websites names them, a subject change none.
        as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"CHANGE\"}").post(orders).then()
                .statusCode(400).body("errors[0].field", equalTo("changeKind"))
                .body("errors[0].code", equalTo("CHANGE_KIND_REQUIRED"));
        as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"NEW_WEBSITE\",\"changeKind\":\"WEBSITE\"}").post(orders).then().statusCode(400)
                .body("errors[0].field", equalTo("changeKind")).body("errors[0].code", equalTo("NOT_ALLOWED"));
        as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"CHANGE\",\"changeKind\":\"ACCESS\"}").post(orders).then().statusCode(400)
                .body("errors[0].field", equalTo("websites"));
        as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"CHANGE\",\"changeKind\":\"SUBJECT\",\"websites\":[\"%s-1\"]}".formatted(number))
                .post(orders).then().statusCode(400).body("errors[0].field", equalTo("websites"));
        as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"CHANGE\",\"changeKind\":\"WEBSITE\",\"websites\":[\"京ICP备99999999号-1\"]}")
                .post(orders).then().statusCode(409).body("errors[0].code", equalTo("WEBSITE_NOT_ACCOUNTS"));

        String order = as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"CHANGE\",\"changeKind\":\"WEBSITE\",\"websites\":[\"%s-2\"]}".formatted(number))
                .post(orders).then().statusCode(201).body("changeKind", equalTo("WEBSITE")).extract().path("id");
        assertEquals(1, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'order.created.v1' and payload like '%\"websiteFilingNumbers\":[\"" + number
                + "-2\"]%' and payload like '%\"changeKind\":\"WEBSITE\"%'"), "website-service learns the kind and the pick");
        // A change of websites does not revise the subject.
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(SubjectResourceTest.subject("冯十五")).put(orders + "/" + order + "/subject").then()
                .statusCode(409).body("code", equalTo("CHANGE_OUTSIDE_KIND"))
                .body("errors[0].field", equalTo("subject")).body("changeKind", equalTo("WEBSITE"));

        // website-service counts no changed field yet: refused; one changed field: submitted.
        ready(order, 1, 0);
        String etag = as(account, "applicant").get(orders + "/" + order).then().extract().header("ETag");
        as(account, "applicant").header("If-Match", etag).post(orders + "/" + order + "/submit").then()
                .statusCode(409).body("code", equalTo("CHANGE_CHANGES_NOTHING"))
                .body("errors[0].field", equalTo("websites")).body("currentState", equalTo("DRAFT"))
                .body("allowedActions", hasItem("SUBMIT"));
        ready(order, 2, 1);
        etag = as(account, "applicant").get(orders + "/" + order).then().extract().header("ETag");
        as(account, "applicant").header("If-Match", etag).post(orders + "/" + order + "/submit").then()
                .statusCode(200).body("state", equalTo("INITIAL_REVIEW"));
        assertEquals(1, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'subject.snapshot-frozen.v1' and payload like '%\"changeKind\":\"WEBSITE\"%'"
                + " and payload like '%\"changes\":[]%'"), "the subject snapshot says the kind, no subject change");
    }

    /** website-service's and materials-service's readiness of a change order, with the websites' changed fields. */
    private void ready(String order, int version, int changes) throws Exception {
        events.ack("website-events", "/beian/website-service", order, "website.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":%d,\"ready\":true,\"changes\":%d}".formatted(order, version, changes));
        events.ack("materials-events", "/beian/materials-service", order, "material.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":%d,\"ready\":true}".formatted(order, version));
    }

    private static String subject(String account) {
        return as(account, "applicant").contentType(ContentType.JSON).body(SubjectResourceTest.subject("冯十五"))
                .post("/api/v1/subjects").then().statusCode(201).extract().path("id");
    }

    /** Opens an order with {@code body} and drives it to APPROVED with {@code approval}'s numbers. */
    private String approve(String account, String body, String approval) throws Exception {
        String order = as(account, "applicant").contentType(ContentType.JSON).body(body).post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");
        drive(account, order, approval, true);
        return order;
    }

    /** From DRAFT to APPROVED on the other services' events (a new filing's curtain photo where {@code photo}). */
    private void drive(String account, String order, String approval, boolean photo) throws Exception {
        events.ack("website-events", "/beian/website-service", order, "website.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        events.ack("materials-events", "/beian/materials-service", order, "material.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        String etag = as(account, "applicant").get("/api/v1/orders/" + order).then().extract().header("ETag");
        as(account, "applicant").header("If-Match", etag).post("/api/v1/orders/" + order + "/submit").then()
                .statusCode(200);
        review(order, "review.initial-approved.v1");
        if (photo) {
            events.ack("materials-events", "/beian/materials-service", order, "material.photo-submitted.v1",
                    "{\"orderId\":\"%s\",\"submittedBy\":\"%s\",\"byVerificationPoint\":false}".formatted(order,
                            account));
            review(order, "review.photo-approved.v1");
        }
        as(account, "applicant").get("/api/v1/orders/" + order).then().body("state", equalTo("AUTHORITY_REVIEW"));
        events.ack("review-events", "/beian/review-service", order, "authority.approved.v1",
                approval.replaceFirst("\\{", "{\"orderId\":\"" + order + "\",\"approvedAt\":\""
                        + cn.beian.testing.TestClock.now() + "\","));
        as(account, "applicant").get("/api/v1/orders/" + order).then().body("state", equalTo("APPROVED"));
    }

    private void review(String order, String type) throws Exception {
        events.ack("review-events", "/beian/review-service", order, type,
                "{\"orderId\":\"%s\",\"reviewerId\":\"rita\"}".formatted(order));
    }
}
