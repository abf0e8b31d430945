package cn.beian.it;

import static cn.beian.it.Journeys.act;
import static cn.beian.it.Journeys.approve;
import static cn.beian.it.Journeys.await;
import static cn.beian.it.Journeys.awaitReady;
import static cn.beian.it.Journeys.awaitState;
import static cn.beian.it.Journeys.claimCase;
import static cn.beian.it.Journeys.decide;
import static cn.beian.it.Journeys.smsCode;
import static cn.beian.it.Journeys.uploadMissing;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * One first filing through its whole life on the real stack, every service doing its own part with real tokens:
 * subject and order (subject-service), website and domain checks (website-service), uploads (materials-service),
 * initial review rejected with a reason, fixed and resubmitted, approved; curtain photo, photo review, submission to
 * the administration (review-service's gateway → the national stand-in), the principal's SMS code read from the SMS
 * stand-in and verified, the administration's approval — and its numbers recorded on the subject and the website,
 * the site then allowed by the access policy, the applicant told by e-mail.
 */
class OrderLifecycleIT {

    private static final Duration PATIENCE = Journeys.PATIENCE;

    @Test
    void aFirstFilingFromDraftToItsNumbers() throws Exception {
        String applicant = Keycloak.newApplicant();
        String reviewer = Keycloak.token("rita", "rita-local");
        String admin = Keycloak.token("ada", "ada-local");
        String gateway = Keycloak.clientToken("edge-gateway", "edge-gateway-local-secret");
        String name = "全程" + (char) (0x4e00 + ThreadLocalRandom.current().nextInt(0x100, 0x1000));
        String cert = Fixtures.residentId();
        String mobile = Fixtures.mobile();
        String email = "journey-" + UUID.randomUUID() + "@beian.local";
        String domain = "journey-" + UUID.randomUUID().toString().substring(0, 8) + ".cn";

        // subject-service: the subject and a first filing.
        given().auth().oauth2(applicant).contentType(ContentType.JSON).body("""
                {"nature":"PERSON","province":"BEIJING","city":"北京市","district":"海淀区","name":"%s",
                 "certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "certificateAddress":"北京市海淀区中关村大街1号","communicationAddress":"北京市海淀区中关村大街1号101室",
                 "principal":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                   "mobile":"%s","email":"%s"}}""".formatted(name, cert, name, cert, mobile, email))
                .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201);
        Journeys.confirmMobile(applicant, mobile);
        String order = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\"}").post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(201)
                .extract().path("id");

        // The domain registry knows the domain as the applicant's.
        Fixtures.registerDomain(admin, domain, name, cert);

        // website-service: one website.
        String websites = Stack.WEBSITE + "/api/v1/orders/" + order + "/websites";
        await(() -> given().auth().oauth2(applicant).get(websites).statusCode() == 200);
        Response created = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body(website(applicant, name + "的随笔", domain)).post(websites);
        created.then().statusCode(201);
        String websiteId = created.path("id");

        // materials-service: every missing material of the first stage.
        String materials = Stack.MATERIALS + "/api/v1/orders/" + order;
        await(() -> given().auth().oauth2(applicant).get(materials + "/required-materials").statusCode() == 200);
        uploadMissing(applicant, materials, false);
        awaitReady(applicant, order);
        act(applicant, order, "submit", "INITIAL_REVIEW");

        // review-service: the initial review rejects with a reason the applicant reads next to the field.
        String firstCase = claimCase(reviewer, order, "INITIAL");
        decide(reviewer, firstCase, """
                "decision":"REJECT","reasons":[{"fieldKey":"websites[0].name","code":"WEBSITE_NAME_NOT_COMPLIANT",
                 "suggestion":"网站名称请体现网站内容"}]""");
        awaitState(applicant, order, "INITIAL_REJECTED");
        given().auth().oauth2(applicant).get(Stack.REVIEW + "/api/v1/orders/" + order + "/rejections").then()
                .statusCode(200).body("items.reasons.flatten().fieldKey", hasItem("websites[0].name"));

        // The applicant fixes the website and resubmits; the second look approves.
        String etag = given().auth().oauth2(applicant).get(websites + "/" + websiteId).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(applicant).contentType(ContentType.JSON).header("If-Match", etag)
                .body(website(applicant, name + "的读书随笔", domain)).put(websites + "/" + websiteId).then().statusCode(200);
        int fixedVersion = given().auth().oauth2(applicant).get(websites).then().extract().path("version");
        await(() -> {
            Integer v = given().auth().oauth2(applicant).get(Stack.SUBJECT + "/api/v1/orders/" + order)
                    .path("readiness.websitesVersion");
            return v != null && v == fixedVersion;
        });
        act(applicant, order, "resubmit", "INITIAL_REVIEW");
        String secondCase = claimCase(reviewer, order, "INITIAL");
        // The case links each material to materials-service, which lets the reviewer read it and records the read.
        String link = given().auth().oauth2(reviewer).get(Stack.REVIEW + "/api/v1/review-cases/" + secondCase).then()
                .statusCode(200).extract().path("materialLinks[0].downloadUrl");
        given().auth().oauth2(reviewer).get(link).then().statusCode(200).body("url", notNullValue());
        given().auth().oauth2(applicant).get(materials + "/material-reads").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.greaterThan(0));
        approve(reviewer, secondCase);
        awaitState(applicant, order, "AWAITING_PHOTO");

        // The curtain photo, then the photo review.
        uploadMissing(applicant, materials, true);
        given().auth().oauth2(applicant).post(materials + "/photo-submissions").then().statusCode(202);
        awaitState(applicant, order, "PHOTO_REVIEW");
        String photoCase = claimCase(reviewer, order, "PHOTO");
        // Its checklist is the curtain photo's items; an approval that leaves them unanswered is refused.
        String photoPath = Stack.REVIEW + "/api/v1/review-cases/" + photoCase;
        int photoVersion = given().auth().oauth2(reviewer).get(photoPath).then().statusCode(200)
                .body("checklist.itemId", contains("X-05", "BJ-B-09")).extract().path("reviewCase.version");
        given().auth().oauth2(reviewer).contentType(ContentType.JSON)
                .body("{\"version\":" + photoVersion + ",\"decision\":\"APPROVE\"}").post(photoPath + "/decision")
                .then().statusCode(409).body("code", equalTo("CHECKLIST_INCOMPLETE"))
                .body("unansweredItems", contains("X-05", "BJ-B-09"));
        approve(reviewer, photoCase);
        awaitState(applicant, order, "AUTHORITY_REVIEW");

        // The gateway submitted the snapshot; the administration texts the principal a code, who verifies it.
        String code = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> smsCode(mobile), c -> c != null);
        given().contentType(ContentType.JSON).body(Map.of("mobile", mobile, "code", code))
                .post(Stack.NATIONAL + "/api/v1/sms-verifications").then().statusCode(200);
        String submission = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
            List<Map<String, Object>> subs = given().auth().oauth2(admin).queryParam("orderId", order)
                    .get(Stack.REVIEW + "/api/v1/authority-submissions").then().statusCode(200).extract().path("items");
            return subs.stream().filter(s -> "VERIFIED".equals(s.get("smsStatus")))
                    .map(s -> (String) s.get("submissionId")).findFirst().orElse(null);
        }, s -> s != null);

        // The administration approves: the numbers reach the subject, the website and the access policy.
        given().auth().oauth2(admin).post(Stack.NATIONAL + "/api/v1/admin/submissions/" + submission + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        awaitState(applicant, order, "APPROVED");
        String subjectNumber = given().auth().oauth2(applicant).get(Stack.SUBJECT + "/api/v1/orders/" + order)
                .path("subjectId");
        String filingNumber = given().auth().oauth2(applicant).get(Stack.SUBJECT + "/api/v1/subjects/" + subjectNumber)
                .then().statusCode(200).body("filingNumber", notNullValue()).extract().path("filingNumber");
        await(() -> Boolean.TRUE.equals(given().auth().oauth2(gateway).queryParam("host", "www." + domain)
                .get(Stack.WEBSITE + "/api/v1/access-policy").path("allowed")));
        given().auth().oauth2(gateway).queryParam("host", domain).get(Stack.WEBSITE + "/api/v1/access-policy")
                .then().body("websiteFilingNumber", equalTo(filingNumber + "-1"));
        // notification-service told the principal by e-mail.
        await(() -> !given().get(Stack.MAIL + "/api/user/" + email + "/messages/INBOX").then().extract().jsonPath()
                .getList("subject", String.class).isEmpty());

        // Every service took part, and none logged the principal's certificate number or mobile in full.
        assertTrue(ServiceLogs.count() >= 6, "the services' logs are read from " + ServiceLogs.directory());
        assertEquals(List.of(), ServiceLogs.linesContaining(cert, mobile), "personal data in the services' logs");
        // Nor is either in any span the services exported (names, routes, attributes) to the stack's trace sink.
        for (String personal : List.of(cert, mobile)) {
            given().queryParam("contains", personal).get(Stack.TRACES + "/api/v1/spans").then().statusCode(200)
                    .body("size()", equalTo(0));
        }
    }

    private static String website(String token, String name, String domain) {
        return """
                {"name":"%s","domains":["%s"],"homepageUrls":["http://www.%s"],"serviceContent":"OTHER",
                 "languages":["zh-CN"],"remarks":"个人网站，记录读书笔记与随笔，不含任何商业内容","principalSameAsSubject":true,
                 "serverIds":["%s"]}""".formatted(name, domain, domain, Fixtures.server(token));
    }
}
