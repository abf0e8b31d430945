package cn.beian.it;

import static cn.beian.it.Journeys.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The servers a website is hosted on, on the running stack: an own server or another account's authorization code
 * (备案授权码), resolved when the website is saved; the code held by exactly one order, spent when it is approved and
 * freed when an order is abandoned.
 */
class ServersIT {

    @Test
    void aWebsiteOnAnotherAccountsServerHoldsItsCodeUntilApprovedAndNoOtherOrderGetsIt() throws Exception {
        Journeys.Applicant owner = Journeys.applicant("码主");
        String server = Fixtures.server(owner.token());
        String code = mint(owner, server);
        String ip = given().auth().oauth2(owner.token()).get(Stack.SUBJECT + "/api/v1/servers/" + server).then()
                .statusCode(200).extract().path("publicIp");

        Journeys.Applicant filer = Journeys.applicant("借码");
        String order = Journeys.open(filer, "{\"type\":\"FIRST_FILING\"}");
        Journeys.Applicant rival = Journeys.applicant("抢码");
        String rivalOrder = Journeys.open(rival, "{\"type\":\"FIRST_FILING\"}");

        // Typed loosely, resolved as the website is saved: the owner's server, the code masked.
        String domain = Journeys.domain("borrowed");
        Fixtures.registerDomain(Journeys.admin(), domain, filer.name(), filer.cert());
        String typed = code.substring(0, 4).toLowerCase() + "-" + code.substring(4);
        String id = post(filer, order, onCode(filer, domain, typed)).statusCode(201)
                .body("servers", hasSize(1)).body("servers[0].serverId", equalTo(server))
                .body("servers[0].publicIp", equalTo(ip)).body("servers[0].maskedCode", endsWith(code.substring(12)))
                .extract().path("id");
        assertEquals(Map.of("state", "RESERVED", "orderId", order), codeState(owner, server));

        // Another order may not have it; nor anyone's server but its own account's.
        String rivalDomain = Journeys.domain("rival");
        post(rival, rivalOrder, onCode(rival, rivalDomain, code)).statusCode(409)
                .body("errors[0].field", equalTo("authorizationCodes[0]"))
                .body("errors[0].code", equalTo("AUTHORIZATION_CODE_IN_USE"));
        post(rival, rivalOrder, Fixtures.website(rival.token(), "抢来的站", rivalDomain).replace(
                Fixtures.server(rival.token()), server)).statusCode(400)
                .body("errors[0].field", equalTo("serverIds[0]")).body("errors[0].code", equalTo("SERVER_NOT_FOUND"));
        given().auth().oauth2(rival.token()).get(websites(rivalOrder)).then().statusCode(200)
                .body("websites", hasSize(0));

        // Approved: the code is spent for good; the next order to name it is told so.
        Journeys.approveThrough(filer, order, List.of(id), List.of(domain), () -> { });
        assertEquals("SPENT", codeState(owner, server).get("state"));
        post(rival, rivalOrder, onCode(rival, rivalDomain, code)).statusCode(400)
                .body("errors[0].code", equalTo("AUTHORIZATION_CODE_SPENT"));
    }

    @Test
    void anAbandonedOrderAndAWebsiteThatStopsNamingACodeFreeIt() {
        Journeys.Applicant owner = Journeys.applicant("码主");
        String server = Fixtures.server(owner.token());
        String code = mint(owner, server);
        Journeys.Applicant filer = Journeys.applicant("弃单");
        String order = Journeys.open(filer, "{\"type\":\"FIRST_FILING\"}");
        String domain = Journeys.domain("dropped");
        String site = websites(order) + "/" + post(filer, order, onCode(filer, domain, code)).statusCode(201)
                .extract().<String>path("id");
        assertEquals("RESERVED", codeState(owner, server).get("state"));

        // The website now names only the account's own server: the code is free again.
        given().auth().oauth2(filer.token()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Fixtures.website(filer.token(), filer.name() + "的随笔", domain)).put(site).then()
                .statusCode(200).body("servers", hasSize(1)).body("servers[0].maskedCode", equalTo(null));
        assertEquals("AVAILABLE", codeState(owner, server).get("state"));

        // Named again, then the order is abandoned: free again.
        given().auth().oauth2(filer.token()).contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(onCode(filer, domain, code)).put(site).then().statusCode(200);
        assertEquals("RESERVED", codeState(owner, server).get("state"));
        String etag = given().auth().oauth2(filer.token()).get(Stack.SUBJECT + "/api/v1/orders/" + order).then()
                .statusCode(200).extract().header("ETag");
        given().auth().oauth2(filer.token()).header("If-Match", etag)
                .post(Stack.SUBJECT + "/api/v1/orders/" + order + "/abandon").then().statusCode(200);
        assertEquals("AVAILABLE", codeState(owner, server).get("state"));
    }

    private static String mint(Journeys.Applicant owner, String server) {
        return given().auth().oauth2(owner.token()).post(Stack.SUBJECT + "/api/v1/servers/" + server
                + "/authorization-codes").then().statusCode(201).extract().path("code");
    }

    /** The website of {@link Fixtures#website} hosted only through {@code code}. */
    private static String onCode(Journeys.Applicant a, String domain, String code) {
        return Fixtures.website(a.token(), a.name() + "的随笔", domain).replace(
                "\"serverIds\":[\"" + Fixtures.server(a.token()) + "\"]",
                "\"serverIds\":[],\"authorizationCodes\":[\"" + code + "\"]");
    }

    private static String websites(String order) {
        return Stack.WEBSITE + "/api/v1/orders/" + order + "/websites";
    }

    private static ValidatableResponse post(Journeys.Applicant a, String order, String body) {
        await(() -> given().auth().oauth2(a.token()).get(websites(order)).statusCode() == 200);
        return given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(body).post(websites(order)).then();
    }

    /** The code's state and order as its server's owner sees them (the server's only code). */
    private static Map<String, Object> codeState(Journeys.Applicant owner, String server) {
        Map<String, Object> item = given().auth().oauth2(owner.token())
                .get(Stack.SUBJECT + "/api/v1/servers/" + server + "/authorization-codes").then().statusCode(200)
                .extract().path("items[0]");
        return item.get("orderId") == null ? Map.of("state", item.get("state"))
                : Map.of("state", item.get("state"), "orderId", item.get("orderId"));
    }
}
