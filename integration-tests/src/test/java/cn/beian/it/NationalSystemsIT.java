package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The national systems stand-in on the real stack: a provider's submission goes through SMS verification
 * (codes read from the SMS gateway stand-in) to an approval with numbers; the filing password reaches the
 * principal by SMS and e-mail; a consumer long-polling the feed learns the outcome at once.
 */
class NationalSystemsIT {

    private static final String NATIONAL = Stack.NATIONAL;
    private static final String SMS = Stack.SMS;
    private static final String MAIL = Stack.MAIL;

    @Test
    void aFirstFilingIsVerifiedApprovedAndAnnouncedOnTheFeed() throws Exception {
        String service = Keycloak.clientToken("subject-service", "subject-service-local-secret");
        String admin = Keycloak.token("ada", "ada-local");
        String id = "IT-" + System.nanoTime();
        String cert = Fixtures.residentId();
        String mobile = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String email = id.toLowerCase() + "@example.cn";
        String domain = id.toLowerCase() + ".cn";
        String body = """
                {"submissionId":"%s","type":"FIRST_FILING","province":"BEIJING",
                 "subject":{"nature":"PERSON","name":"韩梅梅","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                   "principal":{"name":"韩梅梅","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                     "mobile":"%s","email":"%s"}},
                 "websites":[{"name":"韩梅梅的博客","domains":["%s"],"homepageUrls":["http://www.%s"],
                   "principal":{"name":"韩梅梅","certificateType":"RESIDENT_ID","certificateNumber":"%s","mobile":"%s"}}]}"""
                .formatted(id, cert, cert, mobile, email, domain, domain, cert, mobile);

        long cursor = ((Number) given().auth().oauth2(service).queryParam("after", 0).queryParam("limit", 1)
                .queryParam("wait", 0).get(NATIONAL + "/api/v1/feed").then().statusCode(200)
                .extract().path("cursor")).longValue();
        given().auth().oauth2(service).contentType(ContentType.JSON).body(body)
                .post(NATIONAL + "/api/v1/submissions").then().statusCode(201)
                .body("status", equalTo("SMS_VERIFICATION"));

        String code = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> smsParam(mobile, "MIIT_SMS_VERIFICATION", "code"), c -> c != null);
        given().contentType(ContentType.JSON).body(Map.of("mobile", mobile, "code", code))
                .post(NATIONAL + "/api/v1/sms-verifications").then().statusCode(200);

        // A consumer waits on the feed; the operator approves; the consumer hears it at once.
        long afterVerified = ((Number) given().auth().oauth2(service).queryParam("after", cursor)
                .queryParam("limit", 100).queryParam("wait", 0).get(NATIONAL + "/api/v1/feed")
                .then().extract().path("cursor")).longValue();
        CompletableFuture<List<Map<String, Object>>> waiting = CompletableFuture.supplyAsync(() -> given()
                .auth().oauth2(service).queryParam("after", afterVerified).queryParam("wait", 20)
                .get(NATIONAL + "/api/v1/feed").then().statusCode(200).extract().path("entries"));
        Thread.sleep(500);
        long t0 = System.nanoTime();
        given().auth().oauth2(admin).post(NATIONAL + "/api/v1/admin/submissions/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        List<Map<String, Object>> entries = waiting.get(20, TimeUnit.SECONDS);
        System.out.printf("approve call started -> long-polling consumer answered: %d ms%n",
                (System.nanoTime() - t0) / 1_000_000);
        Map<String, Object> approved = entries.stream().filter(e -> id.equals(e.get("submissionId")))
                .findFirst().orElseThrow();
        assertEquals("APPROVED", approved.get("type"));
        @SuppressWarnings("unchecked")
        String number = ((Map<String, Object>) approved.get("outcome")).get("subjectFilingNumber").toString();
        assertTrue(number.matches("京ICP备\\d{8}号"), number);

        // The password went to the principal by SMS and by e-mail, and it passes the password check.
        String password = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> smsParam(mobile, "MIIT_FILING_PASSWORD", "password"), p -> p != null);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<String> raw = given().get(MAIL + "/api/user/" + email + "/messages/INBOX")
                    .then().extract().path("mimeMessage");
            return raw != null && raw.stream().anyMatch(m -> m.contains(password));
        });
        given().auth().oauth2(service).contentType(ContentType.JSON)
                .body(Map.of("subjectFilingNumber", number, "password", password))
                .post(NATIONAL + "/api/v1/registry/password-checks").then().statusCode(200)
                .body("result", equalTo("MATCH"));
        given().auth().oauth2(service).get(NATIONAL + "/api/v1/registry/domains/" + domain).then().statusCode(200)
                .body("subject.subjectFilingNumber", equalTo(number));
    }

    @Test
    void aWrongPasswordIsRefusedAndCounted() {
        String service = Keycloak.clientToken("subject-service", "subject-service-local-secret");
        // A seeded subject (national-systems/README.md): 张伟, 京ICP备26571321号.
        int first = wrongPassword(service);
        int second = wrongPassword(service);
        assertEquals(first - 1, second, "each wrong password uses up one try");
    }

    private static int wrongPassword(String service) {
        return given().auth().oauth2(service).contentType(ContentType.JSON)
                .body(Map.of("subjectFilingNumber", "京ICP备26571321号", "password", "wrong-" + System.nanoTime()))
                .post(NATIONAL + "/api/v1/registry/password-checks").then().statusCode(200)
                .body("result", equalTo("MISMATCH"))
                .extract().path("remainingAttempts");
    }

    private static String smsParam(String phone, String template, String param) {
        List<Map<String, Object>> messages = given().queryParam("phone", phone).get(SMS + "/api/v1/sms/messages")
                .then().statusCode(200).extract().path("$");
        for (int i = messages.size() - 1; i >= 0; i--) {
            Map<String, Object> m = messages.get(i);
            if (template.equals(m.get("templateCode")) && m.get("templateParam") instanceof Map<?, ?> p
                    && p.get(param) != null) {
                return p.get(param).toString();
            }
        }
        return null;
    }
}
