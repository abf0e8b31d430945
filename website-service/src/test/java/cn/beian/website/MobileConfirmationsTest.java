package cn.beian.website;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import cn.beian.national.client.NationalSystemsClient;
import cn.beian.testing.InMemoryEvents;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import cn.beian.validators.Phones;
import cn.beian.website.service.HostingApi;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A website principal's mobile the applicant entered blocks readiness ({@code MOBILE_UNCONFIRMED} at
 * {@code websites[i].principal.mobile}) until the account confirmed it; {@code mobile.confirmed.v1} judges the order
 * again and announces the new readiness without an edit. A principal "same as the subject's" is subject-service's to
 * ask for; a change asks only for a mobile other than the approved one; a cancel-access order asks for nothing.
 */
@QuarkusTest
@TestProfile(MobileConfirmationRequired.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "website"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class MobileConfirmationsTest {

    private static final String LINA = WebsiteServiceTest.LINA;
    private static final String LINA_ID = WebsiteServiceTest.LINA_ID;

    @Inject
    @Any
    InMemoryConnector connector;

    @InjectMock
    @RestClient
    NationalSystemsClient national;

    @InjectMock
    @RestClient
    HostingApi hosting;

    private InMemoryEvents events;

    @BeforeEach
    void registry() {
        events = new InMemoryEvents(connector);
        HostingStub.resolvesEverything(hosting, TestClock.now());
        when(national.domainRegistration(anyString())).thenAnswer(inv -> Uni.createFrom().item(
                WebsiteServiceTest.registration(inv.getArgument(0), LINA, LINA_ID)));
        when(national.filingByDomain(anyString())).thenReturn(Uni.createFrom().failure(new NotFoundException()));
    }

    @Test
    void anUnconfirmedPrincipalMobileBlocksUntilTheConfirmationArrivesThenANewReadinessIsAnnounced() throws Exception {
        String account = "mia-" + UUID.randomUUID();
        String order = newOrder(account, "FIRST_FILING");
        String mobile = mobile();
        String first = "mia-" + order.substring(0, 8) + ".cn";
        String second = "mia2-" + order.substring(0, 8) + ".cn";
        post(account, order, WebsiteServiceTest.website("李娜的读书笔记", first));
        post(account, order, ownPrincipal("李娜的书评", second, mobile));
        websites(account, order).body("ready", equalTo(false)).body("version", equalTo(2))
                .body("findings.findAll { it.ruleId == 'MOBILE_UNCONFIRMED' }.fieldKey",
                        equalTo(java.util.List.of("websites[1].principal.mobile")))
                .body("findings.find { it.ruleId == 'MOBILE_UNCONFIRMED' }.severity", equalTo("BLOCKING"))
                .body("findings.find { it.ruleId == 'MOBILE_UNCONFIRMED' }.message",
                        equalTo("网站负责人手机号 " + mobile.substring(0, 3) + "****" + mobile.substring(7)
                                + " 尚未通过短信验证码确认，请获取并填写发送到该手机号的验证码，以免管局短信核验时因号码错误而失败"));

        // Another account's confirmation of the same number does not touch the order; this account's other number
        // has it judged again, still unconfirmed.
        confirmed("other-" + UUID.randomUUID(), mobile, 0);
        websites(account, order).body("version", equalTo(2)).body("ready", equalTo(false));
        confirmed(account, mobile(), 0);
        websites(account, order).body("version", equalTo(3)).body("ready", equalTo(false))
                .body("findings.ruleId", hasItem("MOBILE_UNCONFIRMED"));

        confirmed(account, "+86 " + mobile, 0);
        websites(account, order).body("version", equalTo(4)).body("ready", equalTo(true))
                .body("findings.ruleId", not(hasItem("MOBILE_UNCONFIRMED")));
        assertEquals(1, WebsiteServiceTest.count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'website.order-readiness-changed.v1' and payload like '%\"version\":4,\"ready\":true%'"));
        // The event again changes nothing: the order is ready, nothing to judge.
        confirmed(account, mobile, 0);
        websites(account, order).body("version", equalTo(4));
    }

    @Test
    void aConfirmationCountsForItsValidityOnly() throws Exception {
        String account = "noa-" + UUID.randomUUID();
        String order = newOrder(account, "NEW_WEBSITE");
        String mobile = mobile();
        confirmed(account, mobile, 181);
        post(account, order, ownPrincipal("李娜的书评", "noa-" + order.substring(0, 8) + ".cn", mobile));
        websites(account, order).body("ready", equalTo(false))
                .body("findings.ruleId", hasItem("MOBILE_UNCONFIRMED"));
        confirmed(account, mobile, 179);
        websites(account, order).body("ready", equalTo(true));
    }

    @Test
    void aChangeAsksOnlyForANewMobileAndACancelAccessForNone() throws Exception {
        String account = "ola-" + UUID.randomUUID();
        String first = newOrder(account, "FIRST_FILING");
        String domain = "ola-" + first.substring(0, 8) + ".cn";
        String filed = mobile();
        // Filed with a mobile this account never confirmed here (website-service does not gate submission).
        String id = post(account, first, ownPrincipal("李娜的书评", domain, filed));
        transition(first, "DRAFT", "INITIAL_REVIEW", "SUBMIT", 1L);
        ack("review-events", "/beian/review-service", first, "authority.approved.v1", """
                {"orderId":"%s","submissionId":"s","subjectFilingNumber":"粤ICP备30000009号","approvedAt":"%s",
                 "websites":[{"websiteId":"%s","name":"李娜的书评","domains":["%s"],"websiteFilingNumber":"粤ICP备30000009号-1"}]}"""
                .formatted(first, TestClock.isoNow(), id, domain));
        transition(first, "AUTHORITY_REVIEW", "APPROVED", "AUTHORITY_APPROVE", null);

        // Cancelling its access enters no data: nothing to confirm.
        String cancel = UUID.randomUUID().toString();
        ack("subject-events", "/beian/subject-service", cancel, "order.created.v1", """
                {"orderId":"%s","accountId":"%s","subjectId":"s-1","type":"CANCEL_ACCESS","province":"GUANGDONG",
                 "nature":"PERSON","state":"DRAFT","createdAt":"%s","websiteFilingNumbers":["粤ICP备30000009号-1"]}"""
                .formatted(cancel, account, TestClock.isoNow()));
        outline(cancel, account, "CANCEL_ACCESS");
        websites(account, cancel).body("websites", hasSize(1)).body("ready", equalTo(true))
                .body("findings.ruleId", not(hasItem("MOBILE_UNCONFIRMED")));

        // A change keeping the approved mobile asks for nothing; another mobile must be confirmed.
        String change = newOrder(account, "CHANGE");
        String websiteId = websites(account, change).body("websites", hasSize(1)).body("ready", equalTo(true))
                .body("findings.ruleId", not(hasItem("MOBILE_UNCONFIRMED"))).extract().path("websites[0].id");
        String fresh = mobile();
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(ownPrincipal("李娜的书评", domain, fresh)).put("/api/v1/orders/" + change + "/websites/" + websiteId)
                .then().statusCode(200);
        websites(account, change).body("ready", equalTo(false))
                .body("findings.find { it.ruleId == 'MOBILE_UNCONFIRMED' }.fieldKey",
                        equalTo("websites[0].principal.mobile"));
        confirmed(account, fresh, 0);
        websites(account, change).body("ready", equalTo(true));
    }

    private ValidatableResponse websites(String account, String order) {
        return as(account, "applicant").get("/api/v1/orders/" + order + "/websites").then().statusCode(200);
    }

    private String post(String account, String order, String body) {
        return as(account, "applicant").contentType(ContentType.JSON).body(body)
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(201).extract().path("id");
    }

    /** notification-service's {@code mobile.confirmed.v1}, confirmed {@code daysAgo} days ago. */
    private void confirmed(String account, String mobile, int daysAgo) {
        ack("notification-events", "/beian/notification-service", account, "mobile.confirmed.v1", """
                {"accountId":"%s","mobileKey":"%s","confirmedAt":"%s"}""".formatted(account,
                Phones.mobileKey(mobile).orElseThrow(), TestClock.iso(Duration.ofDays(-daysAgo))));
    }

    private static String ownPrincipal(String name, String domain, String mobile) {
        return """
                {"name":"%s","domains":["%s"],"homepageUrls":["www.%s"],"serviceContent":"OTHER","preApprovals":[],
                 "languages":["zh-CN"],"remarks":"个人网站，记录读书笔记与书评，不含商业内容","principalSameAsSubject":false,
                 "principal":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s","mobile":"%s",
                  "email":"lina@example.cn"},
                 "serverIds":["srv-1"]}""".formatted(name, domain, domain, LINA, LINA_ID, mobile);
    }

    private String newOrder(String account, String type) {
        String order = UUID.randomUUID().toString();
        ack("subject-events", "/beian/subject-service", order, "order.created.v1", """
                {"orderId":"%s","accountId":"%s","subjectId":"s-1","type":"%s","province":"GUANGDONG",
                 "nature":"PERSON","state":"DRAFT","createdAt":"%s"}"""
                .formatted(order, account, type, TestClock.isoNow()));
        outline(order, account, type);
        return order;
    }

    private void outline(String order, String account, String type) {
        ack("subject-events", "/beian/subject-service", order, "order.subject-outlined.v1", """
                {"orderId":"%s","accountId":"%s","subjectId":"s-1","type":"%s","province":"GUANGDONG",
                 "nature":"PERSON","name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "principal":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                  "mobile":"13800000013","email":"lina@example.cn"},"principalNeedsEmployment":false,"revision":1,
                 "at":"%s"}""".formatted(order, account, type, LINA, LINA_ID, LINA, LINA_ID, TestClock.isoNow()));
    }

    private void transition(String order, String from, String to, String trigger, Long websitesVersion) {
        ack("subject-events", "/beian/subject-service", order, "order.transitioned.v1", """
                {"orderId":"%s","accountId":"a","type":"FIRST_FILING","province":"GUANGDONG","from":"%s","to":"%s",
                 "trigger":"%s","actor":"APPLICANT","websitesVersion":%s,"materialsVersion":1}"""
                .formatted(order, from, to, trigger, websitesVersion));
    }

    private void ack(String channel, String source, String aggregate, String type, String data) {
        events.ack(channel, source, aggregate, type, data);
    }

    private static String mobile() {
        return "1392" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }
}
