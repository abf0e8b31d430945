package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.events.EventType;
import cn.beian.contract.events.Topics;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * review-service on the real stack with real tokens: an order submitted through subject-service becomes a review case
 * (from subject-service's real snapshot and the websites/materials snapshots), is rejected with reasons the applicant
 * reads, resubmitted, approved, photographed, photo-approved, submitted by the gateway to the national-systems
 * stand-in, SMS-verified with the code read from the SMS stand-in, approved by the administration's operator, and
 * ends APPROVED in subject-service with the subject number.
 *
 * <p>website- and materials-service do not publish their readiness and snapshots on this branch yet: the test
 * produces those (and the photo submission) straight into Kafka as CloudEvents under its own {@code ce_source}s
 * ({@link KafkaEvents}), exactly as those services will. The lead's full draft-to-approval IT replaces this once all
 * services are merged.
 *
 * <p>Known limit after merging main (website- and materials-service now publish their own readiness): their
 * "not ready" readiness for this order, which has no websites or materials there, races the test's "ready" and
 * subject-service refuses the submission (readiness.missing stays 1). Passed on the review-service branch before that
 * merge (04:50 UTC run); to run on the merged tree, create the website and materials through their services instead
 * of producing readiness and snapshots here.
 */
class ReviewIT {

    private static final String ORDERS = Stack.SUBJECT + "/api/v1/orders";
    private static final String CASES = Stack.REVIEW + "/api/v1/review-cases";

    @Test
    void anOrderGoesFromSubmissionThroughTheQueueAndTheAdministrationToItsNumber() {
        String applicant = Keycloak.newApplicant();
        String rita = Keycloak.token("rita", "rita-local");
        String ravi = Keycloak.token("ravi", "ravi-local");
        String arthur = Keycloak.token("arthur", "arthur-local");
        String ada = Keycloak.token("ada", "ada-local");
        String cert = Fixtures.residentId();
        String mobile = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String domain = "rv" + System.nanoTime() + ".cn";
        String subjectId = given().auth().oauth2(applicant).contentType(ContentType.JSON).body("""
                {"nature":"PERSON","province":"BEIJING","city":"北京市","district":"海淀区","name":"李审",
                 "certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "certificateAddress":"北京市海淀区中关村大街1号","communicationAddress":"北京市海淀区中关村大街1号101室",
                 "principal":{"name":"李审","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                   "mobile":"%s","email":"lishen@beian.local"}}""".formatted(cert, cert, mobile))
                .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201).extract().path("id");
        String order = given().auth().oauth2(applicant).contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post(ORDERS).then().statusCode(201).extract().path("id");

        try (KafkaEvents websites = new KafkaEvents("/beian/it/review/website-service");
                KafkaEvents materials = new KafkaEvents("/beian/it/review/materials-service")) {
            websites.send(EventType.ORDER_WEBSITES_READINESS_CHANGED, order,
                    "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
            materials.send(EventType.ORDER_MATERIALS_READINESS_CHANGED, order,
                    "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(applicant)
                    .get(ORDERS + "/" + order).then().body("readiness.missing.size()", equalTo(0)));
            given().auth().oauth2(applicant).header("If-Match", "*").post(ORDERS + "/" + order + "/submit").then()
                    .statusCode(200).body("state", equalTo("INITIAL_REVIEW"));

            // Until the websites and materials snapshots arrive the case is listed but cannot be claimed.
            String first = awaitCase(rita, order, "INITIAL", "ASSEMBLING");
            given().auth().oauth2(rita).post(CASES + "/" + first + "/claim").then().statusCode(409)
                    .body("code", equalTo("CASE_ASSEMBLING"));
            websites.send(EventType.WEBSITES_SNAPSHOT_FROZEN, order, websitesSnapshot(order, domain, cert, mobile));
            materials.send(EventType.MATERIALS_MANIFEST_FROZEN, order, """
                    {"orderId":"%s","version":1,"materials":[{"materialId":"m-%s","kind":"ID_FRONT",
                     "ownerRef":"subject.principal","version":1,"sha256":"00","contentType":"image/jpeg","sizeBytes":1,
                     "uploadedAt":"2026-11-23T08:00:00+08:00"}],"findings":[],"frozenAt":"2026-11-23T09:00:00+08:00"}"""
                    .formatted(order, order));
            awaitCase(rita, order, "INITIAL", "OPEN");

            // Roles: an applicant never reaches the queue.
            given().auth().oauth2(applicant).get(CASES).then().statusCode(403);

            int version = given().auth().oauth2(rita).post(CASES + "/" + first + "/claim").then().statusCode(200)
                    .extract().path("version");
            given().auth().oauth2(ravi).post(CASES + "/" + first + "/claim").then().statusCode(409);
            given().auth().oauth2(rita).get(CASES + "/" + first).then().statusCode(200)
                    .body("snapshot.subject.name", equalTo("李审"))
                    .body("snapshot.websites[0].domains[0]", equalTo(domain));
            given().auth().oauth2(rita).contentType(ContentType.JSON).body("""
                    {"version":%d,"decision":"REJECT","reasons":[{"fieldKey":"websites[7].name",
                     "code":"WEBSITE_NAME_NOT_COMPLIANT"}]}""".formatted(version))
                    .post(CASES + "/" + first + "/decision").then().statusCode(400)
                    .body("errors[0].field", equalTo("reasons[0].fieldKey"))
                    .body("errors[0].code", equalTo("FIELD_KEY_NOT_IN_SNAPSHOT"));
            given().auth().oauth2(rita).contentType(ContentType.JSON).body("""
                    {"version":%d,"decision":"REJECT","reasons":[{"fieldKey":"websites[0].name",
                     "code":"WEBSITE_NAME_NOT_COMPLIANT","suggestion":"个人网站名称不得含有“公司”"}]}""".formatted(version))
                    .post(CASES + "/" + first + "/decision").then().statusCode(200).body("status", equalTo("REJECTED"));
            awaitState(applicant, order, "INITIAL_REJECTED");
            given().auth().oauth2(applicant).get(Stack.REVIEW + "/api/v1/orders/" + order + "/rejections").then()
                    .statusCode(200).body("[0].reasons[0].fieldKey", equalTo("websites[0].name"))
                    .body("[0].reasons[0].code", equalTo("WEBSITE_NAME_NOT_COMPLIANT"));
            given().auth().oauth2(Keycloak.newApplicant())
                    .get(Stack.REVIEW + "/api/v1/orders/" + order + "/rejections").then().statusCode(404);

            // Resubmitted (same versions): a new initial review of submission 2, approved.
            String etag = given().auth().oauth2(applicant).get(ORDERS + "/" + order).then().extract().header("ETag");
            given().auth().oauth2(applicant).header("If-Match", etag).post(ORDERS + "/" + order + "/resubmit")
                    .then().statusCode(200).body("state", equalTo("INITIAL_REVIEW"));
            decide(rita, awaitCase(rita, order, "INITIAL", "OPEN"));
            awaitState(applicant, order, "AWAITING_PHOTO");

            materials.send(EventType.PHOTO_SUBMITTED, order,
                    "{\"orderId\":\"%s\",\"submittedBy\":\"it\",\"byVerificationPoint\":false}".formatted(order));
            awaitState(applicant, order, "PHOTO_REVIEW");
            decide(ravi, awaitCase(ravi, order, "PHOTO", "OPEN"));
        }

        // The gateway submits to the administration; the principal verifies the SMS code.
        awaitState(applicant, order, "AUTHORITY_REVIEW");
        String submission = order + ":2";
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(arthur)
                .get(Stack.REVIEW + "/api/v1/authority-submissions/" + submission).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("smsStatus", equalTo("REQUESTED")));
        String code = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> smsCode(mobile), c -> c != null);
        given().contentType(ContentType.JSON).body(Map.of("mobile", mobile, "code", code))
                .post(Stack.NATIONAL + "/api/v1/sms-verifications").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(arthur)
                .get(Stack.REVIEW + "/api/v1/authority-submissions/" + submission).then()
                .body("smsStatus", equalTo("VERIFIED")));

        // The administration approves: the numbers reach the subject.
        long t0 = System.nanoTime();
        given().auth().oauth2(ada).post(Stack.NATIONAL + "/api/v1/admin/submissions/" + submission + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        awaitState(applicant, order, "APPROVED");
        System.out.printf("administration approved -> order APPROVED in subject-service: %d ms%n",
                (System.nanoTime() - t0) / 1_000_000);
        String number = given().auth().oauth2(applicant).get(Stack.SUBJECT + "/api/v1/subjects/" + subjectId).then()
                .statusCode(200).extract().path("filingNumber");
        assertTrue(number != null && number.matches("京ICP备\\d{8}号"), number);
        List<String> types = KafkaEvents.typesFor(Topics.REVIEW_EVENTS, order);
        for (String t : List.of("review.case-opened.v1", "review.case-claimed.v1", "review.initial-rejected.v1",
                "review.initial-approved.v1", "review.photo-approved.v1", "authority.submitted.v1",
                "authority.sms-verification-requested.v1", "authority.sms-verified.v1", "authority.approved.v1")) {
            assertTrue(types.contains(t), t + " in " + types);
        }
        assertEquals(1, types.stream().filter("authority.approved.v1"::equals).count());
        given().auth().oauth2(rita).queryParam("orderId", order).queryParam("status", "APPROVED").get(CASES)
                .then().statusCode(200).body("items.kind", hasItem("PHOTO"));
    }

    private static String websitesSnapshot(String order, String domain, String cert, String mobile) {
        return """
                {"orderId":"%s","version":1,"websites":[{"websiteId":"w-%s","name":"李审的博客","domains":["%s"],
                 "homepageUrls":["http://www.%s"],"serviceContent":"其他","preApprovals":[],"languages":["zh-CN"],
                 "principal":{"name":"李审","certificateType":"RESIDENT_ID","certificateNumber":"%s","mobile":"%s",
                   "email":"lishen@beian.local"},"principalSameAsSubject":true,"serverIds":[],"authorizationCodes":[]}],
                 "findings":[],"frozenAt":"2026-11-23T09:00:00+08:00"}""".formatted(order, order, domain, domain, cert,
                mobile);
    }

    /** Waits for the order's case of this kind in this status and answers its id. */
    private static String awaitCase(String reviewer, String order, String kind, String status) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Map<String, Object>> items = given().auth().oauth2(reviewer).queryParam("orderId", order)
                    .queryParam("kind", kind).queryParam("status", status).get(CASES).then().statusCode(200)
                    .extract().path("items");
            return items.isEmpty() ? null : (String) items.get(0).get("id");
        }, id -> id != null);
    }

    private static void decide(String reviewer, String caseId) {
        int version = given().auth().oauth2(reviewer).post(CASES + "/" + caseId + "/claim").then().statusCode(200)
                .extract().path("version");
        given().auth().oauth2(reviewer).contentType(ContentType.JSON)
                .body("{\"version\":%d,\"decision\":\"APPROVE\"}".formatted(version))
                .post(CASES + "/" + caseId + "/decision").then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    private static void awaitState(String applicant, String order, String state) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(applicant)
                .get(ORDERS + "/" + order).then().statusCode(200).body("state", equalTo(state)));
    }

    private static String smsCode(String phone) {
        List<Map<String, Object>> messages = given().queryParam("phone", phone).get(Stack.SMS + "/api/v1/sms/messages")
                .then().statusCode(200).extract().path("$");
        for (int i = messages.size() - 1; i >= 0; i--) {
            Map<String, Object> m = messages.get(i);
            if ("MIIT_SMS_VERIFICATION".equals(m.get("templateCode")) && m.get("templateParam") instanceof Map<?, ?> p
                    && p.get("code") != null) {
                return p.get("code").toString();
            }
        }
        return null;
    }
}
