package cn.beian.it;

import static cn.beian.it.Journeys.access;
import static cn.beian.it.Journeys.awaitAccess;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deregistering a subject (注销主体) on the real stack: the filing password the administration texted on the first
 * approval opens the order (a wrong one is refused); on approval every website's number and the subject's are revoked
 * at the administration, nothing of it is served here, the subject's number is cleared — and the account files again:
 * a new first filing with the same certificate gets a new number.
 */
class DeregisterSubjectIT {

    @Test
    void deregisteringTheSubjectRevokesEveryNumberAndTheAccountMayFileAgain() throws Exception {
        String domain = Journeys.domain("desubj-a");
        Journeys.Filed filed = Journeys.firstFiling("注主", List.of(domain));
        Journeys.Applicant a = filed.applicant();
        awaitAccess("www." + domain, true);
        String password = Journeys.filingPassword(a.mobile());
        assertNotNull(password, "the administration texted the filing password on the first approval");

        given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body("{\"type\":\"DEREGISTER_SUBJECT\"}").post(Stack.SUBJECT + "/api/v1/orders").then()
                .statusCode(400).body("errors[0].code", equalTo("FILING_PASSWORD_REQUIRED"));
        given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body("{\"type\":\"DEREGISTER_SUBJECT\",\"filingPassword\":\"wrong-%s\"}".formatted(password))
                .post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("filingPassword"));
        String order = Journeys.open(a, "{\"type\":\"DEREGISTER_SUBJECT\",\"filingPassword\":\"%s\"}"
                .formatted(password));
        Journeys.removeThrough(a, order);

        // The applicant: the number cleared (kept as the one held), nothing served.
        given().auth().oauth2(a.token()).get(Stack.SUBJECT + "/api/v1/subjects/" + a.subjectId()).then()
                .statusCode(200).body("filingNumber", nullValue())
                .body("deregisteredFilingNumber", equalTo(filed.subjectNumber()));
        awaitAccess("www." + domain, false);
        assertEquals("DEREGISTERED", access("www." + domain).get("reason"));
        // The administration: the subject and its website revoked.
        assertEquals("DEREGISTERED", Journeys.registrySubject(a.cert()).get("status"));
        assertEquals("DEREGISTERED", ((Map<?, ?>) Journeys.registryWebsite(filed.websiteNumbers().get(0))
                .get("website")).get("status"));

        // The account files again: the server decides a first filing, and it gets a new number.
        String again = Journeys.domain("desubj-b");
        String next = given().auth().oauth2(a.token()).contentType(ContentType.JSON).body("{}")
                .post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(201).body("type", equalTo("FIRST_FILING"))
                .extract().path("id");
        Journeys.Filed refiled = Journeys.fileWebsites(a, next, List.of(again), () -> { });
        assertNotEquals(filed.subjectNumber(), refiled.subjectNumber());
        given().auth().oauth2(a.token()).get(Stack.SUBJECT + "/api/v1/subjects/" + a.subjectId()).then()
                .body("filingNumber", equalTo(refiled.subjectNumber()));
        awaitAccess("www." + again, true);
        assertEquals("NORMAL", Journeys.registrySubject(a.cert()).get("status"));
        assertEquals(false, access("www." + domain).get("allowed"));
    }
}
