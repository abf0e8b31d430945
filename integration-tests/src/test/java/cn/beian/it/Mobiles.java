package cn.beian.it;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * An applicant confirming a mobile number it entered, as the forms do (issue 15): notification-service texts a code,
 * the applicant reads it (here: from the SMS stand-in) and enters it. subject- and website-service refuse to submit
 * an order with an unconfirmed principal's mobile ({@code MOBILE_UNCONFIRMED}), so every driver of orders confirms
 * the mobiles it enters. Public for the drivers outside this package (benchmarks, chaos, fuzz).
 */
public final class Mobiles {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** The SMS template of a confirmation code (notification-service's messages/sms-templates.properties). */
    public static final String TEMPLATE = "SMS_BEIAN_1050";

    private Mobiles() {
    }

    /**
     * Asks for a code for {@code mobile} with {@code token}'s account and enters it, then waits until subject- and
     * website-service have applied the confirmation (so a submission right after it sees the mobile confirmed). The
     * stand-in's numbers are few: where another test asked for a code for the same number within the last minute
     * (429), it asks again when {@code Retry-After} says.
     */
    public static void confirm(String token, String mobile) {
        String account = Keycloak.accountOf(token);
        String admin = Keycloak.token("ada", "ada-local");
        int subjectBefore = applied(Stack.SUBJECT, admin, account);
        int websiteBefore = applied(Stack.WEBSITE, admin, account);
        String id = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Response r = request(token, mobile);
            if (r.statusCode() == 429) {
                return null;
            }
            r.then().statusCode(201);
            return r.<String>path("id");
        }, s -> s != null);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("code", code(mobile, id)))
                .post(Stack.NOTIFICATION + "/api/v1/mobile-confirmations/" + id + "/confirm").then().statusCode(200);
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> applied(Stack.SUBJECT, admin, account) > subjectBefore
                        && applied(Stack.WEBSITE, admin, account) > websiteBefore);
    }

    /** Confirms every mobile a subject's or website's JSON body gives (each {@code "mobile":"…"} member). */
    public static void confirmIn(String token, String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"mobile\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(body);
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        while (m.find()) {
            if (seen.add(m.group(1))) {
                confirm(token, m.group(1));
            }
        }
    }

    /** Asks notification-service for a code (the answer as it is: 201, 400, 429 …). */
    public static Response request(String token, String mobile) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("mobile", mobile))
                .post(Stack.NOTIFICATION + "/api/v1/mobile-confirmations");
    }

    /** The code texted for confirmation {@code id} (its SMS's out id), waiting for it to reach the stand-in. */
    public static String code(String mobile, String id) {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<Map<String, Object>> messages = given().queryParam("phone", mobile)
                    .get(Stack.SMS + "/api/v1/sms/messages").then().statusCode(200).extract().path("$");
            return messages.stream().filter(m -> TEMPLATE.equals(m.get("templateCode")) && id.equals(m.get("outId"))
                            && m.get("templateParam") instanceof Map<?, ?>)
                    .map(m -> String.valueOf(((Map<?, ?>) m.get("templateParam")).get("code"))).findFirst()
                    .orElse(null);
        }, c -> c != null);
    }

    /** How many {@code mobile.confirmed.v1} of the account a service applied. */
    private static int applied(String service, String admin, String account) {
        List<Object> items = given().auth().oauth2(admin).queryParam("aggregateId", account)
                .queryParam("type", "mobile.confirmed.v1").queryParam("limit", 100)
                .get(service + "/api/v1/admin/applied-events").then().statusCode(200).extract().path("items");
        return items.size();
    }
}
