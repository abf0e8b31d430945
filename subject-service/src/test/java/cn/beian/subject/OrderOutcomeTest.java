package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.testing.InMemoryEvents;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An order's whole journey driven by the other services' events (docs/domain.md §3.1): readiness, reviews, photo,
 * the administration's rejection, a re-review whose photo still holds, and the approval with its numbers.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class OrderOutcomeTest {

    @Inject
    @Any
    InMemoryConnector connector;

    InMemoryEvents events;

    @org.junit.jupiter.api.BeforeEach
    void events() {
        events = new InMemoryEvents(connector);
    }

    @Test
    void anOrderTravelsFromDraftToApprovalOnTheOtherServicesEvents() throws Exception {
        String account = "journey-" + UUID.randomUUID();
        String subjectId = as(account, "applicant").contentType(ContentType.JSON)
                .body(SubjectResourceTest.subject("吴十")).post("/api/v1/subjects").then().statusCode(201)
                .extract().path("id");
        String order = as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");

        ready(order, 4, 9);
        String ready = as(account, "applicant").get("/api/v1/orders/" + order).then().extract().header("ETag");
        // The websites judged again and still complete: the order's ETag stays, the applicant's submit goes through.
        ack("website-events", "/beian/website-service", order, "website.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":6,\"ready\":true}".formatted(order));
        as(account, "applicant").get("/api/v1/orders/" + order).then().header("ETag", equalTo(ready))
                .body("readiness.websitesVersion", equalTo(6));
        as(account, "applicant").header("If-Match", ready).post("/api/v1/orders/" + order + "/submit")
                .then().statusCode(200).body("state", equalTo("INITIAL_REVIEW"));
        assertEquals(1, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'order.transitioned.v1' and payload like '%\"websitesVersion\":6%'"
                + " and payload like '%\"materialsVersion\":9%'"), "the submission names the versions judged complete");

        review(order, "review.initial-approved.v1", null);
        state(account, order, "AWAITING_PHOTO");
        photoSubmitted(order, account);
        state(account, order, "PHOTO_REVIEW");
        review(order, "review.photo-approved.v1", null);
        state(account, order, "AUTHORITY_REVIEW");
        review(order, "authority.sms-verified.v1", null);
        ack("review-events", "/beian/review-service", order, "authority.rejected.v1", """
                {"orderId":"%s","returned":false,"reasons":[{"fieldKey":"websites[0].name","code":"NAME_UNSUITABLE",
                 "suggestion":"个人网站名称不得含有“公司”"}]}""".formatted(order));
        as(account, "applicant").get("/api/v1/orders/" + order).then().statusCode(200)
                .body("state", equalTo("AUTHORITY_REJECTED"))
                .body("contentsEditable", equalTo(true))
                .body("history.reasons.flatten()", hasItem("websites[0].name: NAME_UNSUITABLE — 个人网站名称不得含有“公司”"));

        act(account, order, "resubmit").body("state", equalTo("INITIAL_REVIEW")).body("rereview", equalTo(true));
        review(order, "review.initial-approved.v1", null);
        state(account, order, "AUTHORITY_REVIEW");
        ack("review-events", "/beian/review-service", order, "authority.approved.v1", """
                {"orderId":"%s","subjectFilingNumber":"京ICP备20261123号","websites":[{"name":"吴十的博客",
                 "domains":["wushi.cn"],"websiteFilingNumber":"京ICP备20261123号-1"}]}""".formatted(order));
        state(account, order, "APPROVED");
        as(account, "applicant").get("/api/v1/orders/" + order).then()
                .body("approval.subjectFilingNumber", equalTo("京ICP备20261123号"))
                .body("approval.websites[0].websiteFilingNumber", equalTo("京ICP备20261123号-1"))
                .body("approval.websites[0].domains[0]", equalTo("wushi.cn"));
        assertEquals(1, SubjectResourceTest.count("select count(*) from subject where id = '" + subjectId
                + "' and filing_number = '京ICP备20261123号'"));
    }

    @Test
    void aReReviewWhosePrincipalsChangedAsksForANewCurtainPhoto() throws Exception {
        String account = "new-principal-" + UUID.randomUUID();
        String order = draft(account, "钱十二");
        ready(order, 2, 3);
        act(account, order, "submit");
        review(order, "review.initial-approved.v1", null);
        photoSubmitted(order, account);
        review(order, "review.photo-approved.v1", null);
        ack("review-events", "/beian/review-service", order, "authority.rejected.v1", """
                {"orderId":"%s","returned":false,"reasons":[{"fieldKey":"websites[0].principal.name",
                 "code":"PRINCIPAL_INFO_WRONG"}]}""".formatted(order));
        act(account, order, "resubmit").body("rereview", equalTo(true));

        // review-service: the re-review names another website principal than the approved photo shows.
        ack("review-events", "/beian/review-service", order, "review.initial-approved.v1",
                "{\"orderId\":\"%s\",\"reviewerId\":\"rita\",\"photoStillHolds\":false}".formatted(order));
        state(account, order, "AWAITING_PHOTO");
        photoSubmitted(order, account);
        state(account, order, "PHOTO_REVIEW");
        review(order, "review.photo-approved.v1", null);
        state(account, order, "AUTHORITY_REVIEW");
    }

    @Test
    void anEventTheOrderCannotTakeIsDeadLetteredNotApplied() throws Exception {
        String account = "stuck-" + UUID.randomUUID();
        String order = draft(account, "郑十一");
        Throwable reason = nack("review-events", "/beian/review-service", order, "review.photo-approved.v1",
                "{\"orderId\":\"%s\",\"reviewerId\":\"r\"}".formatted(order));
        assertTrue(reason.getMessage().contains("not possible"), reason.getMessage());
        state(account, order, "DRAFT");
        Throwable unknown = nack("review-events", "/beian/review-service", UUID.randomUUID().toString(),
                "review.initial-approved.v1", "{}");
        assertTrue(unknown.getMessage().contains("unknown order"), unknown.getMessage());
        Throwable noReasons = nack("review-events", "/beian/review-service", order, "review.initial-rejected.v1",
                "{\"orderId\":\"%s\",\"reasons\":[]}".formatted(order));
        assertTrue(noReasons.getMessage().contains("without reasons"), noReasons.getMessage());
    }

    /** A new account's subject and its FIRST_FILING draft; answers the order's id. */
    private static String draft(String account, String name) {
        as(account, "applicant").contentType(ContentType.JSON).body(SubjectResourceTest.subject(name))
                .post("/api/v1/subjects").then().statusCode(201);
        return as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
    }

    /** website- and materials-service judge the order's parts complete at these versions. */
    private void ready(String order, long websites, long materials) throws Exception {
        ack("website-events", "/beian/website-service", order, "website.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":%d,\"ready\":true}".formatted(order, websites));
        ack("materials-events", "/beian/materials-service", order, "material.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":%d,\"ready\":true}".formatted(order, materials));
    }

    private void photoSubmitted(String order, String account) throws Exception {
        ack("materials-events", "/beian/materials-service", order, "material.photo-submitted.v1",
                "{\"orderId\":\"%s\",\"submittedBy\":\"%s\",\"byVerificationPoint\":false}".formatted(order, account));
    }

    /** The applicant's move with the order's current ETag. */
    private static io.restassured.response.ValidatableResponse act(String account, String order, String action) {
        String etag = as(account, "applicant").get("/api/v1/orders/" + order).then().extract().header("ETag");
        return as(account, "applicant").header("If-Match", etag).post("/api/v1/orders/" + order + "/" + action)
                .then().statusCode(200);
    }

    private void review(String order, String type, String reasons) throws Exception {
        ack("review-events", "/beian/review-service", order, type,
                "{\"orderId\":\"%s\",\"reviewerId\":\"rita\"}".formatted(order));
    }

    private static void state(String account, String order, String expected) {
        as(account, "applicant").get("/api/v1/orders/" + order).then().statusCode(200).body("state", equalTo(expected));
    }

    private void ack(String channel, String source, String aggregate, String type, String data) throws Exception {
        events.ack(channel, source, aggregate, type, data);
    }

    private Throwable nack(String channel, String source, String aggregate, String type, String data)
            throws Exception {
        return events.nack(channel, source, aggregate, type, data);
    }
}
