package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.beian.testing.InMemoryEvents;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import cn.beian.validators.Phones;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The subject principal's mobile an order files must be confirmed by its account (an SMS code, notification-service's
 * {@code mobile.confirmed.v1}) before the order is submitted: {@code MOBILE_UNCONFIRMED} at
 * {@code subject.principal.mobile} in the order view and in submission's refusal, cleared by the event without an
 * edit; a confirmation counts for its validity only; a change asks only for a mobile other than the approved one.
 */
@QuarkusTest
@TestProfile(MobileConfirmationRequired.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class MobileConfirmationsTest {

    /** SubjectResourceTest.subject's principal mobile. */
    private static final String MOBILE = "13800000013";

    @Inject
    @Any
    InMemoryConnector connector;

    InMemoryEvents events;

    @BeforeEach
    void events() {
        events = new InMemoryEvents(connector);
    }

    @Test
    void aFirstFilingIsRefusedUntilThePrincipalsMobileIsConfirmedThenSubmitsWithoutAnEdit() {
        String account = "mobile-" + UUID.randomUUID();
        as(account, "applicant").contentType(ContentType.JSON).body(SubjectResourceTest.subject("冯廿四"))
                .post("/api/v1/subjects").then().statusCode(201);
        String order = as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        ready(order);
        String tag = as(account, "applicant").get("/api/v1/orders/" + order).then().statusCode(200)
                .body("findings.find { it.ruleId == 'MOBILE_UNCONFIRMED' }.fieldKey",
                        equalTo("subject.principal.mobile"))
                .body("findings.find { it.ruleId == 'MOBILE_UNCONFIRMED' }.severity", equalTo("BLOCKS"))
                .body("findings.find { it.ruleId == 'MOBILE_UNCONFIRMED' }.message",
                        equalTo("主体负责人手机号 138****0013 尚未通过短信验证码确认"))
                .extract().header("ETag");
        as(account, "applicant").header("If-Match", tag).header("Accept-Language", "en")
                .post("/api/v1/orders/" + order + "/submit").then().statusCode(409)
                .body("errors.find { it.rule == 'MOBILE_UNCONFIRMED' }.field", equalTo("subject.principal.mobile"))
                .body("errors.find { it.rule == 'MOBILE_UNCONFIRMED' }.message",
                        equalTo("The subject principal's mobile 138****0013 is not confirmed by an SMS code yet"));

        // Confirmed too long ago, or by another account: still refused.
        confirmed(account, MOBILE, 181);
        confirmed("someone-" + UUID.randomUUID(), MOBILE, 0);
        as(account, "applicant").get("/api/v1/orders/" + order).then()
                .body("findings.ruleId", hasItem("MOBILE_UNCONFIRMED"));

        confirmed(account, "+86 138 0000 0013", 1);
        tag = as(account, "applicant").get("/api/v1/orders/" + order).then()
                .body("findings.ruleId", not(hasItem("MOBILE_UNCONFIRMED"))).extract().header("ETag");
        as(account, "applicant").header("If-Match", tag).post("/api/v1/orders/" + order + "/submit").then()
                .statusCode(200).body("state", equalTo("INITIAL_REVIEW"));
    }

    @Test
    void aChangeAsksOnlyForAMobileOtherThanTheApprovedOne() throws Exception {
        String account = "mobile-change-" + UUID.randomUUID();
        String subject = SubjectResourceTest.subject("褚廿五");
        String subjectId = as(account, "applicant").contentType(ContentType.JSON).body(subject)
                .post("/api/v1/subjects").then().statusCode(201).extract().path("id");
        SubjectResourceTest.count("with u as (update subject set filing_number = '京ICP备20261208号' "
                + "where id = '" + subjectId + "' returning 1) select count(*) from u");
        String order = as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"CHANGE\",\"changeKind\":\"SUBJECT\"}").post("/api/v1/orders").then()
                .statusCode(201).extract().path("id");
        ready(order);
        // The approved mobile, never confirmed here: nothing asked.
        as(account, "applicant").get("/api/v1/orders/" + order).then().statusCode(200)
                .body("findings.ruleId", not(hasItem("MOBILE_UNCONFIRMED")));
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(subject.replace(MOBILE, "13801000019")).put("/api/v1/orders/" + order + "/subject").then()
                .statusCode(200);
        String tag = as(account, "applicant").get("/api/v1/orders/" + order).then()
                .body("findings.find { it.ruleId == 'MOBILE_UNCONFIRMED' }.fieldKey",
                        equalTo("subject.principal.mobile")).extract().header("ETag");
        as(account, "applicant").header("If-Match", tag).post("/api/v1/orders/" + order + "/submit").then()
                .statusCode(409).body("errors.rule", hasItem("MOBILE_UNCONFIRMED"));
        confirmed(account, "13801000019", 0);
        tag = as(account, "applicant").get("/api/v1/orders/" + order).then()
                .body("findings.ruleId", not(hasItem("MOBILE_UNCONFIRMED"))).extract().header("ETag");
        as(account, "applicant").header("If-Match", tag).post("/api/v1/orders/" + order + "/submit").then()
                .statusCode(200);
    }

    @Test
    void aMalformedConfirmationIsRefused() {
        events.nack("notification-events", "/beian/notification-service", "acct-" + UUID.randomUUID(),
                "mobile.confirmed.v1", "{\"accountId\":\"a\",\"confirmedAt\":\"%s\"}".formatted(TestClock.isoNow()));
    }

    private void ready(String order) {
        events.ack("website-events", "/beian/website-service", order, "website.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        events.ack("materials-events", "/beian/materials-service", order, "material.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
    }

    private void confirmed(String account, String mobile, int daysAgo) {
        events.ack("notification-events", "/beian/notification-service", account, "mobile.confirmed.v1", """
                {"accountId":"%s","mobileKey":"%s","confirmedAt":"%s"}""".formatted(account,
                Phones.mobileKey(mobile).orElseThrow(), TestClock.iso(Duration.ofDays(-daysAgo))));
    }
}
