package cn.beian.it;

import static cn.beian.it.Journeys.access;
import static cn.beian.it.Journeys.await;
import static cn.beian.it.Journeys.awaitAccess;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.beian.testing.TestClock;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An empty shell past its grace period on the running stack: a first filing taken to its number, its page switched to
 * a parking page and probed on staff's demand; website-service's clock moved past the 30-day grace and the website
 * probed again. subject-service has prepared one cancel-access order; staff confirm it (a second confirmation does
 * nothing), the provider's cancel-access order is submitted by itself, passes initial review and the administration,
 * the website is no longer served, and the applicant has been told by SMS and e-mail.
 */
class EmptyShellCancelIT {

    private static final String PROVIDER_CANCEL_SMS = "SMS_BEIAN_1031";

    @Test
    void anEmptyShellPastItsGraceBecomesTheProvidersCancelAccessOrderOnceStaffConfirm() throws Exception {
        Journeys.Filed filing = Journeys.firstFiling("空壳", List.of(Journeys.domain("shell")));
        Journeys.Applicant a = filing.applicant();
        String admin = Journeys.admin();
        String reviewer = Journeys.reviewer();
        String domain = filing.domains().get(0);
        String number = filing.websiteNumbers().get(0);
        String filedId = given().auth().oauth2(a.token()).get(Stack.WEBSITE + "/api/v1/filed-websites").then()
                .statusCode(200).extract().path("items[0].id");
        awaitAccess("www." + domain, true);

        try {
            // notification-service on the next day's daytime: no quiet hours, the journey's SMS out of the hour's limit
            Journeys.moveClock(Stack.NOTIFICATION, admin, Journeys.daytime(TestClock.now().toZonedDateTime().plusDays(1)));

            WebsiteProbesIT.page(domain, "PARKING", number);
            probe(admin, filedId).body("findings.kind", equalTo(List.of("EMPTY_SHELL")))
                    .body("findings[0].pastGraceAt", equalTo(null));
            // within the grace: nothing prepared
            assertEquals(List.of(), preparedFor(reviewer, number));

            // 31 days on for website-service: the next probe still sees the empty shell, past its 30-day grace
            Journeys.moveClock(Stack.WEBSITE, admin, TestClock.now().toZonedDateTime().plusDays(31));
            probe(admin, filedId).body("findings.find { it.kind == 'EMPTY_SHELL' }.pastGraceAt", notNullValue());
            await(() -> preparedFor(reviewer, number).size() == 1);
            // seen again: announced once, still one prepared order
            probe(admin, filedId).body("findings.find { it.kind == 'EMPTY_SHELL' }.pastGraceAt", notNullValue());
            Map<String, Object> prepared = preparedFor(reviewer, number).get(0);
            assertEquals("PREPARED", prepared.get("state"));
            assertEquals(domain, prepared.get("domain"));
            String id = (String) prepared.get("id");
            String url = Stack.SUBJECT + "/api/v1/admin/prepared-orders/" + id;

            // an applicant may not see or decide it; staff must send the ETag they read
            given().auth().oauth2(a.token()).get(Stack.SUBJECT + "/api/v1/admin/prepared-orders").then()
                    .statusCode(403);
            given().auth().oauth2(reviewer).post(url + "/confirm").then().statusCode(428);
            String etag = given().auth().oauth2(reviewer).get(url).then().statusCode(200).extract().header("ETag");

            Response confirmed = given().auth().oauth2(reviewer).header("If-Match", etag).post(url + "/confirm");
            confirmed.then().statusCode(200).body("state", equalTo("CONFIRMED")).body("orderId", notNullValue());
            String order = confirmed.path("orderId");
            // a second confirmation opens nothing: stale ETag, then with the fresh one the state refuses it
            given().auth().oauth2(reviewer).header("If-Match", etag).post(url + "/confirm").then().statusCode(412);
            given().auth().oauth2(reviewer).header("If-Match", confirmed.header("ETag")).post(url + "/confirm").then()
                    .statusCode(409).body("code", equalTo("PREPARED_ORDER_DECIDED"))
                    .body("currentState", equalTo("CONFIRMED")).body("orderId", equalTo(order));

            // the provider's cancel-access order for that website, submitted by the provider with no materials
            String orderUrl = Stack.SUBJECT + "/api/v1/orders/" + order;
            given().auth().oauth2(a.token()).get(orderUrl).then().statusCode(200)
                    .body("type", equalTo("CANCEL_ACCESS")).body("initiatedBy", equalTo("PROVIDER"))
                    .body("allowedActions", empty());
            int known = Journeys.miitCodes(a.mobile());
            Journeys.awaitState(a.token(), order, "INITIAL_REVIEW");
            given().auth().oauth2(a.token()).get(orderUrl).then()
                    .body("history.find { it.trigger == 'SUBMIT' }.actor", equalTo("PROVIDER"));
            String etagOrder = given().auth().oauth2(a.token()).get(orderUrl).then().extract().header("ETag");
            given().auth().oauth2(a.token()).header("If-Match", etagOrder).post(orderUrl + "/abandon").then()
                    .statusCode(409).body("code", equalTo("ORDER_PROVIDER_INITIATED"));
            // the website stays served while the order runs
            assertEquals(true, access("www." + domain).get("allowed"));

            Journeys.approve(reviewer, Journeys.claimCase(reviewer, order, "INITIAL"));
            Journeys.awaitState(a.token(), order, "AUTHORITY_REVIEW");
            Journeys.approveAtAdministration(order, a.mobile(), known);
            Journeys.awaitState(a.token(), order, "APPROVED");
            given().auth().oauth2(a.token()).get(orderUrl).then()
                    .body("approval.websites.websiteFilingNumber", equalTo(List.of(number)));

            // access closed here; the number stays at the administration, an empty shell no provider serves
            awaitAccess("www." + domain, false);
            assertEquals("ACCESS_CANCELLED", access("www." + domain).get("reason"));
            assertEquals("EMPTY_SHELL", ((Map<?, ?>) Journeys.registryWebsite(number).get("website")).get("status"));

            // the applicant: told by SMS and e-mail that the provider filed the cancellation, then warned after it
            await(() -> Journeys.smsTemplates(a.mobile()).contains(PROVIDER_CANCEL_SMS));
            await(() -> Journeys.mailSubjects(a.email()).stream().anyMatch(s -> s.contains("接入商已为您的空壳网站")));
            await(() -> Journeys.mailSubjects(a.email()).stream().anyMatch(s -> s.contains("取消接入后请尽快办理新接入")));
            assertEquals(1, Journeys.smsTemplates(a.mobile()).stream().filter(PROVIDER_CANCEL_SMS::equals).count());
            given().auth().oauth2(reviewer).get(url).then().body("state", equalTo("CONFIRMED"))
                    .body("orderId", equalTo(order));
        } finally {
            Journeys.resetClock(Stack.WEBSITE, admin);
            Journeys.resetClock(Stack.NOTIFICATION, admin);
        }
    }

    private static io.restassured.response.ValidatableResponse probe(String admin, String filedId) {
        return given().auth().oauth2(admin).post(Stack.WEBSITE + "/api/v1/filed-websites/" + filedId + "/probes")
                .then().statusCode(200);
    }

    /** The prepared orders of a website number (staff's list). */
    private static List<Map<String, Object>> preparedFor(String staff, String number) {
        List<Map<String, Object>> items = given().auth().oauth2(staff).queryParam("limit", 100)
                .get(Stack.SUBJECT + "/api/v1/admin/prepared-orders").then().statusCode(200).extract().path("items");
        assertNotNull(items);
        return items.stream().filter(p -> number.equals(p.get("websiteFilingNumber"))).toList();
    }
}
