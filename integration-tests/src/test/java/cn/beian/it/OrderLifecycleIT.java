package cn.beian.it;

import static io.restassured.RestAssured.given;
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
import java.util.function.Supplier;
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

    private static final Duration PATIENCE = Duration.ofSeconds(45);

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
        String order = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\"}").post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(201)
                .extract().path("id");

        // The domain registry knows the domain as the applicant's.
        Fixtures.registerDomain(admin, domain, name, cert);

        // website-service: one website.
        String websites = Stack.WEBSITE + "/api/v1/orders/" + order + "/websites";
        await(() -> given().auth().oauth2(applicant).get(websites).statusCode() == 200);
        Response created = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body(website(name + "的随笔", domain)).post(websites);
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
                .body(website(name + "的读书随笔", domain)).put(websites + "/" + websiteId).then().statusCode(200);
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
        decide(reviewer, secondCase, "\"decision\":\"APPROVE\"");
        awaitState(applicant, order, "AWAITING_PHOTO");

        // The curtain photo, then the photo review.
        uploadMissing(applicant, materials, true);
        given().auth().oauth2(applicant).post(materials + "/photo-submissions").then().statusCode(202);
        awaitState(applicant, order, "PHOTO_REVIEW");
        String photoCase = claimCase(reviewer, order, "PHOTO");
        decide(reviewer, photoCase, "\"decision\":\"APPROVE\"");
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

    /** Uploads an image for every missing material: the first stage's, or (photo) the curtain photos. */
    static void uploadMissing(String applicant, String materials, boolean photo) throws Exception {
        List<Map<String, Object>> missing = given().auth().oauth2(applicant).get(materials + "/required-materials")
                .then().statusCode(200).extract().path("missing");
        boolean any = false;
        for (Map<String, Object> m : missing) {
            boolean curtain = "CURTAIN_PHOTO".equals(m.get("kind"));
            if (curtain != photo) {
                continue;
            }
            any = true;
            given().auth().oauth2(applicant).contentType("image/jpeg").queryParam("kind", m.get("kind"))
                    .queryParam("ownerRef", m.get("ownerRef")).body(MaterialsIT.jpeg(900, 600))
                    .post(materials + "/materials").then().statusCode(201);
        }
        if (photo) {
            assertTrue(any, "the curtain photo is asked for once initial review passed");
        }
    }

    static String claimCase(String reviewer, String order, String kind) {
        String caseId = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
            List<Map<String, Object>> items = given().auth().oauth2(reviewer).queryParam("orderId", order)
                    .queryParam("kind", kind).get(Stack.REVIEW + "/api/v1/review-cases").then().statusCode(200)
                    .extract().path("items");
            return items.stream().filter(c -> Boolean.TRUE.equals(c.get("complete"))
                            && "OPEN".equals(c.get("status")))
                    .map(c -> (String) c.get("id")).findFirst().orElse(null);
        }, id -> id != null);
        given().auth().oauth2(reviewer).post(Stack.REVIEW + "/api/v1/review-cases/" + caseId + "/claim").then()
                .statusCode(200);
        return caseId;
    }

    static void decide(String reviewer, String caseId, String decision) {
        int version = given().auth().oauth2(reviewer).get(Stack.REVIEW + "/api/v1/review-cases/" + caseId).then()
                .statusCode(200).extract().path("reviewCase.version");
        given().auth().oauth2(reviewer).contentType(ContentType.JSON)
                .body("{\"version\":%d,%s}".formatted(version, decision))
                .post(Stack.REVIEW + "/api/v1/review-cases/" + caseId + "/decision").then().statusCode(200);
    }

    static void act(String applicant, String order, String action, String state) {
        Fixtures.orderAction(applicant, Stack.SUBJECT + "/api/v1/orders/" + order, action).then().statusCode(200)
                .body("state", equalTo(state));
    }

    static void awaitReady(String applicant, String order) {
        await(() -> given().auth().oauth2(applicant).get(Stack.SUBJECT + "/api/v1/orders/" + order)
                .path("readiness.missing").toString().equals("[]"));
    }

    static void awaitState(String applicant, String order, String state) {
        await(() -> state.equals(given().auth().oauth2(applicant).get(Stack.SUBJECT + "/api/v1/orders/" + order)
                .path("state")));
    }

    private static void await(Supplier<Boolean> condition) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(condition::get);
    }

    static String smsCode(String mobile) {
        List<Map<String, Object>> messages = given().queryParam("phone", mobile)
                .get(Stack.SMS + "/api/v1/sms/messages").then().statusCode(200).extract().path("$");
        for (int i = messages.size() - 1; i >= 0; i--) {
            Map<String, Object> m = messages.get(i);
            if ("MIIT_SMS_VERIFICATION".equals(m.get("templateCode")) && m.get("templateParam") instanceof Map<?, ?> p
                    && p.get("code") != null) {
                return p.get("code").toString();
            }
        }
        return null;
    }

    static String website(String name, String domain) {
        return """
                {"name":"%s","domains":["%s"],"homepageUrls":["http://www.%s"],"serviceContent":"OTHER",
                 "languages":["zh-CN"],"remarks":"个人网站，记录读书笔记与随笔，不含任何商业内容","principalSameAsSubject":true,
                 "serverIds":["it-server"]}""".formatted(name, domain, domain);
    }
}
