package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.beian.contract.events.EventType;
import cn.beian.contract.events.Topics;
import cn.beian.testing.TestClock;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * subject-service's time rules and authorization codes on the real stack (issue 4): an order waiting on its applicant
 * reaches the 7 / 15 / 30-day milestones exactly once and expires after 45 days on a moved clock; a code minted on
 * one account's server backs another account's order, is free again when that order is abandoned and spent when one
 * is approved. Review and authority outcomes are published by this test (as review-service would) so the flow does
 * not depend on the review queue.
 */
class OrderClockAndCodesIT {

    private static final String ORDERS = Stack.SUBJECT + "/api/v1/orders";

    @Test
    void anOrderWaitingOnItsApplicantReachesEachMilestoneOnceAndExpiresAfter45Days() {
        String applicant = Keycloak.newApplicant();
        String order = readyDraft(applicant);
        String admin = Keycloak.token("ada", "ada-local");
        try (KafkaEvents events = new KafkaEvents("/beian/it/clock")) {
            submit(applicant, order);
            events.send(EventType.INITIAL_REVIEW_REJECTED, order, """
                    {"orderId":"%s","reviewerId":"rita","reasons":[{"fieldKey":"subject.communicationAddress",
                     "code":"ADDRESS_INCOMPLETE","suggestion":"请填写到门牌号"}]}""".formatted(order));
            awaitState(applicant, order, "INITIAL_REJECTED");
            try {
                for (String offset : List.of("P8D", "P16D", "P31D", "P31DT1H")) {
                    moveClock(admin, offset);
                    given().auth().oauth2(admin).post(Stack.SUBJECT + "/api/v1/admin/order-clock/run").then()
                            .statusCode(200);
                }
                Awaitility.await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertEquals(3,
                        Collections.frequency(KafkaEvents.typesFor(Topics.SUBJECT_EVENTS, order),
                                EventType.ORDER_IDLE_MILESTONE_REACHED.type()),
                        "7, 15 and 30 days: one event each, however often the clock runs"));
                given().auth().oauth2(applicant).get(ORDERS + "/" + order).then().body("state",
                        equalTo("INITIAL_REJECTED"));
                moveClock(admin, "P46D");
                given().auth().oauth2(admin).post(Stack.SUBJECT + "/api/v1/admin/order-clock/run").then()
                        .statusCode(200);
                awaitState(applicant, order, "EXPIRED");
                // Contents kept: resubmitting starts again at initial review.
                String etag = given().auth().oauth2(applicant).get(ORDERS + "/" + order).then().extract()
                        .header("ETag");
                given().auth().oauth2(applicant).header("If-Match", etag).post(ORDERS + "/" + order + "/resubmit")
                        .then().statusCode(200).body("state", equalTo("INITIAL_REVIEW"));
            } finally {
                moveClock(admin, "PT0S");
            }
        }
    }

    @Test
    void aCodeBacksAnotherAccountsOrderIsFreedByAbandonAndSpentByApproval() {
        String owner = Keycloak.newApplicant();
        String filer = Keycloak.newApplicant();
        String admin = Keycloak.token("ada", "ada-local");
        String server = given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"accountId":"%s","instanceId":"i-it%d","province":"BEIJING","region":"cn-beijing",
                 "publicIp":"47.95.%d.%d","billing":"PREPAID","purchasedMonths":12,"loadBalancer":false,
                 "expiresAt":"%s"}""".formatted(Keycloak.accountOf(owner), ThreadLocalRandom.current().nextInt(1_000_000),
                        ThreadLocalRandom.current().nextInt(256), ThreadLocalRandom.current().nextInt(1, 255),
                        TestClock.now().plusYears(1)))
                .post(Stack.SUBJECT + "/api/v1/admin/servers").then().statusCode(201).extract().path("id");
        String codes = Stack.SUBJECT + "/api/v1/servers/" + server + "/authorization-codes";
        String code = given().auth().oauth2(owner).post(codes).then().statusCode(201).extract().path("code");

        String filerSubject = Fixtures.personSubject("授权码" + ThreadLocalRandom.current().nextInt(1000),
                "filer@beian.local");
        given().auth().oauth2(filer).contentType(ContentType.JSON).body(filerSubject)
                .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201);
        Mobiles.confirmIn(filer, filerSubject);
        String first = given().auth().oauth2(filer).contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\",\"authorizationCode\":\"%s\"}".formatted(code)).post(ORDERS)
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(owner).get(codes).then().statusCode(200).body("items[0].state", equalTo("RESERVED"))
                .body("items[0].orderId", equalTo(first));
        Fixtures.orderAction(filer, ORDERS + "/" + first, "abandon").then().statusCode(200);
        given().auth().oauth2(owner).get(codes).then().body("items[0].state", equalTo("AVAILABLE"));

        String second = given().auth().oauth2(filer).contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\",\"authorizationCode\":\"%s\"}".formatted(code)).post(ORDERS)
                .then().statusCode(201).extract().path("id");
        try (KafkaEvents events = new KafkaEvents("/beian/it/codes")) {
            makeReady(events, filer, second);
            submit(filer, second);
            events.send(EventType.INITIAL_REVIEW_APPROVED, second,
                    "{\"orderId\":\"%s\",\"reviewerId\":\"rita\"}".formatted(second));
            awaitState(filer, second, "AWAITING_PHOTO");
            events.send(EventType.PHOTO_SUBMITTED, second,
                    "{\"orderId\":\"%s\",\"submittedBy\":\"it\",\"byVerificationPoint\":false}".formatted(second));
            awaitState(filer, second, "PHOTO_REVIEW");
            events.send(EventType.PHOTO_REVIEW_APPROVED, second,
                    "{\"orderId\":\"%s\",\"reviewerId\":\"rita\"}".formatted(second));
            awaitState(filer, second, "AUTHORITY_REVIEW");
            String number = "京ICP备" + (20_000_000 + ThreadLocalRandom.current().nextInt(9_000_000)) + "号";
            events.send(EventType.AUTHORITY_APPROVED, second, """
                    {"orderId":"%s","subjectFilingNumber":"%s","websites":[]}""".formatted(second, number));
            awaitState(filer, second, "APPROVED");
        }
        given().auth().oauth2(owner).get(codes).then().body("items[0].state", equalTo("SPENT"))
                .body("items[0].orderId", equalTo(second));
        // A spent code backs nothing else.
        String third = Keycloak.newApplicant();
        given().auth().oauth2(third).contentType(ContentType.JSON)
                .body(Fixtures.personSubject("第三人", "third@beian.local")).post(Stack.SUBJECT + "/api/v1/subjects")
                .then().statusCode(201);
        given().auth().oauth2(third).contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\",\"authorizationCode\":\"%s\"}".formatted(code)).post(ORDERS)
                .then().statusCode(400).body("errors[0].field", equalTo("authorizationCode"))
                .body("errors[0].code", equalTo("AUTHORIZATION_CODE_SPENT"));
    }

    private static String readyDraft(String applicant) {
        String subject = Fixtures.personSubject("时钟" + ThreadLocalRandom.current().nextInt(1000), "clock@beian.local");
        given().auth().oauth2(applicant).contentType(ContentType.JSON).body(subject)
                .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201);
        Mobiles.confirmIn(applicant, subject);
        String order = given().auth().oauth2(applicant).contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post(ORDERS).then().statusCode(201).extract().path("id");
        try (KafkaEvents events = new KafkaEvents("/beian/it/ready")) {
            makeReady(events, applicant, order);
        }
        return order;
    }

    /** Reports the order's websites and materials complete, as website- and materials-service would. */
    private static void makeReady(KafkaEvents events, String applicant, String order) {
        events.send(EventType.ORDER_WEBSITES_READINESS_CHANGED, order,
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        events.send(EventType.ORDER_MATERIALS_READINESS_CHANGED, order,
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        Awaitility.await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> given().auth().oauth2(applicant)
                .get(ORDERS + "/" + order).then().body("readiness.missing.size()", equalTo(0)));
    }

    private static void submit(String applicant, String order) {
        Fixtures.orderAction(applicant, ORDERS + "/" + order, "submit").then().statusCode(200).body("state", equalTo("INITIAL_REVIEW"));
    }

    private static void awaitState(String applicant, String order, String state) {
        Awaitility.await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> given().auth().oauth2(applicant)
                .get(ORDERS + "/" + order).then().statusCode(200).body("state", equalTo(state)));
    }

    private static void moveClock(String admin, String offset) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"offset\":\"%s\"}".formatted(offset))
                .put(Stack.SUBJECT + "/api/v1/admin/clock").then().statusCode(200);
    }
}
