package cn.beian.it;

import static cn.beian.it.Journeys.access;
import static cn.beian.it.Journeys.await;
import static cn.beian.it.Journeys.awaitAccess;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A new website for a subject filed here (新增网站) on the real stack: the server decides the type (a first filing
 * asked for is refused, saying why), the subject's existing website stays served throughout while the new one stays
 * closed until its number, which is the subject's next {@code -N}; the applicant is told when the curtain photo is
 * submitted and when the SMS is verified.
 */
class NewWebsiteIT {

    @Test
    void aNewWebsiteGetsTheNextNumberAndTheExistingSiteStaysServed() throws Exception {
        String first = Journeys.domain("newsite-a");
        String added = Journeys.domain("newsite-b");
        Journeys.Filed filed = Journeys.firstFiling("新增", List.of(first));
        Journeys.Applicant a = filed.applicant();
        awaitAccess("www." + first, true);

        // The type is the server's to decide: the subject is filed here, so this is a new website.
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(409)
                .body("code", equalTo("FILING_TYPE_MISMATCH")).body("decidedType", equalTo("NEW_WEBSITE"))
                .body("detail", org.hamcrest.Matchers.containsString(filed.subjectNumber()));
        String order = given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body("{\"domains\":[\"%s\"]}".formatted(added)).post(Stack.SUBJECT + "/api/v1/orders").then()
                .statusCode(201).body("type", equalTo("NEW_WEBSITE")).extract().path("id");

        Journeys.Filed more = Journeys.fileWebsites(a, order, List.of(added), () -> {
            // With the administration: the existing site is served, the new one waits for its number.
            assertEquals(true, access("www." + first).get("allowed"));
            Map<String, Object> pending = access("www." + added);
            assertEquals(false, pending.get("allowed"));
            assertEquals("AWAITING_FILING_NUMBER", pending.get("reason"));
        });

        // The applicant: the next number under the same subject, both sites served.
        assertEquals(filed.subjectNumber(), more.subjectNumber());
        assertEquals(filed.subjectNumber() + "-2", more.websiteNumbers().get(0));
        awaitAccess("www." + added, true);
        assertEquals(more.websiteNumbers().get(0), access(added).get("websiteFilingNumber"));
        assertEquals(filed.websiteNumbers().get(0), access(first).get("websiteFilingNumber"));
        given().auth().oauth2(a.token()).get(Stack.SUBJECT + "/api/v1/subjects/" + a.subjectId()).then()
                .body("filingNumber", equalTo(filed.subjectNumber()));
        // ... told at each filing's photo submission and SMS verification by e-mail, and by SMS (the first filing's:
        // notification-service sends a number at most 10 SMS an hour, which these two filings exceed).
        await(() -> Journeys.mailSubjects(a.email()).stream().filter(s -> s.contains("幕布照片已提交")).count() == 2
                && Journeys.mailSubjects(a.email()).stream().filter(s -> s.contains("短信核验已完成")).count() == 2);
        assertTrue(Journeys.smsTemplates(a.mobile()).containsAll(List.of("SMS_BEIAN_1041", "SMS_BEIAN_1042")));

        // The administration: two websites under the subject, both normal, the new one with its domain.
        Map<String, Object> site = Journeys.registryWebsite(more.websiteNumbers().get(0));
        assertEquals("NORMAL", ((Map<?, ?>) site.get("website")).get("status"));
        assertTrue(((List<?>) ((Map<?, ?>) site.get("website")).get("domains")).contains(added));
        assertEquals(filed.subjectNumber(), ((Map<?, ?>) site.get("subject")).get("subjectFilingNumber"));
        assertEquals("NORMAL", ((Map<?, ?>) Journeys.registryWebsite(filed.websiteNumbers().get(0)).get("website"))
                .get("status"));
    }
}
