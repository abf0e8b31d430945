package cn.beian.notification;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import cn.beian.time.BeianClock;
import cn.beian.validators.Phones;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Confirming a mobile by an SMS code, on real PostgreSQL and the SMS stand-in: the code texted at once, the right code
 * confirms and announces {@code mobile.confirmed.v1} (with the mobile's key, never the number), wrong codes count,
 * the fifth spends the confirmation, an expired code is refused, another account's confirmation is not found, and the
 * limits per mobile and per account answer 429 with Retry-After. Times from the injected, moved clock.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = InMemoryMessagingResource.class,
        initArgs = @ResourceArg(name = "incoming", value = "subject-events,website-events,review-events"))
@WithTestResource(OidcTestResource.class)
@WithTestResource(SmsStandInResource.class)
class MobileConfirmationTest {

    private static final String PATH = "/api/v1/mobile-confirmations";

    @Inject
    BeianClock clock;

    @AfterEach
    void resetClock() {
        clock.setOffset(Duration.ZERO);
    }

    @Test
    void theRightCodeConfirmsTheMobileOnceAndAnnouncesItsKey() throws Exception {
        String account = account();
        String mobile = mobile();
        Response issued = request(account, "+86 " + mobile);
        issued.then().statusCode(201).body("mobile", equalTo(mobile.substring(0, 3) + "****" + mobile.substring(7)))
                .body("confirmed", equalTo(false)).body("attemptsLeft", equalTo(5));
        String id = issued.path("id");
        OffsetDateTime expires = OffsetDateTime.parse(issued.path("expiresAt"));
        OffsetDateTime resend = OffsetDateTime.parse(issued.path("resendAllowedAt"));
        assertEquals(Duration.ofMinutes(9), Duration.between(resend, expires), "valid 10 min, resend after 60 s");
        String code = code(mobile, id);
        assertEquals(6, code.length());
        assertEquals(1, NotificationFlowTest.count("select count(*) from mobile_confirmation where id = '" + id
                + "' and code_hash <> '" + code + "' and mobile_masked not like '%" + mobile.substring(3, 7) + "%'"),
                "the code is kept only as a hash, the number only masked");

        confirm(account, id, code).then().statusCode(200).body("confirmed", equalTo(true));
        assertEquals(1, confirmedEvents(account));
        String payload = NotificationFlowTest.text("select payload from outbox_event where aggregate_id = '" + account
                + "' and event_type = 'mobile.confirmed.v1'");
        assertTrue(payload.contains(Phones.mobileKey(mobile).orElseThrow()), payload);
        assertFalse(payload.contains(mobile.substring(3)), "the event never carries the number: " + payload);
        assertEquals("beian.notification.events.v1", NotificationFlowTest.text(
                "select topic from outbox_event where aggregate_id = '" + account + "'"));

        // Entering it again is answered as confirmed, and announces nothing more.
        confirm(account, id, code).then().statusCode(200).body("confirmed", equalTo(true));
        assertEquals(1, confirmedEvents(account));
    }

    @Test
    void wrongCodesCountAndTheFifthSpendsTheConfirmation() throws Exception {
        String account = account();
        String mobile = mobile();
        String id = request(account, mobile).then().statusCode(201).extract().path("id");
        String right = code(mobile, id);
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 0; left--) {
            confirm(account, id, wrong).then().statusCode(400).body("attemptsLeft", equalTo(left))
                    .body("errors[0].field", equalTo("code")).body("errors[0].code", equalTo("CONFIRMATION_CODE_WRONG"));
        }
        confirm(account, id, right).then().statusCode(409).body("code", equalTo("MOBILE_CONFIRMATION_SPENT"));
        assertEquals(0, confirmedEvents(account));
        confirm(account, id, null).then().statusCode(400).body("errors[0].field", equalTo("code"));
    }

    @Test
    void anExpiredCodeIsRefusedAndAnotherAccountsConfirmationIsNotFound() throws Exception {
        String account = account();
        String mobile = mobile();
        String id = request(account, mobile).then().statusCode(201).extract().path("id");
        String code = code(mobile, id);
        confirm(account(), id, code).then().statusCode(404);
        confirm(account, UUID.randomUUID().toString(), code).then().statusCode(404);
        confirm(account, "not-an-id", code).then().statusCode(404);
        clock.setOffset(Duration.ofMinutes(10));
        confirm(account, id, code).then().statusCode(409).body("code", equalTo("MOBILE_CONFIRMATION_EXPIRED"));
        assertEquals(0, confirmedEvents(account));
        // A new code confirms.
        String again = request(account, mobile).then().statusCode(201).extract().path("id");
        confirm(account, again, code(mobile, again)).then().statusCode(200).body("confirmed", equalTo(true));
    }

    @Test
    void aMobileThatIsNotAMainlandMobileIsRefusedNamingIt() {
        String account = account();
        for (String bad : List.of("12345", "010-12345678", "")) {
            request(account, bad).then().statusCode(400).body("errors[0].field", equalTo("mobile"))
                    .body("errors[0].code", equalTo("MOBILE_INVALID"));
        }
        as(account, "applicant").contentType(ContentType.JSON).body("{}").post(PATH).then().statusCode(400)
                .body("errors[0].field", equalTo("mobile"));
        as(account, "reviewer").contentType(ContentType.JSON).body(Map.of("mobile", mobile())).post(PATH).then()
                .statusCode(403);
    }

    @Test
    void oneCodePerMobilePerMinuteTenPerDayAndTwentyPerAccountPerHour() throws Exception {
        moveTo(LocalTime.of(9, 0));
        String account = account();
        String mobile = mobile();
        request(account, mobile).then().statusCode(201);
        Response tooSoon = request(account(), mobile);
        tooSoon.then().statusCode(429).body("code", equalTo("MOBILE_CONFIRMATION_TOO_SOON"))
                .body("detail", not(containsString(mobile)));
        long retry = Long.parseLong(tooSoon.header("Retry-After"));
        assertTrue(retry > 0 && retry <= 60, "Retry-After " + retry);
        for (int i = 1; i < 10; i++) {
            clock.setOffset(clock.offset().plusSeconds(61));
            request(account, mobile).then().statusCode(201);
        }
        clock.setOffset(clock.offset().plusSeconds(61));
        request(account, mobile).then().statusCode(429).body("code", equalTo("MOBILE_CONFIRMATION_DAILY_LIMIT"));
        assertEquals(10, sent(mobile).size(), "ten codes today");

        // The account asked for 10 within the last quarter hour; 10 more to other numbers, then it must wait.
        for (int i = 0; i < 10; i++) {
            request(account, mobile()).then().statusCode(201);
        }
        Response busy = request(account, mobile());
        busy.then().statusCode(429).body("code", equalTo("MOBILE_CONFIRMATION_ACCOUNT_LIMIT"));
        assertTrue(Long.parseLong(busy.header("Retry-After")) > 0);
    }

    /** Tomorrow at {@code time}, Beijing time: a day no other test sent codes on. */
    private void moveTo(LocalTime time) {
        ZonedDateTime real = TestClock.now().toZonedDateTime();
        clock.setOffset(Duration.between(real, real.toLocalDate().plusDays(1).atTime(time).atZone(BeianClock.CHINA)));
    }

    private static Response request(String account, String mobile) {
        return as(account, "applicant").contentType(ContentType.JSON).body(Map.of("mobile", mobile)).post(PATH);
    }

    private static Response confirm(String account, String id, String code) {
        return as(account, "applicant").contentType(ContentType.JSON)
                .body(code == null ? "{}" : "{\"code\":\"" + code + "\"}").post(PATH + "/" + id + "/confirm");
    }

    /** The code the stand-in received for this confirmation (the SMS's out id is the confirmation's id). */
    private static String code(String mobile, String id) {
        return sent(mobile).stream().filter(m -> id.equals(m.get("outId")))
                .map(m -> String.valueOf(((Map<?, ?>) m.get("templateParam")).get("code"))).findFirst()
                .orElseThrow(() -> new AssertionError("no code texted for " + id));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sent(String mobile) {
        List<Map<String, Object>> all = RestAssured.given().baseUri(SmsStandInResource.url)
                .queryParam("phone", mobile).get("/api/v1/sms/messages").then().statusCode(200).extract().as(List.class);
        return all.stream().filter(m -> "SMS_BEIAN_1050".equals(m.get("templateCode"))).toList();
    }

    private static long confirmedEvents(String account) throws Exception {
        return NotificationFlowTest.count("select count(*) from outbox_event where aggregate_id = '" + account
                + "' and event_type = 'mobile.confirmed.v1'");
    }

    private static String account() {
        return "acct-" + UUID.randomUUID();
    }

    private static String mobile() {
        return "1391" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }
}
