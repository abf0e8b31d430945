package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.testing.TestClock;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Probes of a filed website on the running stack: a first filing taken to its number, its domain served by the
 * stand-in internet with a page the test switches between good, missing footer, empty shell and timeout. Each
 * switch is probed on staff's demand; the findings appear on the filed website and in the staff list, and the
 * applicant hears of each new one once by SMS (the SMS stand-in) and e-mail (the mail sink).
 */
class WebsiteProbesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(45);

    @Test
    void findingsFollowThePageAndTheApplicantIsToldOncePerFinding() throws Exception {
        Journeys.Filed filing = Journeys.firstFiling("探测", List.of(Journeys.domain("probe")));
        String applicant = filing.applicant().token();
        String reviewer = Journeys.reviewer();
        String admin = Journeys.admin();
        String mobile = filing.applicant().mobile();
        String email = filing.applicant().email();
        String domain = filing.domains().get(0);

        Map<String, Object> filed = given().auth().oauth2(applicant).get(Stack.WEBSITE + "/api/v1/filed-websites")
                .then().statusCode(200).body("items", hasSize(1)).extract().path("items[0]");
        String filedId = (String) filed.get("id");
        String number = (String) filed.get("websiteFilingNumber");

        try {
            // the next day's daytime for notification-service: no quiet hours, and the journey's SMS out of the
            // hour's rate limit
            Journeys.moveClock(Stack.NOTIFICATION, admin, Journeys.daytime(TestClock.now().toZonedDateTime().plusDays(1)));

            page(domain, "GOOD", number);
            probe(admin, filedId).body("findings", hasSize(0)).body("domains[0].showsNumber", equalTo(true))
                    .body("domains[0].linksToMiit", equalTo(true))
                    .body("domains[0].url", equalTo("https://" + domain + "/")); // HTTPS first, as a browser

            page(domain, "NO_FOOTER", number);
            probe(admin, filedId).body("findings.kind", equalTo(List.of("NUMBER_MISSING")));
            int missingSms = awaitProbeSms(mobile, 1);
            Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> mails(email).stream()
                    .anyMatch(s -> s.contains(number)));
            // seen again: nothing new to tell
            probe(admin, filedId).body("findings.kind", equalTo(List.of("NUMBER_MISSING")));
            given().auth().oauth2(applicant).get(Stack.WEBSITE + "/api/v1/filed-websites").then().statusCode(200)
                    .body("items[0].findings.kind", equalTo(List.of("NUMBER_MISSING")));

            page(domain, "PARKING", number);
            probe(admin, filedId).body("findings.kind", equalTo(List.of("EMPTY_SHELL")));
            int shellSms = awaitProbeSms(mobile, missingSms + 1);
            given().auth().oauth2(reviewer).queryParam("kind", "EMPTY_SHELL").queryParam("limit", 100)
                    .get(Stack.WEBSITE + "/api/v1/filed-websites/at-risk").then().statusCode(200)
                    .body("items.filedWebsiteId", hasItem(filedId));

            page(domain, "TIMEOUT", number);
            probe(admin, filedId).body("findings.kind", equalTo(List.of("UNREACHABLE")))
                    .body("domains[0].reachable", equalTo(false));
            int unreachableSms = awaitProbeSms(mobile, shellSms + 1);

            page(domain, "GOOD", number);
            probe(admin, filedId).body("findings", hasSize(0));
            given().auth().oauth2(reviewer).queryParam("limit", 100)
                    .get(Stack.WEBSITE + "/api/v1/filed-websites/at-risk").then().statusCode(200)
                    .body("items.filedWebsiteId", not(hasItem(filedId)));
            given().auth().oauth2(applicant).get(Stack.WEBSITE + "/api/v1/filed-websites/" + filedId + "/findings")
                    .then().statusCode(200).body("kind", equalTo(List.of("UNREACHABLE", "EMPTY_SHELL",
                            "NUMBER_MISSING"))).body("findAll { it.resolvedAt == null }", hasSize(0));

            // once per finding: three findings, three SMS, however often each was seen
            Thread.sleep(2000);
            assertEquals(unreachableSms, probeSms(mobile).size(), "no message for a finding seen again");
            assertEquals(3, unreachableSms);
            List<String> texts = probeSms(mobile);
            assertTrue(texts.get(0).contains("首页未显示备案号") && texts.get(1).contains("无实际内容")
                    && texts.get(2).contains("无法访问"), texts.toString());
        } finally {
            Journeys.resetClock(Stack.NOTIFICATION, admin);
        }
    }

    @Test
    void aWebsiteWhoseServerExpiresHasItsAccessLapseAndTheApplicantIsTold() throws Exception {
        Journeys.Applicant a = Journeys.applicant("过期");
        String admin = Journeys.admin();
        // a server that expires in ten days, the only one the website is hosted on
        String server = Fixtures.newServer(Keycloak.accountOf(a.token()), TestClock.now().plusDays(10));
        String order = Journeys.open(a, "{\"type\":\"FIRST_FILING\"}");
        String domain = Journeys.domain("lapse");
        Fixtures.registerDomain(admin, domain, a.name(), a.cert());
        String websites = Stack.WEBSITE + "/api/v1/orders/" + order + "/websites";
        Journeys.await(() -> given().auth().oauth2(a.token()).get(websites).statusCode() == 200);
        String id = given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body(Fixtures.website(a.token(), a.name() + "的随笔", domain).replace(Fixtures.server(a.token()),
                        server)).post(websites).then().statusCode(201).extract().path("id");
        Journeys.approveThrough(a, order, List.of(id), List.of(domain), () -> { });
        Map<String, Object> filed = given().auth().oauth2(a.token()).get(Stack.WEBSITE + "/api/v1/filed-websites")
                .then().statusCode(200).body("items", hasSize(1)).extract().path("items[0]");
        String filedId = (String) filed.get("id");
        page(domain, "GOOD", (String) filed.get("websiteFilingNumber"));
        try {
            probe(admin, filedId).body("findings", hasSize(0));
            // eleven days on, in daytime: the server has expired, the site's access has lapsed
            ZonedDateTime later = Journeys.daytime(TestClock.now().toZonedDateTime().plusDays(11));
            Journeys.moveClock(Stack.WEBSITE, admin, later);
            Journeys.moveClock(Stack.NOTIFICATION, admin, later);
            probe(admin, filedId).body("findings.kind", equalTo(List.of("SERVER_EXPIRED")));
            Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                    .until(() -> probeSms(a.mobile()).stream().anyMatch(t -> t.contains("服务器已到期")));
            given().auth().oauth2(Journeys.reviewer()).queryParam("kind", "SERVER_EXPIRED").queryParam("limit", 100)
                    .get(Stack.WEBSITE + "/api/v1/filed-websites/at-risk").then().statusCode(200)
                    .body("items.filedWebsiteId", hasItem(filedId));
        } finally {
            Journeys.resetClock(Stack.WEBSITE, admin);
            Journeys.resetClock(Stack.NOTIFICATION, admin);
        }
    }

    /** Sets what the stand-in internet serves for {@code host}. */
    static void page(String host, String page, String number) {
        given().contentType(ContentType.JSON).body(Map.of("page", page, "filingNumber", number))
                .put(Stack.WEB + "/_standin/sites/" + host).then().statusCode(200);
    }

    private static ValidatableResponse probe(String admin, String filedId) {
        return given().auth().oauth2(admin).post(Stack.WEBSITE + "/api/v1/filed-websites/" + filedId + "/probes")
                .then().statusCode(200);
    }

    /** The texts of the probe-finding SMS the number received, oldest first. */
    private static List<String> probeSms(String mobile) {
        List<Map<String, Object>> messages = given().queryParam("phone", mobile)
                .get(Stack.SMS + "/api/v1/sms/messages").then().statusCode(200).extract().path("$");
        return messages.stream().filter(m -> ProbeNotices.SMS_TEMPLATE.equals(m.get("templateCode")))
                .map(m -> String.valueOf(m.get("text"))).toList();
    }

    private static int awaitProbeSms(String mobile, int atLeast) {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> probeSms(mobile).size(), n -> n >= atLeast);
    }

    private static List<String> mails(String email) {
        return given().get(Stack.MAIL + "/api/user/" + email + "/messages/INBOX").then().extract().jsonPath()
                .getList("subject", String.class);
    }
}
