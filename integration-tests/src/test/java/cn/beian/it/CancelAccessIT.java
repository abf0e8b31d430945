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
 * Cancel access (取消接入) on the real stack: an applicant with two approved websites picks one (by its website id);
 * only that one is in the order; after the administration's approval it is no longer served here while its number
 * stays valid at the administration (an empty shell there), the other website is untouched, and the applicant is
 * warned about the empty shell.
 */
class CancelAccessIT {

    @Test
    void cancellingAccessOfOneWebsiteClosesItHereAndLeavesItsNumberAtTheAdministration() throws Exception {
        String gone = Journeys.domain("cancel-a");
        String kept = Journeys.domain("cancel-b");
        Journeys.Filed filed = Journeys.firstFiling("取消", List.of(gone, kept));
        Journeys.Applicant a = filed.applicant();
        awaitAccess("www." + gone, true);
        awaitAccess("www." + kept, true);

        // A website that is not the account's is refused, naming it; so is an order that picks none.
        given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body("{\"type\":\"CANCEL_ACCESS\",\"websites\":[\"京ICP备99999999号-1\"]}")
                .post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(409)
                .body("errors[0].field", equalTo("websites[0]")).body("errors[0].code", equalTo("WEBSITE_NOT_ACCOUNTS"));
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body("{\"type\":\"CANCEL_ACCESS\"}")
                .post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("websites"));

        String order = Journeys.open(a, "{\"type\":\"CANCEL_ACCESS\",\"websites\":[\"%s\"]}"
                .formatted(filed.websiteIds().get(0)));
        String websites = Stack.WEBSITE + "/api/v1/orders/" + order + "/websites";
        await(() -> given().auth().oauth2(a.token()).get(websites).statusCode() == 200
                && Boolean.TRUE.equals(given().auth().oauth2(a.token()).get(websites).path("ready")));
        given().auth().oauth2(a.token()).get(websites).then().body("websites", hasSize(1))
                .body("websites[0].websiteFilingNumber", equalTo(filed.websiteNumbers().get(0)));
        // The website stays served while the order runs.
        assertEquals(true, access("www." + gone).get("allowed"));

        Journeys.removeThrough(a, order);

        // The applicant: the order approved with the cancelled website, the site no longer served here, the other one
        // still served, and the empty-shell warning by e-mail.
        given().auth().oauth2(a.token()).get(Stack.SUBJECT + "/api/v1/orders/" + order).then()
                .body("approval.websites.websiteFilingNumber", equalTo(List.of(filed.websiteNumbers().get(0))));
        awaitAccess("www." + gone, false);
        assertEquals("ACCESS_CANCELLED", access("www." + gone).get("reason"));
        assertEquals(true, access("www." + kept).get("allowed"));
        await(() -> Journeys.mailSubjects(a.email()).stream().anyMatch(s -> s.contains("空壳")));
        given().auth().oauth2(a.token()).get(Stack.SUBJECT + "/api/v1/subjects/" + a.subjectId()).then()
                .body("filingNumber", equalTo(filed.subjectNumber()));

        // The administration: the number remains, an empty shell no provider serves; the other website as it was.
        Map<String, Object> cancelled = Journeys.registryWebsite(filed.websiteNumbers().get(0));
        assertEquals("EMPTY_SHELL", ((Map<?, ?>) cancelled.get("website")).get("status"));
        Map<String, Object> other = Journeys.registryWebsite(filed.websiteNumbers().get(1));
        assertEquals("NORMAL", ((Map<?, ?>) other.get("website")).get("status"));
    }
}
