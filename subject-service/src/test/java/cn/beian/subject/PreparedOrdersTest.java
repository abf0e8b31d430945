package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cancel-access orders prepared for empty shells past their grace (website-service's
 * {@code website.empty-shell-past-grace}): one per finding however often it is announced, staff's list, confirm and
 * dismiss with If-Match and only once, withdrawal when the finding resolves first, the provider's own cancel-access
 * order a confirmation opens (no applicant move on it, submitted by the provider once its parts are complete), and a
 * confirmation refused as an applicant's order would be, leaving the prepared order as it was.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class PreparedOrdersTest {

    private static final String LIST = "/api/v1/admin/prepared-orders";

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
    void oneEmptyShellPastItsGraceIsOnePreparedOrderThatStaffConfirmOnceIntoTheProvidersCancelAccessOrder()
            throws Exception {
        String account = "shell-" + UUID.randomUUID();
        String number = filed(account);
        String finding = UUID.randomUUID().toString();
        String website = UUID.randomUUID().toString();

        pastGrace(finding, website, account, number + "-1");
        // announced again (a replayed or repeated event): still one
        pastGrace(finding, website, account, number + "-1");
        List<Map<String, Object>> mine = preparedOf(account);
        assertEquals(1, mine.size());
        Map<String, Object> p = mine.get(0);
        assertEquals("PREPARED", p.get("state"));
        assertEquals(number + "-1", p.get("websiteFilingNumber"));
        assertEquals(finding, p.get("findingId"));
        assertEquals("shell.cn", p.get("domain"));
        String url = LIST + "/" + p.get("id");

        // staff only; an ETag to decide
        as(account, "applicant").get(LIST).then().statusCode(403);
        as(account, "applicant").post(url + "/confirm").then().statusCode(403);
        as("rita", "reviewer").post(url + "/confirm").then().statusCode(428);
        as("rita", "reviewer").header("If-Match", "\"99\"").post(url + "/confirm").then().statusCode(412);
        assertEquals(0, count("select count(*) from filing_order where account_id = '" + account
                + "' and type = 'CANCEL_ACCESS'"), "nothing opened by a refused confirmation");

        String etag = as("rita", "reviewer").get(url).then().statusCode(200).extract().header("ETag");
        Response confirmed = as("rita", "reviewer").header("If-Match", etag).post(url + "/confirm");
        confirmed.then().statusCode(200).body("state", equalTo("CONFIRMED")).body("decidedBy", equalTo("rita"))
                .body("orderId", notNullValue());
        String order = confirmed.path("orderId");
        // a second confirmation opens nothing: the old ETag is stale, the new one finds it decided
        as("rita", "reviewer").header("If-Match", etag).post(url + "/confirm").then().statusCode(412);
        as("ada", "admin").header("If-Match", confirmed.header("ETag")).post(url + "/confirm").then()
                .statusCode(409).body("code", equalTo("PREPARED_ORDER_DECIDED"))
                .body("currentState", equalTo("CONFIRMED")).body("orderId", equalTo(order));
        as("ada", "admin").header("If-Match", confirmed.header("ETag")).post(url + "/dismiss").then()
                .statusCode(409).body("code", equalTo("PREPARED_ORDER_DECIDED"));
        assertEquals(1, count("select count(*) from filing_order where account_id = '" + account
                + "' and type = 'CANCEL_ACCESS'"));

        // the provider's own cancel-access order of that website: announced as such, no applicant move on it
        as(account, "applicant").get("/api/v1/orders/" + order).then().statusCode(200)
                .body("type", equalTo("CANCEL_ACCESS")).body("state", equalTo("DRAFT"))
                .body("initiatedBy", equalTo("PROVIDER")).body("allowedActions", empty())
                .body("history[0].actor", equalTo("PROVIDER"));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'order.created.v1' and payload like '%\"websiteFilingNumbers\":[\"" + number
                + "-1\"]%' and payload like '%\"initiatedBy\":\"PROVIDER\"%'"));
        String orderTag = as(account, "applicant").get("/api/v1/orders/" + order).then().extract().header("ETag");
        for (String move : List.of("submit", "abandon")) {
            as(account, "applicant").header("If-Match", orderTag).post("/api/v1/orders/" + order + "/" + move)
                    .then().statusCode(409).body("code", equalTo("ORDER_PROVIDER_INITIATED"));
        }

        // the finding resolving now changes nothing: the order is on its way
        resolved(finding, website, account, number + "-1", "EMPTY_SHELL");
        as("rita", "reviewer").get(url).then().body("state", equalTo("CONFIRMED"));

        // submitted by the provider once its websites and materials are complete
        events.ack("website-events", "/beian/website-service", order, "website.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        as(account, "applicant").get("/api/v1/orders/" + order).then().body("state", equalTo("DRAFT"));
        events.ack("materials-events", "/beian/materials-service", order, "material.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        as(account, "applicant").get("/api/v1/orders/" + order).then().body("state", equalTo("INITIAL_REVIEW"))
                .body("history[1].trigger", equalTo("SUBMIT")).body("history[1].actor", equalTo("PROVIDER"));
        // a readiness announced again submits nothing more
        events.ack("materials-events", "/beian/materials-service", order, "material.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        assertEquals(1, count("select count(*) from order_transition where order_id = '" + order
                + "' and trigger = 'SUBMIT'"));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'subject.snapshot-frozen.v1'"));

        // another empty shell of the account while that order is in flight: refused as the applicant's would be,
        // and left prepared
        String second = UUID.randomUUID().toString();
        pastGrace(second, UUID.randomUUID().toString(), account, number + "-2");
        Map<String, Object> waiting = preparedOf(account).stream().filter(x -> second.equals(x.get("findingId")))
                .findFirst().orElseThrow();
        String secondUrl = LIST + "/" + waiting.get("id");
        String secondTag = as("rita", "reviewer").get(secondUrl).then().extract().header("ETag");
        as("rita", "reviewer").header("If-Match", secondTag).post(secondUrl + "/confirm").then().statusCode(409)
                .body("orderId", equalTo(order));
        as("rita", "reviewer").get(secondUrl).then().body("state", equalTo("PREPARED")).header("ETag", secondTag);
        assertEquals(1, count("select count(*) from filing_order where account_id = '" + account
                + "' and type = 'CANCEL_ACCESS'"));

        // the provider's reviewers refuse it: the applicant may only clear it, so it holds the account no longer
        events.ack("review-events", "/beian/review-service", order, "review.initial-rejected.v1",
                "{\"orderId\":\"%s\",\"reviewerId\":\"rita\",\"reasons\":[{\"code\":\"NOT_EMPTY\"}]}"
                        .formatted(order));
        String rejectedTag = as(account, "applicant").get("/api/v1/orders/" + order).then()
                .body("state", equalTo("INITIAL_REJECTED")).body("allowedActions", equalTo(List.of("ABANDON")))
                .extract().header("ETag");
        as(account, "applicant").header("If-Match", rejectedTag).post("/api/v1/orders/" + order + "/resubmit")
                .then().statusCode(409).body("code", equalTo("ORDER_PROVIDER_INITIATED"))
                .body("allowedActions", equalTo(List.of("ABANDON")));
        as(account, "applicant").header("If-Match", rejectedTag).post("/api/v1/orders/" + order + "/abandon")
                .then().statusCode(200).body("state", equalTo("ABANDONED"));
        // and the other website's prepared order can now be confirmed
        as("rita", "reviewer").header("If-Match", secondTag).post(secondUrl + "/confirm").then().statusCode(200)
                .body("state", equalTo("CONFIRMED"));
    }

    @Test
    void aDismissedOrWithdrawnPreparedOrderCannotBeConfirmed() throws Exception {
        String account = "shell-" + UUID.randomUUID();
        String number = filed(account);
        String dismissed = UUID.randomUUID().toString();
        String withdrawn = UUID.randomUUID().toString();
        String website = UUID.randomUUID().toString();
        pastGrace(dismissed, website, account, number + "-1");
        pastGrace(withdrawn, UUID.randomUUID().toString(), account, number + "-2");

        String d = LIST + "/" + id(account, dismissed);
        String etag = as("ada", "admin").get(d).then().extract().header("ETag");
        as("ada", "admin").header("If-Match", etag).post(d + "/dismiss").then().statusCode(200)
                .body("state", equalTo("DISMISSED")).body("decidedBy", equalTo("ada"));
        String after = as("ada", "admin").get(d).then().extract().header("ETag");
        as("ada", "admin").header("If-Match", after).post(d + "/confirm").then().statusCode(409)
                .body("currentState", equalTo("DISMISSED"));

        // another kind resolving, or another finding, withdraws nothing
        resolved(withdrawn, website, account, number + "-2", "NUMBER_MISSING");
        resolved(UUID.randomUUID().toString(), website, account, number + "-2", "EMPTY_SHELL");
        String w = LIST + "/" + id(account, withdrawn);
        as("ada", "admin").get(w).then().body("state", equalTo("PREPARED"));
        // its own empty shell resolving withdraws it (and again, nothing more)
        resolved(withdrawn, website, account, number + "-2", "EMPTY_SHELL");
        resolved(withdrawn, website, account, number + "-2", "EMPTY_SHELL");
        as("ada", "admin").get(w).then().body("state", equalTo("WITHDRAWN")).body("decidedAt", notNullValue());
        String tag = as("ada", "admin").get(w).then().extract().header("ETag");
        as("ada", "admin").header("If-Match", tag).post(w + "/confirm").then().statusCode(409)
                .body("code", equalTo("PREPARED_ORDER_DECIDED")).body("currentState", equalTo("WITHDRAWN"));
        assertEquals(0, count("select count(*) from filing_order where account_id = '" + account
                + "' and type = 'CANCEL_ACCESS'"));

        // the list by state; bad input named
        as("ada", "admin").queryParam("state", "WITHDRAWN").queryParam("limit", 100).get(LIST).then()
                .statusCode(200).body("items.findAll { it.accountId == '" + account + "' }.findingId",
                        equalTo(List.of(withdrawn)));
        as("ada", "admin").queryParam("state", "GONE").get(LIST).then().statusCode(400)
                .body("errors[0].field", equalTo("state"))
                .body("errors[0].code", equalTo("PREPARED_ORDER_STATE_UNKNOWN"));
        as("ada", "admin").get(LIST + "/not-an-id").then().statusCode(404);
        as("ada", "admin").get(LIST + "/" + UUID.randomUUID()).then().statusCode(404);
        // an announcement without its finding can never apply
        assertNotNull(events.nack("website-events", "/beian/website-service", website,
                "website.empty-shell-past-grace.v1", "{\"websiteId\":\"%s\",\"accountId\":\"%s\"}"
                        .formatted(website, account)));
    }

    /** An account whose first filing of two websites ({@code <number>-1}, {@code -2}) was approved: the number. */
    private String filed(String account) throws Exception {
        as(account, "applicant").contentType(ContentType.JSON).body(SubjectResourceTest.subject("冯十六"))
                .post("/api/v1/subjects").then().statusCode(201);
        String number = "京ICP备" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)) + "号";
        String order = as(account, "applicant").contentType(ContentType.JSON).body("{}").post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");
        events.ack("website-events", "/beian/website-service", order, "website.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        events.ack("materials-events", "/beian/materials-service", order, "material.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        String etag = as(account, "applicant").get("/api/v1/orders/" + order).then().extract().header("ETag");
        as(account, "applicant").header("If-Match", etag).post("/api/v1/orders/" + order + "/submit").then()
                .statusCode(200);
        review(order, "review.initial-approved.v1");
        events.ack("materials-events", "/beian/materials-service", order, "material.photo-submitted.v1",
                "{\"orderId\":\"%s\",\"submittedBy\":\"%s\",\"byVerificationPoint\":false}".formatted(order, account));
        review(order, "review.photo-approved.v1");
        events.ack("review-events", "/beian/review-service", order, "authority.approved.v1", """
                {"orderId":"%s","approvedAt":"%s","subjectFilingNumber":"%s","websites":[
                 {"websiteId":"%s","name":"一号站","domains":["shell.cn"],"websiteFilingNumber":"%s-1"},
                 {"websiteId":"%s","name":"二号站","domains":["two.cn"],"websiteFilingNumber":"%s-2"}]}"""
                .formatted(order, TestClock.now(), number, UUID.randomUUID(), number, UUID.randomUUID(), number));
        as(account, "applicant").get("/api/v1/orders/" + order).then().body("state", equalTo("APPROVED"));
        return number;
    }

    private void review(String order, String type) {
        events.ack("review-events", "/beian/review-service", order, type,
                "{\"orderId\":\"%s\",\"reviewerId\":\"rita\"}".formatted(order));
    }

    private void pastGrace(String finding, String website, String account, String websiteNumber) {
        String seen = TestClock.now().minusDays(31).toString();
        events.ack("website-events", "/beian/website-service", website, "website.empty-shell-past-grace.v1", """
                {"findingId":"%s","websiteId":"%s","orderId":"%s","accountId":"%s","websiteFilingNumber":"%s",
                 "websiteName":"一号站","domain":"shell.cn","firstSeenAt":"%s","graceEndsAt":"%s","seenAt":"%s"}"""
                .formatted(finding, website, UUID.randomUUID(), account, websiteNumber, seen,
                        TestClock.now().minusDays(1), TestClock.now()));
    }

    private void resolved(String finding, String website, String account, String websiteNumber, String kind) {
        events.ack("website-events", "/beian/website-service", website, "website.probe-finding-resolved.v1", """
                {"findingId":"%s","websiteId":"%s","orderId":"%s","accountId":"%s","websiteFilingNumber":"%s",
                 "kind":"%s","resolvedAt":"%s"}"""
                .formatted(finding, website, UUID.randomUUID(), account, websiteNumber, kind, TestClock.now()));
    }

    private static List<Map<String, Object>> preparedOf(String account) {
        List<Map<String, Object>> items = as("rita", "reviewer").queryParam("limit", 100).get(LIST).then()
                .statusCode(200).extract().path("items");
        return items.stream().filter(p -> account.equals(p.get("accountId"))).toList();
    }

    private static String id(String account, String finding) {
        return (String) preparedOf(account).stream().filter(p -> finding.equals(p.get("findingId"))).findFirst()
                .orElseThrow().get("id");
    }

    private static long count(String sql) throws Exception {
        return SubjectResourceTest.count(sql);
    }
}
