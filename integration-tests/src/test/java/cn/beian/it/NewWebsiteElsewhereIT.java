package cn.beian.it;

import static cn.beian.it.Journeys.access;
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
 * A new website whose subject was filed at another provider (新增网站, 主体在其他接入商) on the real stack: the server
 * decides the type from the registry, the order carries the subject's existing number, and the rest runs as a first
 * filing (domains verified, curtain photo, site closed until its number). The administration files the website as
 * the subject's next {@code -N}, served by this provider, while the subject's website at the other provider stays
 * there.
 */
class NewWebsiteElsewhereIT {

    @Test
    void aNewWebsiteOfASubjectFiledElsewhereGetsTheNextNumberUnderIt() throws Exception {
        String old = Journeys.domain("elsewhere-old");
        String added = Journeys.domain("elsewhere-new");
        Journeys.Applicant a = Journeys.applicant("他处");
        AccessFilingIT.Elsewhere e = AccessFilingIT.filedElsewhere(a, old);

        // The type is the server's: asking for a first filing is refused, naming the type that applies.
        given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\",\"domains\":[\"%s\"]}".formatted(added))
                .post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(409)
                .body("code", equalTo("FILING_TYPE_MISMATCH"))
                .body("decidedType", equalTo("NEW_WEBSITE_SUBJECT_ELSEWHERE"));
        String order = given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body("{\"domains\":[\"%s\"]}".formatted(added)).post(Stack.SUBJECT + "/api/v1/orders").then()
                .statusCode(201).body("type", equalTo("NEW_WEBSITE_SUBJECT_ELSEWHERE")).extract().path("id");

        Journeys.Filed filed = Journeys.fileWebsites(a, order, List.of(added), () -> {
            // With the administration: the new site waits for its number.
            Map<String, Object> pending = access("www." + added);
            assertEquals(false, pending.get("allowed"));
            assertEquals("AWAITING_FILING_NUMBER", pending.get("reason"));
        });

        // The applicant: the subject's existing number, the next website number under it, the site served.
        assertEquals(e.subjectNumber(), filed.subjectNumber());
        assertEquals(e.subjectNumber() + "-2", filed.websiteNumbers().get(0));
        awaitAccess("www." + added, true);
        assertEquals(filed.websiteNumbers().get(0), access(added).get("websiteFilingNumber"));
        // The website at the other provider is not served here.
        assertEquals(false, access("www." + old).get("allowed"));
        Journeys.await(() -> Journeys.mailSubjects(a.email()).stream().anyMatch(s -> s.contains("幕布照片已提交"))
                && Journeys.mailSubjects(a.email()).stream().anyMatch(s -> s.contains("短信核验已完成")));

        // The administration: the new website under the same subject, served here; the old one still elsewhere; no
        // new subject number and the subject's provider unchanged.
        Map<String, Object> site = Journeys.registryWebsite(filed.websiteNumbers().get(0));
        assertEquals(true, ((Map<?, ?>) site.get("website")).get("heldHere"));
        assertTrue(((List<?>) ((Map<?, ?>) site.get("website")).get("domains")).contains(added));
        assertEquals(e.subjectNumber(), ((Map<?, ?>) site.get("subject")).get("subjectFilingNumber"));
        Map<String, Object> oldSite = Journeys.registryWebsite(e.websiteNumber());
        assertEquals(AccessFilingIT.ELSEWHERE, ((Map<?, ?>) oldSite.get("website")).get("provider"));
        assertEquals(e.subjectNumber(), Journeys.registrySubject(a.cert()).get("subjectFilingNumber"));
    }
}
