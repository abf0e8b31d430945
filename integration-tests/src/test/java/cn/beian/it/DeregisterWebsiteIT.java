package cn.beian.it;

import static cn.beian.it.Journeys.access;
import static cn.beian.it.Journeys.await;
import static cn.beian.it.Journeys.awaitAccess;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deregistering one website (注销网站) on the real stack: the applicant picks it by its filing number; only it is in
 * the order; once the administration approves, its number is revoked there and it is no longer served here, while the
 * subject and its other website keep their numbers and stay served.
 */
class DeregisterWebsiteIT {

    @Test
    void deregisteringOneWebsiteRevokesItsNumberAndLeavesTheOthers() throws Exception {
        String gone = Journeys.domain("dereg-a");
        String kept = Journeys.domain("dereg-b");
        Journeys.Filed filed = Journeys.firstFiling("注销", List.of(kept, gone));
        Journeys.Applicant a = filed.applicant();
        String number = filed.websiteNumbers().get(1);
        awaitAccess("www." + gone, true);

        // Another account cannot name it.
        Journeys.Applicant stranger = Journeys.applicant("旁人");
        given().auth().oauth2(stranger.token()).contentType(ContentType.JSON)
                .body("{\"type\":\"DEREGISTER_WEBSITE\",\"websites\":[\"%s\"]}".formatted(number))
                .post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(409)
                .body("code", equalTo("FILING_TYPE_NEEDS_APPROVED_SUBJECT"));

        String order = Journeys.open(a, "{\"type\":\"DEREGISTER_WEBSITE\",\"websites\":[\"%s\"]}".formatted(number));
        // The same website cannot go into a second order while this one is open.
        given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body("{\"type\":\"CANCEL_ACCESS\",\"websites\":[\"%s\"]}".formatted(number))
                .post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(409)
                .body("code", equalTo("WEBSITE_IN_OPEN_ORDER")).body("errors[0].field", equalTo("websites[0]"));
        String websites = Stack.WEBSITE + "/api/v1/orders/" + order + "/websites";
        await(() -> Boolean.TRUE.equals(given().auth().oauth2(a.token()).get(websites).path("ready")));
        given().auth().oauth2(a.token()).get(websites).then().body("websites", hasSize(1))
                .body("websites[0].websiteFilingNumber", equalTo(number));

        Journeys.removeThrough(a, order);

        // The applicant: this website closed, the other served; the subject keeps its number; the website is gone
        // from what may be picked.
        awaitAccess("www." + gone, false);
        assertEquals("DEREGISTERED", access("www." + gone).get("reason"));
        assertEquals(true, access("www." + kept).get("allowed"));
        given().auth().oauth2(a.token()).get(Stack.SUBJECT + "/api/v1/subjects/" + a.subjectId()).then()
                .body("filingNumber", equalTo(filed.subjectNumber()));
        given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body("{\"type\":\"DEREGISTER_WEBSITE\",\"websites\":[\"%s\"]}".formatted(number))
                .post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(409)
                .body("errors[0].code", equalTo("WEBSITE_NOT_ACTIVE"));

        // The administration: the number revoked, the subject and the other website as they were.
        Map<String, Object> revoked = Journeys.registryWebsite(number);
        assertEquals("DEREGISTERED", ((Map<?, ?>) revoked.get("website")).get("status"));
        Map<String, Object> other = Journeys.registryWebsite(filed.websiteNumbers().get(0));
        assertEquals("NORMAL", ((Map<?, ?>) other.get("website")).get("status"));
        assertEquals("NORMAL", Journeys.registrySubject(a.cert()).get("status"));
    }
}
