package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.events.EventType;
import cn.beian.contract.events.Topics;
import cn.beian.testing.TestClock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * website-service on the real stack with real tokens: an applicant's order (created through subject-service) gets a
 * website whose domain the registries know as the applicant's; readiness reaches subject-service; submission freezes
 * the named version; the access policy answers through the order's life (closed until the number, open after it,
 * subdomains covered), and the public query shows the filing with the person's name masked.
 */
class WebsitesIT {

    private static final Pattern CERT = Pattern.compile("\"certificateNumber\":\"([0-9X]{18})\"");

    @Test
    void anOrdersWebsiteFromDraftToServedWithRealTokens() {
        String applicant = Keycloak.newApplicant();
        String gateway = Keycloak.clientToken("edge-gateway", "edge-gateway-local-secret");
        String admin = Keycloak.token("ada", "ada-local");
        String name = "测试" + (char) (0x4e59 + (int) (Math.random() * 10));
        String subjectBody = Fixtures.personSubject(name, "site-" + UUID.randomUUID() + "@beian.local");
        Matcher m = CERT.matcher(subjectBody);
        assertTrue(m.find());
        String cert = m.group(1);
        given().auth().oauth2(applicant).contentType(ContentType.JSON).body(subjectBody)
                .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201);
        Mobiles.confirmIn(applicant, subjectBody);
        String order = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\"}").post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(201)
                .extract().path("id");

        // The registries know the domain as the applicant's (real-name verified long ago).
        String domain = "it-" + UUID.randomUUID().toString().substring(0, 8) + ".cn";
        Fixtures.registerDomain(admin, domain, name, cert);

        // website-service learns the order from subject-service's events.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().auth().oauth2(applicant).get(Stack.WEBSITE + "/api/v1/orders/" + order + "/websites")
                        .statusCode() == 200);
        // Another account's order is not found; a bad domain is named.
        given().auth().oauth2(Keycloak.newApplicant()).get(Stack.WEBSITE + "/api/v1/orders/" + order + "/websites")
                .then().statusCode(404);
        given().auth().oauth2(applicant).contentType(ContentType.JSON).body(Fixtures.website(applicant, name, "http://" + domain + ":8080"))
                .post(Stack.WEBSITE + "/api/v1/orders/" + order + "/websites").then().statusCode(400)
                .body("errors[0].field", equalTo("domains[0]"));

        // A website with a name that does not fit a person is not ready; the fitting one is.
        String websiteId = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body(Fixtures.website(applicant, "星河科技有限公司", domain)).post(Stack.WEBSITE + "/api/v1/orders/" + order + "/websites")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(applicant).get(Stack.WEBSITE + "/api/v1/orders/" + order + "/websites").then()
                .statusCode(200).body("ready", equalTo(false)).body("findings.ruleId", hasItem("NAME_UNIT_LIKE_FOR_PERSON"));
        given().auth().oauth2(applicant).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Fixtures.website(applicant, name + "的读书笔记", domain))
                .put(Stack.WEBSITE + "/api/v1/orders/" + order + "/websites/" + websiteId).then().statusCode(200);
        Response view = given().auth().oauth2(applicant).get(Stack.WEBSITE + "/api/v1/orders/" + order + "/websites");
        view.then().statusCode(200).body("ready", equalTo(true));
        int version = view.path("version");

        // subject-service hears the readiness with its version.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response o = given().auth().oauth2(applicant).get(Stack.SUBJECT + "/api/v1/orders/" + order);
            Integer v = o.path("readiness.websitesVersion");
            return v != null && v == version;
        });

        // The access policy: closed until the number (every replica reads the events itself).
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                "AWAITING_FILING_NUMBER".equals(given().auth().oauth2(gateway).queryParam("host", "www." + domain)
                        .get(Stack.WEBSITE + "/api/v1/access-policy").path("reason")));
        given().auth().oauth2(applicant).queryParam("host", domain).get(Stack.WEBSITE + "/api/v1/access-policy")
                .then().statusCode(403);

        // Materials are another owner's part: report them ready, then submit through subject-service.
        try (KafkaEvents events = new KafkaEvents("/beian/it-websites");
                KafkaEvents authority = new KafkaEvents("/beian/it-authority")) {
            events.send(EventType.ORDER_MATERIALS_READINESS_CHANGED, order,
                    "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    given().auth().oauth2(applicant).get(Stack.SUBJECT + "/api/v1/orders/" + order)
                            .path("readiness.missing").toString().equals("[]"));
            Fixtures.orderAction(applicant, Stack.SUBJECT + "/api/v1/orders/" + order, "submit").then()
                    .statusCode(200)
                    .body("state", equalTo("INITIAL_REVIEW"));

            // website-service froze the named version; the order's websites are locked.
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                    KafkaEvents.typesFor(Topics.WEBSITE_EVENTS, order).contains("website.snapshot-frozen.v1"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    given().auth().oauth2(applicant).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                            .body(Fixtures.website(applicant, name + "的读书笔记二", domain))
                            .put(Stack.WEBSITE + "/api/v1/orders/" + order + "/websites/" + websiteId)
                            .statusCode() == 409);
            given().auth().oauth2(gateway).queryParam("host", domain).get(Stack.WEBSITE + "/api/v1/access-policy")
                    .then().statusCode(200).body("allowed", equalTo(false));

            // The administration's numbers (review-service's topic, its own producer and sequence): the site opens,
            // subdomains included.
            String number = "京ICP备" + (20000000 + (int) (Math.random() * 7999999)) + "号";
            authority.send(EventType.AUTHORITY_APPROVED, order, """
                    {"orderId":"%s","submissionId":"it","subjectFilingNumber":"%s","approvedAt":"%s",
                     "websites":[{"websiteId":"%s","name":"%s的读书笔记","domains":["%s"],"websiteFilingNumber":"%s-1"}]}"""
                    .formatted(order, number, TestClock.now(), websiteId, name, domain, number));
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                    Boolean.TRUE.equals(given().auth().oauth2(gateway).queryParam("host", "blog." + domain)
                            .get(Stack.WEBSITE + "/api/v1/access-policy").path("allowed")));
            given().auth().oauth2(gateway).queryParam("host", "WWW." + domain.toUpperCase() + ":443")
                    .get(Stack.WEBSITE + "/api/v1/access-policy").then().statusCode(200)
                    .body("allowed", equalTo(true)).body("websiteFilingNumber", equalTo(number + "-1"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                    given().queryParam("domain", domain).get(Stack.WEBSITE + "/api/v1/public/filings")
                            .path("items.size()").equals(1));
            given().queryParam("domain", "www." + domain).get(Stack.WEBSITE + "/api/v1/public/filings").then()
                    .statusCode(200).body("items[0].websiteFilingNumber", equalTo(number + "-1"))
                    .body("items[0].subjectName", equalTo(name.charAt(0) + "*".repeat(name.length() - 1)))
                    .body("items[0].nature", equalTo("PERSON"));
        }
    }
}
