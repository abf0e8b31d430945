package cn.beian.review;

import static cn.beian.review.TestEvents.count;
import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The province's reviewer checklist in the case (libs/rules' items for the order's province, nature and type), its
 * answers by the claim holder, and four-eyes: an approval over a blocking finding or a failed item waits for a second,
 * different reviewer, every step in the trail.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
@WithTestResource(value = InMemoryMessagingResource.class, initArgs = @ResourceArg(name = "incoming",
        value = "subject-events,website-events,materials-events"))
@WithTestResource(OidcTestResource.class)
class ReviewChecklistTest {

    static final String NO_FINDINGS = "[]";
    static final String BLOCKING = """
            [{"ruleId":"BJ-B-01","fieldKey":"subject.principal.mobile","severity":"BLOCKING",
              "message":"手机号码须为北京号段"}]""";

    @Inject
    @Any
    InMemoryConnector connector;

    String openCase(String province, String findings) {
        return openCase(connector, province, findings);
    }

    /** An open initial case of a person's first filing in {@code province}; answers the case's path. */
    static String openCase(InMemoryConnector connector, String province, String findings) {
        String order = UUID.randomUUID().toString();
        String account = "acc-" + order;
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "subject.snapshot-frozen.v1",
                TestEvents.subjectSnapshot(order, account, "FIRST_FILING", province, 1, findings));
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "order.transitioned.v1",
                TestEvents.transitioned(order, account, "FIRST_FILING", province, "DRAFT", "INITIAL_REVIEW", "SUBMIT",
                        4L, 9L));
        TestEvents.send(connector, "website-events", TestEvents.WEBSITE, order, "website.snapshot-frozen.v1",
                TestEvents.websitesSnapshot(order, 4));
        TestEvents.send(connector, "materials-events", TestEvents.MATERIALS, order, "material.manifest-frozen.v1",
                TestEvents.materialsManifest(order, 9));
        return "/api/v1/review-cases/" + TestEvents.string("select cast(id as text) from review_case where order_id = '"
                + order + "' and status = 'OPEN'");
    }

    static String orderOf(String path) {
        return TestEvents.string("select order_id from review_case where id = '"
                + path.substring(path.lastIndexOf('/') + 1) + "'");
    }

    static int claim(String reviewer, String path) {
        return as(reviewer, "reviewer").post(path + "/claim").then().statusCode(200).extract().path("version");
    }

    /** Answers an item as the claim holder with the case version as If-Match; answers the case's new version. */
    static int answer(String reviewer, String path, int version, String item, String outcome, String reason) {
        Response r = as(reviewer, "reviewer").header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body(reason == null ? "{\"outcome\":\"%s\"}".formatted(outcome)
                        : "{\"outcome\":\"%s\",\"reason\":\"%s\"}".formatted(outcome, reason))
                .put(path + "/checklist/" + item);
        r.then().statusCode(200).body("itemId", equalTo(item)).body("outcome", equalTo(outcome))
                .body("answeredBy", equalTo(reviewer));
        return Integer.parseInt(r.getHeader("ETag").replace("\"", ""));
    }

    static Response decide(String reviewer, String path, int version, String decision) {
        String body = decision.equals("APPROVE") ? "{\"version\":%d,\"decision\":\"APPROVE\"}".formatted(version)
                : """
                {"version":%d,"decision":"REJECT","reasons":[{"fieldKey":"subject.principal.mobile",
                 "code":"PRINCIPAL_INFO_WRONG"}]}""".formatted(version);
        return as(reviewer, "reviewer").contentType(ContentType.JSON).body(body).post(path + "/decision");
    }

    static long events(String order, String type) {
        return count("select count(*) from outbox_event where aggregate_id = '" + order + "' and event_type = '"
                + type + "'");
    }

    @Test
    void eachCaseShowsItsProvincesChecklistInTheCallersLanguage() {
        String beijing = openCase("XINJIANG", NO_FINDINGS);
        as("rita", "reviewer").get(beijing).then().statusCode(200)
                .body("checklist.itemId", hasItems("XJ-B-04", "XJ-B-03"))
                .body("checklist.itemId", not(hasItem("ZJ-B-10")))
                .body("checklist.find { it.itemId == 'XJ-B-03' }.text", containsString("语言"))
                .body("checklist.find { it.itemId == 'XJ-B-03' }.outcome", nullValue())
                .body("approval.secondReviewerRequired", equalTo(false))
                .body("approval.unansweredItems", hasItems("XJ-B-04", "XJ-B-03"));
        as("rita", "reviewer").header("Accept-Language", "en").get(beijing).then().statusCode(200)
                .body("checklist.find { it.itemId == 'XJ-B-03' }.text", containsString("languages"));

        // Zhejiang's one item is about the curtain photo, which the initial review does not see.
        as("rita", "reviewer").get(openCase("ZHEJIANG", NO_FINDINGS)).then().statusCode(200)
                .body("checklist", empty()).body("approval.unansweredItems", empty());
    }

    @Test
    void theCurtainPhotosItemsAreOnThePhotoCase() {
        String initial = openCase("BEIJING", NO_FINDINGS);
        String order = orderOf(initial);
        as("rita", "reviewer").get(initial).then().statusCode(200).body("checklist", empty());
        decide("rita", initial, claim("rita", initial), "APPROVE").then().statusCode(200);
        TestEvents.send(connector, "materials-events", TestEvents.MATERIALS, order, "material.photo-submitted.v1",
                "{\"orderId\":\"%s\",\"submittedBy\":\"acc-%s\",\"byVerificationPoint\":false}"
                        .formatted(order, order));
        String photo = "/api/v1/review-cases/" + TestEvents.string("select cast(id as text) from review_case "
                + "where order_id = '" + order + "' and kind = 'PHOTO'");
        as("rita", "reviewer").get(photo).then().statusCode(200)
                .body("reviewCase.kind", equalTo("PHOTO"))
                .body("checklist.itemId", contains("X-05", "BJ-B-09"))
                .body("checklist.find { it.itemId == 'BJ-B-09' }.text", containsString("季节"))
                .body("approval.unansweredItems", contains("X-05", "BJ-B-09"));
        // Decided here, so that no other test's claim-next meets it.
        int version = claim("rita", photo);
        for (String item : List.of("X-05", "BJ-B-09")) {
            version = answer("rita", photo, version, item, "TICKED", null);
        }
        decide("rita", photo, version, "APPROVE").then().statusCode(200).body("status", equalTo("APPROVED"));
        assertEquals(1, events(order, "review.photo-approved.v1"));
    }

    @Test
    void onlyTheClaimHolderAnswersWithTheCasesETagAndAFailureSaysWhy() {
        String path = openCase("XINJIANG", NO_FINDINGS);
        String item = path + "/checklist/XJ-B-03";
        String ticked = "{\"outcome\":\"TICKED\"}";
        as("rita", "reviewer").header("If-Match", "\"1\"").contentType(ContentType.JSON).body(ticked).put(item)
                .then().statusCode(409).body("code", equalTo("NOT_CLAIMED"));
        int version = claim("rita", path);
        as("ravi", "reviewer").header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON).body(ticked)
                .put(item).then().statusCode(409).body("code", equalTo("NOT_CLAIMED"));
        as("rita", "reviewer").contentType(ContentType.JSON).body(ticked).put(item).then().statusCode(428);
        as("rita", "reviewer").header("If-Match", "\"" + (version - 1) + "\"").contentType(ContentType.JSON)
                .body(ticked).put(item).then().statusCode(412);
        as("rita", "reviewer").header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON).body(ticked)
                .put(path + "/checklist/ZJ-B-10").then().statusCode(404);
        as("rita", "reviewer").header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body("{\"outcome\":\"FAILED\",\"reason\":\"  \"}").put(item).then().statusCode(400)
                .body("errors[0].field", equalTo("reason")).body("errors[0].code", equalTo("REASON_REQUIRED"));
        as("rita", "reviewer").header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body("{\"outcome\":\"FAILED\",\"reason\":\"" + "冬".repeat(501) + "\"}").put(item).then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        as("rita", "reviewer").header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body("{\"outcome\":\"MAYBE\"}").put(item).then().statusCode(400)
                .body("errors[0].field", equalTo("outcome"));
        assertEquals(0, count("select count(*) from checklist_answer a join review_case c on c.id = a.case_id "
                + "where c.order_id = '" + orderOf(path) + "'"), "refused answers store nothing");

        int next = answer("rita", path, version, "XJ-B-03", "FAILED", "网站另有英文页面未勾选");
        assertEquals(version + 1, next, "an answer is a write to the case: its version moves on");
        next = answer("rita", path, next, "XJ-B-03", "TICKED", null);
        as("rita", "reviewer").header("Accept-Language", "en").get(path).then().statusCode(200)
                .header("ETag", equalTo("\"" + next + "\""))
                .body("checklist.find { it.itemId == 'XJ-B-03' }.outcome", equalTo("TICKED"))
                .body("checklist.find { it.itemId == 'XJ-B-03' }.reason", nullValue())
                .body("checklist.find { it.itemId == 'XJ-B-03' }.answeredBy", equalTo("rita"))
                .body("checklist.find { it.itemId == 'XJ-B-03' }.text", containsString("languages"))
                .body("auditTrail.action", hasItems("CHECKLIST_FAILED", "CHECKLIST_TICKED"))
                .body("auditTrail.find { it.action == 'CHECKLIST_FAILED' }.detail",
                        equalTo("XJ-B-03: 网站另有英文页面未勾选"));
    }

    @Test
    void anApprovalWithNothingBlockingAndEveryItemTickedDecidesAtOnce() {
        String path = openCase("XINJIANG", NO_FINDINGS);
        String order = orderOf(path);
        int version = claim("rita", path);
        for (String item : List.of("XJ-B-04", "XJ-B-03")) {
            version = answer("rita", path, version, item, "TICKED", null);
        }
        decide("rita", path, version, "APPROVE").then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("rita")).body("approvalRequestedBy", nullValue());
        assertEquals(1, events(order, "review.initial-approved.v1"));
        as("rita", "reviewer").get(path).then().statusCode(200)
                .body("auditTrail.action", not(hasItem("APPROVAL_REQUESTED")))
                .body("auditTrail.find { it.action == 'APPROVED' }.detail", not(containsString("unanswered")));
        // A finished case's checklist is what it was decided on.
        as("rita", "reviewer").header("If-Match", "\"" + (version + 1) + "\"").contentType(ContentType.JSON)
                .body("{\"outcome\":\"FAILED\",\"reason\":\"晚了\"}").put(path + "/checklist/XJ-B-04").then()
                .statusCode(409).body("code", equalTo("CASE_CLOSED"));
    }

    @Test
    void anApprovalOverAFailedItemWaitsForASecondDifferentReviewer() {
        String path = openCase("XINJIANG", NO_FINDINGS);
        String order = orderOf(path);
        int version = claim("rita", path);
        version = answer("rita", path, version, "XJ-B-03", "FAILED", "网站另有英文页面未勾选");
        as("rita", "reviewer").get(path).then().statusCode(200)
                .body("approval.secondReviewerRequired", equalTo(true))
                .body("approval.failedItems", contains("XJ-B-03"))
                .body("approval.unansweredItems", contains("XJ-B-04"));
        version = answer("rita", path, version, "XJ-B-04", "TICKED", null);

        decide("rita", path, version, "APPROVE").then().statusCode(202).body("status", equalTo("OPEN"))
                .body("approvalRequestedBy", equalTo("rita")).body("claimedBy", nullValue())
                .body("decidedBy", nullValue());
        assertEquals(0, events(order, "review.initial-approved.v1"), "one approval does not decide");
        as("ravi", "reviewer").get(path).then().statusCode(200)
                .body("approval.requestedBy", equalTo("rita"))
                .body("auditTrail.find { it.action == 'APPROVAL_REQUESTED' }.actorId", equalTo("rita"))
                .body("auditTrail.find { it.action == 'APPROVAL_REQUESTED' }.detail",
                        containsString("failed checklist items XJ-B-03"));

        // The same reviewer cannot be the second pair of eyes.
        int again = claim("rita", path);
        decide("rita", path, again, "APPROVE").then().statusCode(409)
                .body("code", equalTo("SECOND_REVIEWER_REQUIRED")).body("approvalRequestedBy", equalTo("rita"));
        as("rita", "reviewer").post(path + "/release").then().statusCode(200);

        int ravis = claim("ravi", path);
        // What the approval rests on is fixed while it waits.
        as("ravi", "reviewer").header("If-Match", "\"" + ravis + "\"").contentType(ContentType.JSON)
                .body("{\"outcome\":\"TICKED\"}").put(path + "/checklist/XJ-B-03").then().statusCode(409)
                .body("code", equalTo("APPROVAL_REQUESTED"));
        decide("ravi", path, ravis, "APPROVE").then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("ravi"));
        assertEquals(1, events(order, "review.initial-approved.v1"));
        as("ada", "admin").get(path).then().statusCode(200)
                .body("auditTrail.action", hasItems("CHECKLIST_FAILED", "APPROVAL_REQUESTED", "APPROVAL_CONFIRMED",
                        "APPROVED"))
                .body("auditTrail.find { it.action == 'APPROVAL_CONFIRMED' }.actorId", equalTo("ravi"))
                .body("auditTrail.find { it.action == 'APPROVED' }.detail",
                        containsString("approval requested by rita"));
    }

    @Test
    void anApprovalOverABlockingFindingMayBeRejectedByTheSecondReviewer() {
        String path = openCase("XINJIANG", BLOCKING);
        String order = orderOf(path);
        as("rita", "reviewer").get(path).then().statusCode(200)
                .body("findings[0].ruleId", equalTo("BJ-B-01"))
                .body("approval.secondReviewerRequired", equalTo(true))
                .body("approval.blockingFindings", contains("BJ-B-01 at subject.principal.mobile"));
        int version = claim("rita", path);
        for (String item : List.of("XJ-B-04", "XJ-B-03")) {
            version = answer("rita", path, version, item, "TICKED", null);
        }
        decide("rita", path, version, "APPROVE").then().statusCode(202).body("approvalRequestedBy", equalTo("rita"));
        // The requester may still claim it by its id (to reject it on second thoughts), not approve it: see above.
        as("rita", "reviewer").post("/api/v1/review-cases/" + path.substring(path.lastIndexOf('/') + 1) + "/claim")
                .then().statusCode(200);
        as("rita", "reviewer").post(path + "/release").then().statusCode(200);

        int ravis = claim("ravi", path);
        decide("ravi", path, ravis, "REJECT").then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("decidedBy", equalTo("ravi"));
        assertEquals(0, events(order, "review.initial-approved.v1"));
        assertEquals(1, events(order, "review.initial-rejected.v1"));
        as("ada", "admin").get(path).then().statusCode(200)
                .body("auditTrail.action", hasItems("APPROVAL_REQUESTED", "REJECTED"))
                .body("auditTrail.action", not(hasItem("APPROVAL_CONFIRMED")))
                .body("auditTrail.find { it.action == 'APPROVAL_REQUESTED' }.detail",
                        containsString("blocking findings BJ-B-01"));
    }

    @Test
    void claimNextNeverOffersTheRequesterTheirOwnPendingApproval() {
        String path = openCase("ZHEJIANG", BLOCKING);
        String id = path.substring(path.lastIndexOf('/') + 1);
        decide("rita", path, claim("rita", path), "APPROVE").then().statusCode(202);
        // rita takes the whole queue, oldest first, one claim after the other: never this case, which ravi then gets.
        List<String> taken = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Response r = as("rita", "reviewer").post("/api/v1/review-cases/claim");
            if (r.statusCode() == 204) {
                break;
            }
            r.then().statusCode(200).body("id", not(equalTo(id)));
            taken.add(r.path("id"));
        }
        as("ravi", "reviewer").post("/api/v1/review-cases/claim").then().statusCode(200).body("id", equalTo(id));
        as("ravi", "reviewer").post(path + "/release").then().statusCode(200);
        taken.forEach(t -> as("rita", "reviewer").post("/api/v1/review-cases/" + t + "/release").then()
                .statusCode(200));
    }
}
