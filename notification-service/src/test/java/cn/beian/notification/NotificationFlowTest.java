package cn.beian.notification;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.events.authority.SmsVerificationChanged;
import cn.beian.contract.events.order.OrderCreated;
import cn.beian.contract.events.order.OrderIdleMilestoneReached;
import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.contract.events.review.RejectionReason;
import cn.beian.contract.events.review.ReviewDecided;
import cn.beian.contract.events.snapshot.Person;
import cn.beian.contract.events.snapshot.SubjectSnapshotFrozen;
import cn.beian.contract.events.snapshot.WebsitesSnapshotFrozen;
import cn.beian.contract.events.subject.FilingPasswordTried;
import cn.beian.contract.events.subject.SubjectCheckFindingRaised;
import cn.beian.contract.events.subject.SubjectCreated;
import cn.beian.contract.events.website.PoliceNumberRecorded;
import cn.beian.contract.events.website.WebsiteProbeFindingRaised;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderState;
import cn.beian.contract.order.OrderTrigger;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.Metrics;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import cn.beian.time.BeianClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events in, messages out, on real PostgreSQL, the mock mailbox and the local SMS stand-in over HTTP: who gets
 * what, exactly once, with reasons and numbers; police reminders on the moved clock; quiet hours, rate limits,
 * provider refusals and missing addresses; the delivery log's ownership, filters and masking.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = InMemoryMessagingResource.class,
        initArgs = @ResourceArg(name = "incoming", value = "subject-events,website-events,review-events"))
@WithTestResource(OidcTestResource.class)
@WithTestResource(SmsStandInResource.class)
class NotificationFlowTest {

    static final String SUBJECT_SVC = "/beian/subject-service";
    static final String WEBSITE_SVC = "/beian/website-service";
    static final String REVIEW_SVC = "/beian/review-service";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ObjectMapper mapper;

    @Inject
    MockMailbox mailbox;

    @Inject
    BeianClock clock;

    @BeforeEach
    void atNoon() {
        moveTo(LocalTime.NOON, 0);
    }

    @AfterEach
    void resetClock() {
        clock.setOffset(Duration.ZERO);
    }

    @Test
    void anOrderThroughItsLifeTellsEachPersonWhatConcernsThemOnce() throws Exception {
        Order o = new Order();
        o.open();
        Events.Delivery submit = o.subject(OrderState.DRAFT, OrderState.INITIAL_REVIEW, OrderTrigger.SUBMIT);

        awaitSent(submit.id, 3);
        List<Mail> toAccount = mailbox.getMailsSentTo(o.accountEmail);
        assertEquals(1, toAccount.size());
        assertTrue(toAccount.get(0).getSubject().contains("已提交"), toAccount.get(0).getSubject());
        assertTrue(toAccount.get(0).getText().contains("https://console.beian.example.cn/orders/" + o.orderId));
        assertEquals(1, mailbox.getMailsSentTo(o.principalEmail).size());
        List<Map<String, Object>> sms = sms(o.principalMobile);
        assertEquals(1, sms.size());
        assertEquals("SMS_BEIAN_1001", sms.get(0).get("templateCode"));
        String text = (String) sms.get(0).get("text");
        assertTrue(text.contains("https://b.example.cn/"), text);
        assertTrue(text.length() + "【Beian备案】".length() <= 70, text + " is longer than one segment");
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) sms.get(0).get("templateParam");
        assertTrue(((String) params.get("link")).startsWith("https://b.example.cn/"));
        assertTrue(sms(o.websiteMobile).isEmpty(), "the website principal is not told of the submission");

        // Replaying the event (same id, same sequence) sends nothing more.
        o.replay(submit);
        Events.Delivery reject = o.review("review.initial-rejected.v1", List.of(
                new RejectionReason("websites[0].name", "WEBSITE_NAME_INVALID", "网站名称不能包含“官方”"),
                new RejectionReason("subject.principal.mobile", "MOBILE_UNREACHABLE", "请填写本人实名手机号")));
        awaitSent(reject.id, 3);
        assertEquals(3, count("select count(*) from delivery where event_id = '" + submit.id + "'"));
        assertEquals(1, mailbox.getMailsSentTo(o.accountEmail).stream()
                .filter(m -> m.getSubject().contains("已提交")).count());
        Mail rejected = last(mailbox.getMailsSentTo(o.principalEmail));
        assertTrue(rejected.getText().contains("websites[0].name：网站名称不能包含“官方”（WEBSITE_NAME_INVALID）"),
                rejected.getText());
        assertTrue(rejected.getText().contains("请填写本人实名手机号"));
        assertTrue(rejected.getText().contains("修改后重新提交"), "names the next action");

        // The photo's outcome and the administration's steps concern the website principal too.
        awaitSent(o.review("review.photo-approved.v1", List.of()).id, 5);
        assertEquals(1, sms(o.websiteMobile).size());
        Events.Delivery smsAsked = o.authority("authority.sms-verification-requested.v1",
                new SmsVerificationChanged(o.orderId, "sub-1", clock.now().plusHours(24), clock.now()));
        awaitSent(smsAsked.id, 5);
        Events.Delivery approved = o.authority("authority.approved.v1", new AuthorityApproved(o.orderId, "sub-1",
                "浙ICP备12345678号", List.of(new AuthorityApproved.WebsiteNumber(o.websiteId, "示例网站",
                        List.of("example.cn"), "浙ICP备12345678号-1")), clock.now()));
        awaitSent(approved.id, 5);
        Mail numbers = last(mailbox.getMailsSentTo(o.websiteEmail));
        assertTrue(numbers.getText().contains("浙ICP备12345678号-1"), numbers.getText());
        assertTrue(numbers.getText().contains("公安备案"));

        // Police reminders: day 1, then again at day 7; none after the police number is recorded.
        moveTo(LocalTime.of(13, 0), 1);
        runJobs();
        awaitCount("select count(*) from delivery where kind = 'police.reminder' and order_id = '" + o.orderId
                + "' and status = 'SENT'", 5);
        runJobs();
        assertEquals(5, count("select count(*) from delivery where kind = 'police.reminder' and order_id = '"
                + o.orderId + "'"), "a round finds nothing due twice");
        moveTo(LocalTime.of(13, 0), 7);
        runJobs();
        assertEquals(10, count("select count(*) from delivery where kind = 'police.reminder' and order_id = '"
                + o.orderId + "'"));
        o.website("website.police-number-recorded.v1", o.websiteId, new PoliceNumberRecorded(o.websiteId, o.orderId,
                o.accountId, "浙ICP备12345678号-1", "33010602000001", clock.now()));
        moveTo(LocalTime.of(13, 0), 14);
        runJobs();
        assertEquals(10, count("select count(*) from delivery where kind = 'police.reminder' and order_id = '"
                + o.orderId + "'"));
        assertEquals("POLICE_NUMBER_RECORDED", text("select stop_reason from police_reminder where order_id = '"
                + o.orderId + "'"));
    }

    @Test
    void anApprovedChangeIsToldAsAChangeWithoutPoliceReminders() throws Exception {
        Order o = new Order();
        o.type = FilingType.CHANGE;
        o.open();
        Events.Delivery approved = o.authority("authority.approved.v1", new AuthorityApproved(o.orderId, "sub-1",
                "浙ICP备12345679号", List.of(new AuthorityApproved.WebsiteNumber(o.websiteId, "示例网站",
                        List.of("example.cn", "example.com.cn"), "浙ICP备12345679号-1")), clock.now()));
        awaitSent(approved.id, 5);
        assertEquals(0, count("select count(*) from delivery where kind = 'authority.approved' and order_id = '"
                + o.orderId + "'"));
        Mail told = last(mailbox.getMailsSentTo(o.websiteEmail));
        assertTrue(told.getSubject().contains("变更已获管局通过"), told.getSubject());
        assertTrue(told.getText().contains("浙ICP备12345679号-1"), told.getText());
        assertFalse(told.getText().contains("公安备案"), "a change needs no police filing");
        moveTo(LocalTime.of(13, 0), 1);
        runJobs();
        assertEquals(0, count("select count(*) from delivery where kind = 'police.reminder' and order_id = '"
                + o.orderId + "'"));
    }

    @Test
    void eachNewProbeFindingIsToldOnceToTheApplicantAndTheWebsitesPrincipal() throws Exception {
        Order o = new Order();
        o.open();
        moveTo(LocalTime.of(13, 0), 0); // outside quiet hours: the SMS is not held for the morning
        Events.Delivery shell = o.website("website.probe-finding-raised.v1", o.websiteId,
                new WebsiteProbeFindingRaised(UUID.randomUUID().toString(), o.websiteId, o.orderId, o.accountId,
                        "浙ICP备12345678号-1", "示例网站", "example.cn", "EMPTY_SHELL",
                        "example.cn: serves a parking or default page", clock.now()));
        // the account's e-mail, the subject principal's SMS and e-mail, the website principal's SMS and e-mail
        awaitSent(shell.id, 5);
        List<Map<String, Object>> sms = sms(o.websiteMobile);
        assertEquals(1, sms.size());
        assertEquals("SMS_BEIAN_1030", sms.get(0).get("templateCode"));
        String text = (String) sms.get(0).get("text");
        assertTrue(text.contains("浙ICP备12345678号-1") && text.contains("无实际内容"), text);
        Mail mail = last(mailbox.getMailsSentTo(o.principalEmail));
        assertTrue(mail.getText().contains("没有实际内容") && mail.getText().contains("example.cn"), mail.getText());

        // a content flag is for staff to judge first: nobody is told
        Events.Delivery flag = o.website("website.probe-finding-raised.v1", o.websiteId,
                new WebsiteProbeFindingRaised(UUID.randomUUID().toString(), o.websiteId, o.orderId, o.accountId,
                        "浙ICP备12345678号-1", "示例网站", "example.cn", "CONTENT_FLAG", "company words", clock.now()));
        // a kind this version does not know is still told, worded generically
        Events.Delivery future = o.website("website.probe-finding-raised.v1", o.websiteId,
                new WebsiteProbeFindingRaised(UUID.randomUUID().toString(), o.websiteId, o.orderId, o.accountId,
                        "浙ICP备12345678号-1", "示例网站", "example.cn", "CERTIFICATE_EXPIRED", "x", clock.now()));
        awaitSent(future.id, 5);
        assertEquals(0, count("select count(*) from delivery where event_id = '" + flag.id + "'"));
        assertEquals(4, count("select count(*) from delivery where kind = 'website.probe-finding' and order_id = '"
                + o.orderId + "' and channel = 'SMS'"), "two findings told, each to two numbers");
    }

    @Test
    void theProvidersOwnCancelAccessIsToldAsWhatTheProviderDidOnce() throws Exception {
        Order o = new Order();
        o.open();
        moveTo(LocalTime.of(13, 0), 0); // not urgent: outside quiet hours it goes at once
        Events.Delivery submitted = o.subjectEvent("order.transitioned.v1", new OrderTransitioned(o.orderId,
                o.accountId, FilingType.CANCEL_ACCESS, Province.ZHEJIANG, OrderState.DRAFT, OrderState.INITIAL_REVIEW,
                OrderTrigger.SUBMIT, OrderTrigger.Actor.PROVIDER, null, List.of(), 1L, 1L, TestClock.now(), null));
        // the account's e-mail, the subject principal's SMS and e-mail; not the website principal
        awaitSent(submitted.id, 3);
        List<Map<String, Object>> sms = sms(o.principalMobile);
        assertEquals(1, sms.size());
        assertEquals("SMS_BEIAN_1031", sms.get(0).get("templateCode"));
        String text = (String) sms.get(0).get("text");
        assertTrue(text.contains("空壳") && text.contains("https://b.example.cn/"), text);
        assertTrue(text.length() + "【Beian备案】".length() <= 70, text + " is longer than one segment");
        Mail mail = last(mailbox.getMailsSentTo(o.accountEmail));
        assertTrue(mail.getSubject().contains("取消接入") && mail.getText().contains("无需操作"), mail.getText());
        assertEquals(0, count("select count(*) from delivery where event_id = '" + submitted.id
                + "' and kind <> 'order.provider-cancel-access'"), "not worded as the applicant's own submission");
        assertTrue(sms(o.websiteMobile).isEmpty());
        o.replay(submitted);
        assertEquals(3, count("select count(*) from delivery where event_id = '" + submitted.id + "'"));
    }

    @Test
    void anExpiredPrincipalCertificateIsToldOnceAsAChangeToFile() throws Exception {
        Order o = new Order();
        o.open();
        moveTo(LocalTime.of(13, 0), 0);
        java.time.LocalDate validUntil = clock.now().toLocalDate().minusDays(7);
        Events.Delivery expired = o.send("subject-events", SUBJECT_SVC, o.subjectId, "subject.check-finding-raised.v1",
                new SubjectCheckFindingRaised(UUID.randomUUID().toString(), o.subjectId, o.accountId, o.orderId,
                        "浙ICP备12345678号", "PRINCIPAL_CERTIFICATE_EXPIRED", "principal.certificateValidUntil",
                        validUntil, clock.now())).awaitAck();
        // the account's e-mail, the subject principal's SMS and e-mail
        awaitSent(expired.id, 3);
        List<Map<String, Object>> sms = sms(o.principalMobile);
        assertEquals(1, sms.size());
        assertEquals("SMS_BEIAN_1032", sms.get(0).get("templateCode"));
        String text = (String) sms.get(0).get("text");
        assertTrue(text.contains(validUntil.toString()) && text.contains("变更备案") && text.contains("https://b.example.cn/"),
                text);
        Mail mail = last(mailbox.getMailsSentTo(o.accountEmail));
        assertTrue(mail.getSubject().contains("变更备案") && mail.getText().contains("浙ICP备12345678号"),
                mail.getText());
        assertTrue(sms(o.websiteMobile).isEmpty());
        assertEquals(3, count("select count(*) from delivery where event_id = '" + expired.id
                + "' and kind = 'subject.change-required'"));
    }

    @Test
    void theSubjectsPrincipalIsToldOnceWhenAnotherAccountTriesTheFilingPassword() throws Exception {
        Order o = new Order();
        o.open();
        FilingPasswordTried tried = new FilingPasswordTried(o.subjectId, o.accountId, CertificateType.BUSINESS_LICENSE,
                "913301********0008", "WRONG", 2, clock.now());
        Events.Delivery notice = o.send("subject-events", SUBJECT_SVC, o.subjectId,
                "subject.filing-password-tried.v1", tried).awaitAck();
        awaitSent(notice.id, 2);
        List<Map<String, Object>> sms = sms(o.principalMobile);
        assertEquals(1, sms.size());
        assertEquals("SMS_BEIAN_1018", sms.get(0).get("templateCode"));
        String text = (String) sms.get(0).get("text");
        assertTrue(text.contains("913301********0008") && text.contains("2次") && !text.contains("http"), text);
        List<Mail> mails = mailbox.getMailsSentTo(o.principalEmail);
        assertEquals(1, mails.size());
        assertTrue(mails.get(0).getSubject().contains("备案密码"), mails.get(0).getSubject());
        assertTrue(mailbox.getMailsSentTo(o.accountEmail).isEmpty(), "only the subject's principal is told");
        assertEquals(2, count("select count(*) from delivery where event_id = '" + notice.id
                + "' and kind = 'subject.filing-password-tried' and order_id is null and urgent"));

        // A redelivery of the same event sends nothing more.
        o.events.send("subject-events", Events.event(SUBJECT_SVC, notice.id, o.subjectId, null,
                o.sequences.get(SUBJECT_SVC + o.subjectId), "subject.filing-password-tried.v1",
                mapper.writeValueAsString(tried))).awaitAck();
        assertEquals(2, count("select count(*) from delivery where event_id = '" + notice.id + "'"));
        assertEquals(1, sms(o.principalMobile).size());
        assertEquals(1, mailbox.getMailsSentTo(o.principalEmail).size());
    }

    @Test
    void remindersWaitForTheMorningUnlessAnUrgentMessageFollowsThem() throws Exception {
        Order quiet = new Order();
        quiet.open();
        Order busy = new Order();
        busy.open();
        moveTo(LocalTime.of(23, 30), 0);
        Events.Delivery held = reminder(quiet);
        awaitStatus(held.id, "SMS", "DEFERRED");
        assertEquals(2, count("select count(*) from delivery where event_id = '" + held.id
                + "' and channel = 'EMAIL' and status = 'SENT'"), "e-mail is not held");
        assertTrue(text("select status_reason from delivery where event_id = '" + held.id + "' and channel = 'SMS'")
                .startsWith("QUIET_HOURS"));
        assertTrue(sms(quiet.principalMobile).isEmpty(), "a reminder alone waits for the morning");

        // An urgent outcome does not wait for the morning; the reminder ahead of it goes first rather than after it.
        Events.Delivery carried = reminder(busy);
        Events.Delivery approved = busy.review("review.initial-approved.v1", List.of());
        awaitSent(approved.id, 3);
        awaitStatus(carried.id, "SMS", "SENT");
        assertEquals(List.of("SMS_BEIAN_1005", "SMS_BEIAN_1007"), sms(busy.principalMobile).stream()
                .map(m -> (String) m.get("templateCode")).toList());

        moveTo(LocalTime.of(8, 1), 1);
        runJobs();
        awaitStatus(held.id, "SMS", "SENT");
        assertEquals(1, sms(quiet.principalMobile).size());
    }

    private Events.Delivery reminder(Order o) throws Exception {
        return o.subjectEvent("order.idle-milestone-reached.v1", new OrderIdleMilestoneReached(o.orderId,
                o.accountId, OrderState.AWAITING_PHOTO, 7, clock.now().minusDays(7),
                clock.now().plusDays(38)));
    }

    @Test
    void aNumberOverItsRateLimitIsSuppressedAndVisible() throws Exception {
        String mobile = mobile();
        List<Events.Delivery> submits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Order o = new Order();
            o.principalMobile = mobile;
            o.open();
            submits.add(o.subject(OrderState.DRAFT, OrderState.INITIAL_REVIEW, OrderTrigger.SUBMIT));
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> count("select count(*) from delivery where"
                + " address = '" + mobile + "' and status in ('SENT', 'SUPPRESSED')") == 6);
        assertEquals(5, count("select count(*) from delivery where address = '" + mobile + "' and status = 'SENT'"));
        assertEquals(1, count("select count(*) from delivery where address = '" + mobile
                + "' and status = 'SUPPRESSED' and status_reason like 'RATE_LIMIT%'"));
        assertEquals(5, sms(mobile).size());
    }

    @Test
    void aReviewOutcomeReadBeforeTheOrdersRecipientsWaitsForThemInsteadOfBeingLost() throws Exception {
        // After a restart review-service's topic may be read before subject-service's (found by bin/chaos): the
        // outcome must wait, parked, for the order's recipients, not be logged UNDELIVERABLE and lost.
        Order o = new Order();
        Events.Delivery early = o.review("review.initial-approved.v1", List.of());
        assertEquals(0, count("select count(*) from delivery where event_id = '" + early.id + "'"));
        assertEquals(1, count("select count(*) from inbox_parked where event_id = '" + early.id + "'"));
        o.open();
        as("ops", "admin").contentType("application/json")
                .body(Map.of("source", REVIEW_SVC, "aggregateId", o.orderId))
                .post("/api/v1/admin/parked-events/replay").then().statusCode(200);
        awaitSent(early.id, 3);
        assertEquals(0, count("select count(*) from delivery where event_id = '" + early.id
                + "' and status = 'UNDELIVERABLE'"));
        assertEquals(0, count("select count(*) from inbox_parked where event_id = '" + early.id + "'"));
    }

    @Test
    void missingAddressesAreLoggedAndRefusedNumbersFailVisibly() throws Exception {
        Order o = new Order();
        o.principalMobile = null;
        o.accountEmail = null;
        o.open();
        Events.Delivery submit = o.subject(OrderState.DRAFT, OrderState.INITIAL_REVIEW, OrderTrigger.SUBMIT);
        awaitSent(submit.id, 1);
        assertEquals(2, count("select count(*) from delivery where event_id = '" + submit.id
                + "' and status = 'UNDELIVERABLE' and status_reason like 'NO_ADDRESS%'"));

        double failed = Metrics.scrape().value("beian_notification_deliveries_total", "channel", "SMS",
                "outcome", "failed");
        Order refused = new Order();
        refused.principalMobile = "10000000000";
        refused.open();
        Events.Delivery s2 = refused.subject(OrderState.DRAFT, OrderState.INITIAL_REVIEW, OrderTrigger.SUBMIT);
        awaitStatus(s2.id, "SMS", "FAILED");
        String reason = text("select status_reason from delivery where event_id = '" + s2.id + "' and channel = 'SMS'");
        assertTrue(reason.contains("isv.MOBILE_NUMBER_ILLEGAL"), reason);
        assertEquals(1, count("select attempts from delivery where event_id = '" + s2.id + "' and channel = 'SMS'"),
                "a permanent refusal is not retried");
        // Counted once the outcome is committed: wait for it rather than race it.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Metrics.scrape()
                .value("beian_notification_deliveries_total", "channel", "SMS", "outcome", "failed") == failed + 1);
    }

    @Test
    void malformedEventsAreDeadLetteredAndUnknownOnesSkipped() throws Exception {
        Order o = new Order();
        Events events = new Events(connector);
        Throwable nack = events.send("review-events", Events.event(REVIEW_SVC, UUID.randomUUID().toString(),
                o.orderId, o.orderId, 1, "review.initial-rejected.v1", "{\"orderId\": 42, \"bogus\": true}"))
                .awaitNack();
        assertTrue(nack.getMessage().contains("ReviewDecided"), nack.getMessage());
        events.send("review-events", Events.event(REVIEW_SVC, UUID.randomUUID().toString(), o.orderId, o.orderId, 2,
                "review.teleported.v9", "{}")).awaitAck();
        assertEquals(0, count("select count(*) from delivery where order_id = '" + o.orderId + "'"));
    }

    @Test
    void theDeliveryLogShowsApplicantsTheirOwnMaskedAndAdminsEveryone() throws Exception {
        Order o = new Order();
        o.open();
        Events.Delivery submit = o.subject(OrderState.DRAFT, OrderState.INITIAL_REVIEW, OrderTrigger.SUBMIT);
        awaitSent(submit.id, 3);

        as(o.accountId, "applicant").queryParam("orderId", o.orderId).get("/api/v1/deliveries")
                .then().statusCode(200)
                .body("items.size()", equalTo(3))
                .body("items.kind", everyItem(equalTo("order.submitted")))
                .body("items.status", everyItem(equalTo("SENT")))
                .body("items.address", hasItems(o.principalMobile.substring(0, 3) + "****"
                        + o.principalMobile.substring(7)))
                .body("items.address", not(hasItems(o.principalMobile)))
                .body("items.body", everyItem(nullValue()));
        String id = as(o.accountId, "applicant").queryParam("orderId", o.orderId).queryParam("channel", "SMS")
                .get("/api/v1/deliveries").then().statusCode(200).body("items.size()", equalTo(1))
                .extract().path("items[0].id");
        as(o.accountId, "applicant").get("/api/v1/deliveries/" + id).then().statusCode(200)
                .body("address", equalTo(o.principalMobile))
                .body("body", containsString("https://b.example.cn/"));
        as("someone-else", "applicant").get("/api/v1/deliveries/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        as("someone-else", "applicant").queryParam("orderId", o.orderId).get("/api/v1/deliveries")
                .then().statusCode(200).body("items.size()", equalTo(0));
        as("ops", "admin").queryParam("orderId", o.orderId).queryParam("limit", 2).get("/api/v1/deliveries")
                .then().statusCode(200).body("items.size()", equalTo(2)).body("nextCursor", not(nullValue()));
        as("ops", "admin").get("/api/v1/deliveries/" + id).then().statusCode(200)
                .body("address", not(equalTo(o.principalMobile)));
        as(o.accountId, "applicant").queryParam("status", "LOST").queryParam("channel", "PIGEON")
                .queryParam("orderId", "x").queryParam("accountId", "other").get("/api/v1/deliveries")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("orderId", "status", "channel", "accountId"));
        as("ops", "admin").queryParam("limit", 0).get("/api/v1/deliveries").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as("rita", "reviewer").get("/api/v1/deliveries").then().statusCode(403);
        RestAssured.given().get("/api/v1/deliveries").then().statusCode(401);
    }

    @Test
    void aBadFilterIsWordedInTheCallersLanguage() {
        as("ops", "admin").header("Accept-Language", "en").queryParam("channel", "PIGEON").get("/api/v1/deliveries")
                .then().statusCode(400).body("detail", equalTo("Invalid filters"))
                .body("errors[0].code", equalTo("UNKNOWN_VALUE"))
                .body("errors[0].message", equalTo("channel must be one of [SMS, EMAIL]"));
        as("ops", "admin").queryParam("channel", "PIGEON").get("/api/v1/deliveries")
                .then().statusCode(400).body("detail", equalTo("筛选条件不合法"))
                .body("errors[0].code", equalTo("UNKNOWN_VALUE"))
                .body("errors[0].message", equalTo("channel 必须是以下之一：[SMS, EMAIL]"));
        as("ops", "admin").header("Accept-Language", "en").get("/api/v1/deliveries/" + UUID.randomUUID())
                .then().statusCode(404).body("detail", equalTo("Delivery not found"));
        as("ops", "admin").get("/api/v1/deliveries/" + UUID.randomUUID())
                .then().statusCode(404).body("detail", equalTo("消息不存在"));
    }

    /**
     * Several steps of one order produced back to back, for many orders at once, while 4 dispatch workers send and
     * the SMS provider is slow and refuses a third of first attempts: each person still reads every step in the
     * order its events were produced, on both channels. (The submission comes from subject-service's topic and is
     * applied before review-service's steps, as it must be in life: a reviewer decides only on a submitted order.
     * Events of one producer share a partition per order and are applied in order; see DeliveryClaims.)
     */
    @Test
    void eachAddressHearsTheStepsInTheOrderTheirEventsWereProduced() throws Exception {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Order o = new Order();
            o.open();
            orders.add(o);
        }
        Metrics before = Metrics.scrape();
        SmsStandInResource.faults(0.35, 25);
        try {
            List<Events.Delivery> produced = new ArrayList<>();
            for (Order o : orders) {
                produced.add(o.sendSubject(OrderState.DRAFT, OrderState.INITIAL_REVIEW, OrderTrigger.SUBMIT));
            }
            for (Events.Delivery d : produced) {
                d.awaitAck();
            }
            for (Order o : orders) {
                produced.add(o.sendReview("review.initial-approved.v1"));
                produced.add(o.sendReview("review.photo-approved.v1"));
                produced.add(o.sendAuthority("authority.sms-verification-requested.v1",
                        new SmsVerificationChanged(o.orderId, "sub-1", TestClock.now().plusDays(1),
                                TestClock.now())));
                produced.add(o.sendAuthority("authority.approved.v1", new AuthorityApproved(o.orderId, "sub-1",
                        "浙ICP备20260001号", List.of(new AuthorityApproved.WebsiteNumber(o.websiteId, "示例网站",
                                List.of("example.cn"), "浙ICP备20260001号-1")), TestClock.now())));
            }
            for (Events.Delivery d : produced) {
                d.awaitAck();
            }
            List<String> steps = List.of("SMS_BEIAN_1001", "SMS_BEIAN_1007", "SMS_BEIAN_1009", "SMS_BEIAN_1012",
                    "SMS_BEIAN_1014");
            List<String> kinds = List.of("order.submitted", "review.initial-approved", "review.photo-approved",
                    "authority.sms-verification-requested", "authority.approved");
            for (Order o : orders) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> sms(o.principalMobile).size() >= 5
                        && mailbox.getMailsSentTo(o.principalEmail).size() >= 5);
                assertEquals(steps, sms(o.principalMobile).stream().map(m -> (String) m.get("templateCode")).toList(),
                        "the principal's SMS of order " + o.orderId);
                assertEquals(kinds, mailbox.getMailsSentTo(o.principalEmail).stream()
                        .map(m -> m.getHeaders().get("X-Beian-Kind").get(0)).toList(),
                        "the principal's e-mail of order " + o.orderId);
            }
            assertTrue(count("select count(*) from delivery where channel = 'SMS' and attempts > 1") > 0,
                    "some first attempts were refused and retried (the faults were in play)");
            // The deliveries counter by channel and outcome saw the sends and the retries.
            Metrics after = Metrics.scrape();
            String sms = "beian_notification_deliveries_total";
            assertTrue(after.value(sms, "channel", "SMS", "outcome", "sent")
                    >= before.value(sms, "channel", "SMS", "outcome", "sent") + 12 * 5);
            assertTrue(after.value(sms, "channel", "SMS", "outcome", "retried")
                    > before.value(sms, "channel", "SMS", "outcome", "retried"));
            assertTrue(after.value(sms, "channel", "EMAIL", "outcome", "sent")
                    >= before.value(sms, "channel", "EMAIL", "outcome", "sent") + 12 * 5);
            assertEquals(List.of(), after.idLikeLabels());
        } finally {
            SmsStandInResource.faults(0, 0);
        }
    }

    /**
     * A dispatcher that handed an SMS to the provider and died before recording it leaves the row SENDING; once its
     * lease has run out another dispatcher takes it and first asks the provider about its outId: a message the
     * provider has is recorded as sent, not sent twice; one it lacks is sent. (NotificationRestartIT kills the real
     * process; this pins down both branches.)
     */
    @Test
    void aMessageWhoseDispatcherDiedIsRecordedIfTheProviderHasItAndSentIfNot() throws Exception {
        Order handed = new Order();
        handed.open();
        Events.Delivery first = handed.subject(OrderState.DRAFT, OrderState.INITIAL_REVIEW, OrderTrigger.SUBMIT);
        awaitSent(first.id, 3);
        String providerId = (String) sms(handed.principalMobile).get(0).get("id");
        execute("update delivery set status = 'SENDING', provider_id = null, lease_until = timestamptz '"
                + clock.now().minusMinutes(1) + "' where event_id = '" + first.id + "' and channel = 'SMS'");
        runJobs();
        awaitSent(first.id, 3);
        assertEquals(1, sms(handed.principalMobile).size(), "the provider had it: not sent again");
        assertEquals(providerId, text("select provider_id from delivery where event_id = '" + first.id
                + "' and channel = 'SMS'"));

        Order lost = new Order();
        lost.open();
        Events.Delivery second = lost.subject(OrderState.DRAFT, OrderState.INITIAL_REVIEW, OrderTrigger.SUBMIT);
        awaitSent(second.id, 3);
        // A new id is an outId the provider never saw: as if the dispatcher died before the provider took it.
        execute("update delivery set id = gen_random_uuid(), status = 'SENDING', lease_until = timestamptz '"
                + clock.now().minusMinutes(1) + "' where event_id = '" + second.id + "' and channel = 'SMS'");
        runJobs();
        awaitSent(second.id, 3);
        assertEquals(2, sms(lost.principalMobile).size(), "the provider lacked it: sent");
    }

    @Test
    void aMobileWhoseLastSmsFailedForTheNumbersReasonIsAnnouncedUndeliverableOnceUntilItReceivesAgain()
            throws Exception {
        Order o = new Order();
        o.open();
        String key = cn.beian.validators.Phones.mobileKey(o.principalMobile).orElseThrow();
        String announced = "select count(*) from outbox_event where aggregate_id = '" + o.accountId
                + "' and event_type = 'mobile.undeliverable.v1'";
        SmsStandInResource.unreachable(o.principalMobile, "MOBILE_NOT_ON_SERVICE");
        try {
            Events.Delivery submit = o.subject(OrderState.DRAFT, OrderState.INITIAL_REVIEW, OrderTrigger.SUBMIT);
            awaitSent(submit.id, 3);
            runJobs();
            assertEquals("FAILED", text("select provider_status from delivery where event_id = '" + submit.id
                    + "' and channel = 'SMS'"));
            assertEquals("MOBILE_NOT_ON_SERVICE", text("select provider_error from delivery where event_id = '"
                    + submit.id + "' and channel = 'SMS'"));
            assertEquals(0, count(announced), "one failed SMS is not yet a dead number (2 in a row by default)");

            Events.Delivery withdraw = o.subject(OrderState.INITIAL_REVIEW, OrderState.DRAFT, OrderTrigger.WITHDRAW);
            awaitSent(withdraw.id, 3);
            runJobs();
            assertEquals(1, count(announced));
            String payload = text("select payload from outbox_event where aggregate_id = '" + o.accountId
                    + "' and event_type = 'mobile.undeliverable.v1'");
            assertTrue(payload.contains(key) && payload.contains("MOBILE_NOT_ON_SERVICE"), payload);
            assertFalse(payload.contains(o.principalMobile.substring(3)), "never the number: " + payload);
            assertEquals("beian.notification.events.v1", text("select topic from outbox_event where aggregate_id = '"
                    + o.accountId + "' and event_type = 'mobile.undeliverable.v1'"));

            // The same reports read again (the reading position lost) change nothing; a third failure neither.
            execute("update sms_report_cursor set position = null");
            runJobs();
            Events.Delivery again = o.subject(OrderState.DRAFT, OrderState.INITIAL_REVIEW, OrderTrigger.SUBMIT);
            awaitSent(again.id, 3);
            runJobs();
            assertEquals(1, count(announced), "announced once per mobile");
            assertEquals(3, count("select count(*) from delivery where account_id = '" + o.accountId
                    + "' and channel = 'SMS' and provider_status = 'FAILED'"));

            // Delivered again: forgotten, so that a later run of failures announces it anew.
            SmsStandInResource.unreachable(o.principalMobile, null);
            Events.Delivery delivered = o.subject(OrderState.INITIAL_REVIEW, OrderState.DRAFT, OrderTrigger.WITHDRAW);
            awaitSent(delivered.id, 3);
            runJobs();
            assertEquals("DELIVERED", text("select provider_status from delivery where event_id = '" + delivered.id
                    + "' and channel = 'SMS'"));
            assertEquals(0, count("select count(*) from undeliverable_mobile where account_id = '" + o.accountId
                    + "'"));
            SmsStandInResource.unreachable(o.principalMobile, "MOBILE_IN_BLACK");
            moveTo(LocalTime.of(15, 0), 0); // past the number's hourly SMS limit of the test profile
            for (int i = 0; i < 2; i++) {
                Events.Delivery d = i == 0 ? o.subject(OrderState.DRAFT, OrderState.INITIAL_REVIEW, OrderTrigger.SUBMIT)
                        : o.subject(OrderState.INITIAL_REVIEW, OrderState.DRAFT, OrderTrigger.WITHDRAW);
                awaitSent(d.id, 3);
            }
            runJobs();
            assertEquals(2, count(announced));
        } finally {
            SmsStandInResource.unreachable(o.principalMobile, null);
        }
    }

    @Test
    void failuresThatAreNotTheNumbersMakeNoMobileUndeliverable() throws Exception {
        Order o = new Order();
        o.open();
        SmsStandInResource.unreachable(o.principalMobile, "MOBILE_CLOSED");
        try {
            Events.Delivery submit = o.subject(OrderState.DRAFT, OrderState.INITIAL_REVIEW, OrderTrigger.SUBMIT);
            awaitSent(submit.id, 3);
            Events.Delivery withdraw = o.subject(OrderState.INITIAL_REVIEW, OrderState.DRAFT, OrderTrigger.WITHDRAW);
            awaitSent(withdraw.id, 3);
            runJobs();
            assertEquals(2, count("select count(*) from delivery where account_id = '" + o.accountId
                    + "' and channel = 'SMS' and provider_status = 'FAILED' and provider_error = 'MOBILE_CLOSED'"));
            assertEquals(0, count("select count(*) from outbox_event where aggregate_id = '" + o.accountId
                    + "' and event_type = 'mobile.undeliverable.v1'"), "a handset switched off is not a dead number");
        } finally {
            SmsStandInResource.unreachable(o.principalMobile, null);
        }
    }

    @Test
    void aPrincipalsMobileThatNoLongerReceivesSmsIsToldByEmailOnlyAndOnce() throws Exception {
        Order o = new Order();
        o.open();
        Events.Delivery finding = o.send("subject-events", SUBJECT_SVC, o.subjectId, "subject.check-finding-raised.v1",
                new SubjectCheckFindingRaised(UUID.randomUUID().toString(), o.subjectId, o.accountId, o.orderId,
                        "浙ICP备12345678号", "MOBILE_UNDELIVERABLE", "principal.mobile", null, clock.now()))
                .awaitAck();
        // the account's e-mail and the subject principal's e-mail; no SMS to a number that receives none
        awaitSent(finding.id, 2);
        assertEquals(0, count("select count(*) from delivery where event_id = '" + finding.id
                + "' and channel = 'SMS'"));
        assertTrue(sms(o.principalMobile).isEmpty());
        Mail mail = last(mailbox.getMailsSentTo(o.accountEmail));
        assertTrue(mail.getSubject().contains("无法接收短信") && mail.getText().contains("浙ICP备12345678号")
                && mail.getText().contains("https://console.beian.example.cn/orders/" + o.orderId), mail.getText());
        assertEquals(1, mailbox.getMailsSentTo(o.principalEmail).size());
        assertEquals(2, count("select count(*) from delivery where event_id = '" + finding.id
                + "' and kind = 'subject.mobile-undeliverable'"));
    }

    @Test
    void aWebsitePrincipalsMobileThatNoLongerReceivesSmsIsToldByEmailOnlyAndOnce() throws Exception {
        Order o = new Order();
        o.open();
        moveTo(LocalTime.of(13, 0), 0); // outside quiet hours: an SMS, were there one, would go at once
        WebsiteProbeFindingRaised raised = new WebsiteProbeFindingRaised(UUID.randomUUID().toString(), o.websiteId,
                o.orderId, o.accountId, "浙ICP备12345678号-1", "示例网站", null, "MOBILE_UNDELIVERABLE",
                "principal.mobile: the website principal's mobile no longer receives SMS (MOBILE_NOT_ON_SERVICE)",
                clock.now());
        Events.Delivery finding = o.website("website.probe-finding-raised.v1", o.websiteId, raised);
        // the account's, the subject principal's and the website principal's e-mail; no SMS to anyone
        awaitSent(finding.id, 3);
        assertEquals(0, count("select count(*) from delivery where event_id = '" + finding.id
                + "' and channel = 'SMS'"));
        assertTrue(sms(o.websiteMobile).isEmpty());
        assertTrue(sms(o.principalMobile).isEmpty());
        Mail mail = last(mailbox.getMailsSentTo(o.websiteEmail));
        assertTrue(mail.getSubject().contains("无法接收短信") && mail.getText().contains("浙ICP备12345678号-1")
                && mail.getText().contains("示例网站")
                && mail.getText().contains("https://console.beian.example.cn/orders/" + o.orderId), mail.getText());
        assertEquals(3, count("select count(*) from delivery where event_id = '" + finding.id
                + "' and kind = 'website.mobile-undeliverable' and channel = 'EMAIL'"));

        // the same finding delivered again (a redelivery): told once
        o.events.send("website-events", Events.event(WEBSITE_SVC, finding.id, o.websiteId, o.orderId, 1L,
                "website.probe-finding-raised.v1", mapper.writeValueAsString(raised))).awaitAck();
        assertEquals(3, count("select count(*) from delivery where kind = 'website.mobile-undeliverable' and "
                + "order_id = '" + o.orderId + "'"));
        assertEquals(1, mailbox.getMailsSentTo(o.websiteEmail).size());
    }

    // ------------------------------------------------------------------ helpers

    /** One order's events, each producer's sequence kept per aggregate. */
    final class Order {
        final String orderId = UUID.randomUUID().toString();
        final String subjectId = UUID.randomUUID().toString();
        final String websiteId = UUID.randomUUID().toString();
        final String accountId = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        String accountEmail = accountId + "@account.test";
        String principalMobile = mobile();
        String principalEmail = "p-" + accountId + "@principal.test";
        String websiteMobile = mobile();
        String websiteEmail = "w-" + accountId + "@website.test";
        FilingType type = FilingType.FIRST_FILING;
        private final Map<String, Long> sequences = new HashMap<>();
        private final Events events = new Events(connector);

        void open() throws Exception {
            Person principal = new Person("周八", CertificateType.RESIDENT_ID, "33010619900101123X", principalMobile,
                    principalEmail);
            send("subject-events", SUBJECT_SVC, subjectId, "subject.created.v1", new SubjectCreated(subjectId,
                    accountId, SubjectNature.ENTERPRISE, Province.ZHEJIANG, "杭州示例科技有限公司",
                    CertificateType.BUSINESS_LICENSE, "913301********0008",
                    new SubjectCreated.Contact("周八", principalMobile, principalEmail), TestClock.now()))
                    .awaitAck();
            subjectEvent("order.created.v1", new OrderCreated(orderId, accountId, subjectId, type,
                    Province.ZHEJIANG, SubjectNature.ENTERPRISE, OrderState.DRAFT, TestClock.now())).awaitAck();
            subjectEvent("subject.snapshot-frozen.v1", new SubjectSnapshotFrozen(orderId, accountId, accountEmail,
                    type, Province.ZHEJIANG, 1, new SubjectSnapshotFrozen.Subject(subjectId, null,
                    SubjectNature.ENTERPRISE, "杭州示例科技有限公司", CertificateType.BUSINESS_LICENSE,
                    "91330100MA2XXXXX08", "地址", "地址", "杭州市", "西湖区", null, null, principal, null), List.of(),
                    TestClock.now())).awaitAck();
            website("website.snapshot-frozen.v1", orderId, new WebsitesSnapshotFrozen(orderId, 1, List.of(
                    new WebsitesSnapshotFrozen.Website(websiteId, null, "示例网站", List.of("example.cn"),
                            List.of("https://example.cn"), "其他", List.of(), List.of("zh-CN"), null,
                            new Person("吴九", CertificateType.RESIDENT_ID, "330106199001011234", websiteMobile,
                                    websiteEmail), false, List.of(), List.of(), List.of())), List.of(), TestClock.now()))
                    .awaitAck();
        }

        Events.Delivery subject(OrderState from, OrderState to, OrderTrigger trigger) throws Exception {
            return subjectEvent("order.transitioned.v1", new OrderTransitioned(orderId, accountId,
                    FilingType.FIRST_FILING, Province.ZHEJIANG, from, to, trigger, OrderTrigger.Actor.APPLICANT,
                    accountId, List.of(), 1L, 1L, TestClock.now(), null));
        }

        /** Produces a transition without waiting for it to be applied, as Kafka delivers events back to back. */
        Events.Delivery sendSubject(OrderState from, OrderState to, OrderTrigger trigger) throws Exception {
            return send("subject-events", SUBJECT_SVC, orderId, "order.transitioned.v1", new OrderTransitioned(
                    orderId, accountId, FilingType.FIRST_FILING, Province.ZHEJIANG, from, to, trigger,
                    OrderTrigger.Actor.APPLICANT, accountId, List.of(), 1L, 1L, TestClock.now(), null));
        }

        Events.Delivery sendReview(String type) throws Exception {
            return send("review-events", REVIEW_SVC, orderId, type, new ReviewDecided(orderId, "case-1", "rita",
                    List.of(), TestClock.now()));
        }

        Events.Delivery sendAuthority(String type, Object payload) throws Exception {
            return send("review-events", REVIEW_SVC, orderId, type, payload);
        }

        Events.Delivery subjectEvent(String type, Object payload) throws Exception {
            return send("subject-events", SUBJECT_SVC, orderId, type, payload).awaitAck();
        }

        Events.Delivery review(String type, List<RejectionReason> reasons) throws Exception {
            return send("review-events", REVIEW_SVC, orderId, type, new ReviewDecided(orderId, "case-1", "rita",
                    reasons, TestClock.now())).awaitAck();
        }

        Events.Delivery authority(String type, Object payload) throws Exception {
            return send("review-events", REVIEW_SVC, orderId, type, payload).awaitAck();
        }

        Events.Delivery website(String type, String aggregateId, Object payload) throws Exception {
            return send("website-events", WEBSITE_SVC, aggregateId, type, payload).awaitAck();
        }

        void replay(Events.Delivery original) throws Exception {
            // The same id and sequence again, as a redelivery after a crash would bring it.
            events.send("subject-events", Events.event(SUBJECT_SVC, original.id, orderId, orderId,
                    sequences.get(SUBJECT_SVC + orderId), "order.transitioned.v1", "{}")).awaitAck();
        }

        private Events.Delivery send(String channel, String source, String aggregateId, String type, Object payload)
                throws Exception {
            long seq = sequences.merge(source + aggregateId, 1L, Long::sum);
            Message<String> m = Events.event(source, UUID.randomUUID().toString(), aggregateId,
                    aggregateId.equals(subjectId) ? null : orderId, seq, type, mapper.writeValueAsString(payload));
            return events.send(channel, m);
        }
    }

    private void moveTo(LocalTime time, int daysAhead) {
        ZonedDateTime real = TestClock.now().toZonedDateTime();
        ZonedDateTime target = real.toLocalDate().plusDays(daysAhead).atTime(time).atZone(BeianClock.CHINA);
        clock.setOffset(Duration.between(real, target));
    }

    private void runJobs() {
        as("ops", "admin").post("/api/v1/admin/notification-jobs/run").then().statusCode(200);
    }

    private static void awaitSent(String eventId, int n) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> count("select count(*) from delivery where"
                + " event_id = '" + eventId + "' and status = 'SENT'") == n);
    }

    private static void awaitCount(String sql, long n) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> count(sql) == n);
    }

    private static void awaitStatus(String eventId, String channel, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> count("select count(*) from delivery where"
                + " event_id = '" + eventId + "' and channel = '" + channel + "' and status = '" + status + "'") == 1);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sms(String phone) {
        return RestAssured.given().baseUri(SmsStandInResource.url).queryParam("phone", phone)
                .get("/api/v1/sms/messages").then().statusCode(200).extract().as(List.class);
    }

    private static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    static long count(String sql) throws SQLException {
        try (Connection c = PostgresTestResource.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static void execute(String sql) throws SQLException {
        try (Connection c = PostgresTestResource.connect()) {
            c.createStatement().executeUpdate(sql);
        }
    }

    static String text(String sql) throws SQLException {
        try (Connection c = PostgresTestResource.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
