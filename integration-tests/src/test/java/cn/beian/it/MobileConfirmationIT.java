package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 on the real stack: the applicant's mobiles (subject principal, website principal) are confirmed by an SMS
 * code when entered, as the seed system's forms do, so that a wrong number is caught before the administration's SMS
 * verification fails. A fresh account's first filing is refused at submit with {@code MOBILE_UNCONFIRMED} naming each
 * unconfirmed mobile; the applicant asks for codes (a second one within the minute is 429), a wrong code is refused
 * with the tries left, the right code confirms, and the order then submits without another edit — website-service
 * judged its websites again and announced them ready on the confirmation alone.
 */
class MobileConfirmationIT {

    @Test
    void anOrderWaitsForItsMobilesToBeConfirmedAndThenSubmitsWithoutAnEdit() throws Exception {
        // A fresh account whose subject principal's mobile is not confirmed (Journeys.applicant would confirm it).
        String token = Keycloak.newApplicant();
        String name = "确认" + (char) (0x4e00 + 0x200 + (int) (Math.random() * 0x800));
        String cert = Fixtures.residentId();
        String mobile = Fixtures.mobile();
        String websiteMobile = otherThan(mobile);
        String email = "mobiles-" + UUID.randomUUID() + "@beian.local";
        given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"nature":"PERSON","province":"BEIJING","city":"北京市","district":"海淀区","name":"%s",
                 "certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "certificateAddress":"北京市海淀区中关村大街1号","communicationAddress":"北京市海淀区中关村大街1号101室",
                 "principal":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                   "mobile":"%s","email":"%s"}}""".formatted(name, cert, name, cert, mobile, email))
                .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201);
        String order = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(201).extract().path("id");
        String orderUrl = Stack.SUBJECT + "/api/v1/orders/" + order;

        // One website with a principal of its own, and every material.
        String domain = Journeys.domain("mobiles");
        Fixtures.registerDomain(Journeys.admin(), domain, name, cert);
        String websites = Stack.WEBSITE + "/api/v1/orders/" + order + "/websites";
        Journeys.await(() -> given().auth().oauth2(token).get(websites).statusCode() == 200);
        String body = Fixtures.website(token, name + "的随笔", domain).replace("\"principalSameAsSubject\":true", """
                "principalSameAsSubject":false,"principal":{"name":"%s","certificateType":"RESIDENT_ID",
                 "certificateNumber":"%s","mobile":"%s","email":"webmaster-%s"}""".formatted(name + "弟",
                Fixtures.residentId(), websiteMobile, email));
        String websiteId = given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(websites).then()
                .statusCode(201).extract().path("id");
        String materials = Stack.MATERIALS + "/api/v1/orders/" + order;
        Journeys.awaitWebsiteMaterials(token, materials, List.of(websiteId));
        Journeys.uploadMissing(token, materials, false);
        Journeys.await(() -> given().auth().oauth2(token).get(orderUrl).then().extract().jsonPath()
                .getList("findings.findAll { it.ruleId == 'MOBILE_UNCONFIRMED' }.fieldKey", String.class)
                .containsAll(List.of("subject.principal.mobile", "websites[0].principal.mobile")));

        // Submission is refused, naming each unconfirmed mobile.
        Response refused = Fixtures.orderAction(token, orderUrl, "submit");
        refused.then().statusCode(409).body("currentState", equalTo("DRAFT"));
        List<Map<String, Object>> errors = refused.path("errors");
        List<Object> unconfirmed = errors.stream().filter(e -> "MOBILE_UNCONFIRMED".equals(e.get("rule")))
                .map(e -> e.get("field")).toList();
        assertEquals(List.of("subject.principal.mobile", "websites[0].principal.mobile"), unconfirmed,
                errors.toString());
        assertTrue(refused.asString().contains(mobile.substring(0, 3) + "****" + mobile.substring(7)),
                "the message names the mobile, masked: " + refused.asString());
        assertTrue(!refused.asString().contains(mobile), "never in full");

        // The applicant asks for a code for the principal's mobile; a second one within the minute is refused.
        Response asked = Mobiles.request(token, mobile);
        asked.then().statusCode(201).body("mobile", equalTo(mobile.substring(0, 3) + "****" + mobile.substring(7)));
        String id = asked.path("id");
        Response again = Mobiles.request(token, mobile);
        again.then().statusCode(429).body("code", equalTo("MOBILE_CONFIRMATION_TOO_SOON"));
        long retryAfter = Long.parseLong(again.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

        // Another account cannot see or use it; a wrong code is refused with the tries left; the right one confirms.
        String code = Mobiles.code(mobile, id);
        given().auth().oauth2(Keycloak.newApplicant()).contentType(ContentType.JSON).body(Map.of("code", code))
                .post(Stack.NOTIFICATION + "/api/v1/mobile-confirmations/" + id + "/confirm").then().statusCode(404);
        String wrong = code.equals("000000") ? "999999" : "000000";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("code", wrong))
                .post(Stack.NOTIFICATION + "/api/v1/mobile-confirmations/" + id + "/confirm").then().statusCode(400)
                .body("errors[0].field", equalTo("code")).body("errors[0].code", equalTo("CONFIRMATION_CODE_WRONG"))
                .body("attemptsLeft", equalTo(4));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("code", code))
                .post(Stack.NOTIFICATION + "/api/v1/mobile-confirmations/" + id + "/confirm").then().statusCode(200)
                .body("confirmed", equalTo(true));
        Journeys.await(() -> !given().auth().oauth2(token).get(orderUrl).then().extract().jsonPath()
                .getList("findings.fieldKey", String.class).contains("subject.principal.mobile"));

        // The website principal's mobile, likewise: website-service judges the websites again and announces them
        // ready; the order then submits as it stands.
        Mobiles.confirm(token, websiteMobile);
        Journeys.await(() -> {
            var view = given().auth().oauth2(token).get(orderUrl).then().extract().jsonPath();
            return view.getList("findings.ruleId", String.class).stream().noneMatch("MOBILE_UNCONFIRMED"::equals)
                    && view.getList("readiness.missing").isEmpty();
        });
        given().auth().oauth2(token).get(websites).then().statusCode(200).body("ready", equalTo(true))
                .body("websites[0].id", equalTo(websiteId));
        Journeys.act(token, order, "submit", "INITIAL_REVIEW");
        given().auth().oauth2(token).get(orderUrl).then().body("history.trigger", hasItem("SUBMIT"));
    }

    private static String otherThan(String mobile) {
        String other = Fixtures.mobile();
        while (other.equals(mobile)) {
            other = Fixtures.mobile();
        }
        assertNotEquals(mobile, other);
        return other;
    }
}
