package cn.beian.national;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.national.client.FeedEntry;
import cn.beian.national.client.FeedEntryType;
import cn.beian.national.client.FeedPage;
import cn.beian.national.client.FilingStatus;
import cn.beian.national.client.NationalSystemsClient;
import cn.beian.national.client.Reason;
import cn.beian.national.client.SubmissionStatus;
import cn.beian.national.client.SubmissionView;
import cn.beian.national.domain.FilingNumbers;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jboss.resteasy.reactive.RestResponse;

/** Submissions end to end: SMS verification, review clock, decisions, numbers, passwords, the feed. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "national"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(SmsGatewayStandIn.class)
class SubmissionFlowTest {

    static final String SMS_CODE = "MIIT_SMS_VERIFICATION";

    @TestHTTPResource("/")
    URI base;

    @Inject
    MockMailbox mailbox;

    NationalSystemsClient client;

    @BeforeEach
    void client() {
        client = TestSupport.client(base);
    }

    @AfterEach
    void resetClock() {
        TestSupport.moveClock("PT0S");
    }

    static String firstFiling(String id, String certificate, String subjectMobile, String websiteMobile, String domain) {
        return """
                {"submissionId":"%s","type":"FIRST_FILING","province":"ZHEJIANG",
                 "subject":{"nature":"PERSON","name":"林小雨","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                   "principal":{"name":"林小雨","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                     "mobile":"%s","email":"%s@example.cn"}},
                 "websites":[{"name":"林小雨的博客","domains":["%s","blog-%s"],"homepageUrls":["http://www.%s"],
                   "principal":{"name":"林小雨","certificateType":"RESIDENT_ID","certificateNumber":"%s","mobile":"%s"}}]}"""
                .formatted(id, certificate, certificate, subjectMobile, id.toLowerCase(), domain, domain, domain,
                        certificate, websiteMobile);
    }

    private long cursor() {
        return client.feed(0, 500, 0).await().atMost(Duration.ofSeconds(5)).cursor();
    }

    private List<FeedEntry> entriesOf(String submissionId, long after) {
        return client.feed(after, 500, 0).await().atMost(Duration.ofSeconds(5)).entries().stream()
                .filter(e -> e.submissionId().equals(submissionId)).toList();
    }

    private static String code(String mobile) {
        return newCode(mobile, 0);
    }

    /** The code of the next verification SMS to a mobile that has had {@code before} of them (a resubmission's). */
    private static String newCode(String mobile, long before) {
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> SmsGatewayStandIn.count(mobile, SMS_CODE) > before);
        return SmsGatewayStandIn.param(mobile, SMS_CODE, "code").orElseThrow();
    }

    private static void verify(String mobile, String code, int status) {
        as("nobody").contentType(ContentType.JSON).body("{\"mobile\":\"%s\",\"code\":\"%s\"}".formatted(mobile, code))
                .post("/api/v1/sms-verifications").then().statusCode(status);
    }

    @Test
    void firstFilingThroughSmsVerificationToApprovalWithNumbersAndPassword() throws Exception {
        long start = cursor();
        String cert = TestSupport.freshResidentId();
        String subjectMobile = TestSupport.freshMobile();
        String websiteMobile = TestSupport.freshMobile();
        String body = firstFiling("SUB-FIRST-1", cert, subjectMobile, websiteMobile, "linxiaoyu-first.cn");

        as("svc", "service").contentType(ContentType.JSON).body(body).post("/api/v1/submissions")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/submissions/SUB-FIRST-1"))
                .body("status", equalTo("SMS_VERIFICATION"))
                .body("smsVerification.principals.size()", equalTo(2))
                .body("smsVerification.principals.mobileMasked", hasItem(subjectMobile.substring(0, 3) + "****"
                        + subjectMobile.substring(7)));
        // A replay answers the same; the same id with another body is a conflict.
        as("svc", "service").contentType(ContentType.JSON).body(body).post("/api/v1/submissions")
                .then().statusCode(200).body("submissionId", equalTo("SUB-FIRST-1"));
        as("svc", "service").contentType(ContentType.JSON).body(body.replace("林小雨的博客", "另一个名字"))
                .post("/api/v1/submissions").then().statusCode(409).body("submissionId", equalTo("SUB-FIRST-1"));
        // The domain is in flight now: another submission naming it conflicts.
        as("svc", "service").contentType(ContentType.JSON)
                .body(firstFiling("SUB-FIRST-1B", TestSupport.freshResidentId(), TestSupport.freshMobile(),
                        TestSupport.freshMobile(), "linxiaoyu-first.cn"))
                .post("/api/v1/submissions").then().statusCode(409)
                .body("errors.code", hasItem("DOMAIN_IN_FLIGHT"))
                .body("errors.field", hasItem("websites[0].domains[0]"));

        // Each principal got a code through the SMS gateway; both verify.
        verify(subjectMobile, code(subjectMobile), 200);
        assertEquals(SubmissionStatus.SMS_VERIFICATION, client.submission("SUB-FIRST-1").await().indefinitely().status());
        verify(websiteMobile, code(websiteMobile), 200);
        SubmissionView review = client.submission("SUB-FIRST-1").await().indefinitely();
        assertEquals(SubmissionStatus.UNDER_REVIEW, review.status());
        assertNotNull(review.reviewDueAt());
        assertTrue(review.reviewDueAt().isAfter(review.receivedAt().plusDays(30)),
                "Zhejiang: 30 business days, at least 6 weeks: " + review.reviewDueAt());

        // The operator approves now.
        as("ops", "admin").post("/api/v1/admin/submissions/SUB-FIRST-1/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        SubmissionView approved = client.submission("SUB-FIRST-1").await().indefinitely();
        String subjectNumber = approved.outcome().subjectFilingNumber();
        assertTrue(FilingNumbers.SUBJECT.matcher(subjectNumber).matches(), subjectNumber);
        assertTrue(subjectNumber.startsWith("浙ICP备"));
        assertEquals(subjectNumber + "-1", approved.outcome().websites().get(0).websiteFilingNumber());
        assertTrue(approved.outcome().passwordIssued());

        // The feed told every step, in order.
        assertEquals(List.of(FeedEntryType.SMS_VERIFICATION_REQUESTED, FeedEntryType.SMS_VERIFIED, FeedEntryType.APPROVED),
                entriesOf("SUB-FIRST-1", start).stream().map(FeedEntry::type).toList());
        FeedEntry last = entriesOf("SUB-FIRST-1", start).get(2);
        assertEquals(subjectNumber, last.outcome().subjectFilingNumber());

        // The password went by SMS and e-mail, and it opens the password check; only its hash is stored.
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> SmsGatewayStandIn.param(subjectMobile, "MIIT_FILING_PASSWORD", "password").isPresent());
        String password = SmsGatewayStandIn.param(subjectMobile, "MIIT_FILING_PASSWORD", "password").orElseThrow();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> !mailbox.getMailsSentTo("sub-first-1@example.cn").isEmpty());
        Mail mail = mailbox.getMailsSentTo("sub-first-1@example.cn").get(0);
        assertTrue(mail.getText().contains(password));
        assertTrue(mail.getSubject().contains(subjectNumber));
        as("svc", "service").contentType(ContentType.JSON)
                .body("{\"subjectFilingNumber\":\"%s\",\"password\":\"%s\"}".formatted(subjectNumber, password))
                .post("/api/v1/registry/password-checks").then().statusCode(200).body("result", equalTo("MATCH"));
        try (Connection c = PostgresTestResource.connect(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from outgoing_message where body like '%" + password + "%' or template_param like '%"
                        + password + "%'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the password is wiped from delivered messages");
        }

        // The registry holds it now; a new website continues the sequence.
        as("svc", "service").get("/api/v1/registry/domains/blog-linxiaoyu-first.cn").then().statusCode(200)
                .body("subject.subjectFilingNumber", equalTo(subjectNumber));
        String newWebsite = """
                {"submissionId":"SUB-FIRST-1-NEW","type":"NEW_WEBSITE","province":"ZHEJIANG",
                 "subject":{"subjectFilingNumber":"%s","nature":"PERSON","name":"林小雨","certificateType":"RESIDENT_ID",
                   "certificateNumber":"%s","principal":{"name":"林小雨","certificateType":"RESIDENT_ID",
                   "certificateNumber":"%s","mobile":"%s"}},
                 "websites":[{"name":"林小雨的相册","domains":["linxiaoyu-photos.cn"],
                   "principal":{"name":"林小雨","certificateType":"RESIDENT_ID","certificateNumber":"%s","mobile":"%s"}}]}"""
                .formatted(subjectNumber, cert, cert, subjectMobile, cert, subjectMobile);
        long codesSent = SmsGatewayStandIn.count(subjectMobile, SMS_CODE);
        as("svc", "service").contentType(ContentType.JSON).body(newWebsite).post("/api/v1/submissions")
                .then().statusCode(201).body("smsVerification.principals.size()", equalTo(1));
        verify(subjectMobile, newCode(subjectMobile, codesSent), 200);
        as("ops", "admin").post("/api/v1/admin/submissions/SUB-FIRST-1-NEW/approve").then().statusCode(200)
                .body("outcome.websites[0].websiteFilingNumber", equalTo(subjectNumber + "-2"))
                .body("outcome.passwordIssued", equalTo(false));
    }

    @Test
    void theSixthWrongCodeReturnsTheSubmission() {
        long start = cursor();
        String mobile = TestSupport.freshMobile();
        String cert = TestSupport.freshResidentId();
        as("svc", "service").contentType(ContentType.JSON)
                .body(firstFiling("SUB-WRONG-1", cert, mobile, mobile, "linxiaoyu-wrong.cn"))
                .post("/api/v1/submissions").then().statusCode(201).body("smsVerification.principals.size()", equalTo(1));
        String right = code(mobile);
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 5; i++) {
            as("nobody").contentType(ContentType.JSON).body("{\"mobile\":\"%s\",\"code\":\"%s\"}".formatted(mobile, wrong))
                    .post("/api/v1/sms-verifications").then().statusCode(400)
                    .body("errors[0].code", equalTo("SMS_CODE_WRONG")).body("remainingAttempts", equalTo(5 - i));
        }
        as("nobody").contentType(ContentType.JSON).body("{\"mobile\":\"%s\",\"code\":\"%s\"}".formatted(mobile, wrong))
                .post("/api/v1/sms-verifications").then().statusCode(409).body("currentState", equalTo("RETURNED"));
        // Even the right code is too late now.
        verify(mobile, right, 404);
        SubmissionView returned = client.submission("SUB-WRONG-1").await().indefinitely();
        assertEquals(SubmissionStatus.RETURNED, returned.status());
        assertEquals(Reason.SMS_NOT_VERIFIED, returned.reasons().get(0).code());
        assertEquals(6, returned.smsVerification().wrongCodes());
        assertEquals(List.of(FeedEntryType.SMS_VERIFICATION_REQUESTED, FeedEntryType.SMS_VERIFICATION_FAILED,
                FeedEntryType.RETURNED), entriesOf("SUB-WRONG-1", start).stream().map(FeedEntry::type).toList());
        // Its domain is free again.
        as("svc", "service").contentType(ContentType.JSON)
                .body("{\"certificateType\":\"RESIDENT_ID\",\"certificateNumber\":\"%s\",\"domains\":[\"linxiaoyu-wrong.cn\"]}"
                        .formatted(cert))
                .post("/api/v1/registry/in-flight-checks").then().statusCode(200)
                .body("subjectInFlight", equalTo(false)).body("anyDomainInFlight", equalTo(false));
    }

    @Test
    void aMissedVerificationDeadlineReturnsTheSubmissionAndTheReviewClockApprovesOnBusinessDays() {
        String lateMobile = TestSupport.freshMobile();
        as("svc", "service").contentType(ContentType.JSON)
                .body(firstFiling("SUB-LATE-1", TestSupport.freshResidentId(), lateMobile, lateMobile, "linxiaoyu-late.cn"))
                .post("/api/v1/submissions").then().statusCode(201);
        String onTimeMobile = TestSupport.freshMobile();
        as("svc", "service").contentType(ContentType.JSON)
                .body(firstFiling("SUB-CLOCK-1", TestSupport.freshResidentId(), onTimeMobile, onTimeMobile,
                        "linxiaoyu-clock.cn").replace("ZHEJIANG", "BEIJING"))
                .post("/api/v1/submissions").then().statusCode(201);
        verify(onTimeMobile, code(onTimeMobile), 200);
        SubmissionView review = client.submission("SUB-CLOCK-1").await().indefinitely();
        assertEquals(SubmissionStatus.UNDER_REVIEW, review.status());

        TestSupport.moveClock("PT24H1M");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client.submission("SUB-LATE-1").await()
                .indefinitely().status() == SubmissionStatus.RETURNED);
        assertEquals(Reason.SMS_NOT_VERIFIED, client.submission("SUB-LATE-1").await().indefinitely().reasons().get(0).code());
        assertEquals(SubmissionStatus.UNDER_REVIEW, client.submission("SUB-CLOCK-1").await().indefinitely().status(),
                "one day is not 20 business days");

        TestSupport.moveClock("P45D");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> client.submission("SUB-CLOCK-1").await()
                .indefinitely().status() == SubmissionStatus.APPROVED);
        assertTrue(client.submission("SUB-CLOCK-1").await().indefinitely().outcome().subjectFilingNumber()
                .startsWith("京ICP备"));
    }

    @Test
    void aConflictIsWordedInTheCallersLanguageWithTheSameCodes() {
        String conflicting = firstFiling("SUB-WORDS-1", TestSupport.freshResidentId(), TestSupport.freshMobile(),
                TestSupport.freshMobile(), "linxiaoyu-words.cn").replace("\"linxiaoyu-words.cn\"", "\"zhangwei-demo.cn\"");
        as("svc", "service").header("Accept-Language", "en").contentType(ContentType.JSON).body(conflicting)
                .post("/api/v1/submissions").then().statusCode(409)
                .body("detail", equalTo("1 conflict(s) with the national registry or open submissions"))
                .body("errors[0].field", equalTo("websites[0].domains[0]"))
                .body("errors[0].code", equalTo("DOMAIN_FILED_UNDER_ANOTHER_SUBJECT"))
                .body("errors[0].message", equalTo("zhangwei-demo.cn is filed under another subject (京ICP备26571321号-1)"));
        as("svc", "service").contentType(ContentType.JSON).body(conflicting)
                .post("/api/v1/submissions").then().statusCode(409)
                .body("detail", equalTo("与全国备案库或未完结的备案提交存在 1 处冲突"))
                .body("errors[0].field", equalTo("websites[0].domains[0]"))
                .body("errors[0].code", equalTo("DOMAIN_FILED_UNDER_ANOTHER_SUBJECT"))
                .body("errors[0].message", equalTo("zhangwei-demo.cn 已在其他主体下备案（京ICP备26571321号-1）"));
        String malformed = firstFiling("SUB-WORDS-2", TestSupport.freshResidentId(), TestSupport.freshMobile(),
                TestSupport.freshMobile(), "linxiaoyu-words2.cn").replace("\"linxiaoyu-words2.cn\"", "\"no_domain\"");
        as("svc", "service").header("Accept-Language", "en").contentType(ContentType.JSON).body(malformed)
                .post("/api/v1/submissions").then().statusCode(400)
                .body("errors[0].field", equalTo("websites[0].domains[0]"))
                .body("errors[0].message", equalTo("must be a domain name such as example.cn"));
        as("svc", "service").contentType(ContentType.JSON).body(malformed)
                .post("/api/v1/submissions").then().statusCode(400)
                .body("errors[0].field", equalTo("websites[0].domains[0]"))
                .body("errors[0].message", equalTo("必须是域名，例如 example.cn"));
        as("svc", "service").header("Accept-Language", "en").get("/api/v1/submissions/SUB-NEVER-SENT")
                .then().statusCode(404).body("detail", equalTo("Submission SUB-NEVER-SENT not found"));
        as("svc", "service").get("/api/v1/submissions/SUB-NEVER-SENT")
                .then().statusCode(404).body("detail", equalTo("备案提交 SUB-NEVER-SENT 不存在"));
    }

    @Test
    void malformedAndConflictingSnapshotsAreRefusedWithReasonsAndNothingIsRecorded() throws Exception {
        long before = count("select count(*) from submission") + count("select count(*) from feed_entry")
                + count("select count(*) from outgoing_message");
        String ok = firstFiling("SUB-BAD-1", TestSupport.freshResidentId(), TestSupport.freshMobile(),
                TestSupport.freshMobile(), "linxiaoyu-bad.cn");
        as("svc", "service").contentType(ContentType.JSON).body(ok.replace("ZHEJIANG", "ATLANTIS"))
                .post("/api/v1/submissions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("province")).body("errors[0].code", equalTo("INVALID_VALUE"));
        as("svc", "service").contentType(ContentType.JSON).body(ok.replace("\"certificateType\":\"RESIDENT_ID\",\"certificateNumber\":\"1",
                        "\"certificateType\":\"ID_CARD\",\"certificateNumber\":\"1"))
                .post("/api/v1/submissions").then().statusCode(400).body("errors[0].code", equalTo("INVALID_VALUE"));
        as("svc", "service").contentType(ContentType.JSON).body(ok.replaceFirst("\"certificateNumber\":\"[0-9X]+\"",
                        "\"certificateNumber\":\"110101199003070012\""))
                .post("/api/v1/submissions").then().statusCode(400)
                .body("errors.field", hasItem("subject.certificateNumber"))
                .body("errors.code", hasItem("CERTIFICATE_NUMBER_INVALID"));
        as("svc", "service").contentType(ContentType.JSON).body("{\"submissionId\":\"SUB-BAD-2\",\"type\":\"FIRST_FILING\"")
                .post("/api/v1/submissions").then().statusCode(400).body("type", containsString("malformed-request"));
        as("svc", "service").contentType(ContentType.JSON).body(ok.replace("\"websites\":[", "\"websitez\":["))
                .post("/api/v1/submissions").then().statusCode(400).body("errors.code", hasItem("UNKNOWN_FIELD"));
        // Conflicts: a domain filed under another subject, a domain in flight elsewhere, a subject already filed.
        as("svc", "service").contentType(ContentType.JSON).body(ok.replace("\"linxiaoyu-bad.cn\"", "\"zhangwei-demo.cn\"")
                        .replace("\"blog-linxiaoyu-bad.cn\"", "\"inflight-elsewhere.cn\""))
                .post("/api/v1/submissions").then().statusCode(409)
                .body("errors.code", hasItems("DOMAIN_FILED_UNDER_ANOTHER_SUBJECT", "DOMAIN_IN_FLIGHT"))
                .body("errors.field", hasItems("websites[0].domains[0]", "websites[0].domains[1]"));
        as("svc", "service").contentType(ContentType.JSON).body(ok.replaceFirst("\"certificateNumber\":\"[0-9X]+\"",
                        "\"certificateNumber\":\"110102198810210115\""))
                .post("/api/v1/submissions").then().statusCode(409).body("errors.code", hasItem("SUBJECT_ALREADY_FILED"));
        // The new-style number where the record has the old one.
        as("svc", "service").contentType(ContentType.JSON).body(ok.replaceFirst("\"certificateNumber\":\"[0-9X]+\"",
                        "\"certificateNumber\":\"510104198506120315\""))
                .post("/api/v1/submissions").then().statusCode(409)
                .body("errors.code", hasItem("CERTIFICATE_NUMBER_OLD_STYLE_ON_RECORD"));
        long after = count("select count(*) from submission") + count("select count(*) from feed_entry")
                + count("select count(*) from outgoing_message");
        assertEquals(before, after, "nothing half-recorded");
    }

    @Test
    void deregistrationAndCancelAccessChangeTheRegistry() {
        // 蓝鲸 (Shandong) is filed here; its first website is live. Cancel its access: no SMS for CANCEL_ACCESS.
        String cancel = """
                {"submissionId":"SUB-CANCEL-1","type":"CANCEL_ACCESS","province":"SHANDONG",
                 "subject":{"subjectFilingNumber":"鲁ICP备23568623号","nature":"ENTERPRISE","name":"济南蓝鲸信息技术有限公司",
                   "certificateType":"BUSINESS_LICENSE","certificateNumber":"913701066499604014",
                   "principal":{"name":"负责人","certificateType":"RESIDENT_ID","certificateNumber":"11010519491231002X",
                   "mobile":"%s"}},
                 "websites":[{"websiteFilingNumber":"鲁ICP备23568623号-1","name":"蓝鲸官方网站","domains":["lanjing-demo.cn"]}]}"""
                .formatted(TestSupport.freshMobile());
        as("svc", "service").contentType(ContentType.JSON).body(cancel).post("/api/v1/submissions").then()
                .statusCode(201).body("status", equalTo("UNDER_REVIEW"));
        as("ops", "admin").post("/api/v1/admin/submissions/SUB-CANCEL-1/approve").then().statusCode(200)
                .body("outcome.websites[0].status", equalTo("EMPTY_SHELL"));
        assertEquals(FilingStatus.EMPTY_SHELL,
                client.filingByDomain("lanjing-demo.cn").await().indefinitely().website().status());

        // Deregister 张伟's second website; reject path for a third order.
        String mobile = TestSupport.freshMobile();
        String dereg = """
                {"submissionId":"SUB-DEREG-1","type":"DEREGISTER_WEBSITE","province":"BEIJING",
                 "subject":{"subjectFilingNumber":"京ICP备26571321号","nature":"PERSON","name":"张伟",
                   "certificateType":"RESIDENT_ID","certificateNumber":"110102198810210115",
                   "principal":{"name":"张伟","certificateType":"RESIDENT_ID","certificateNumber":"110102198810210115",
                   "mobile":"%s"}},
                 "websites":[{"websiteFilingNumber":"京ICP备26571321号-2","name":"张伟的读书笔记","domains":["zhangwei-demoblog.cn"]}]}"""
                .formatted(mobile);
        as("svc", "service").contentType(ContentType.JSON).body(dereg).post("/api/v1/submissions").then().statusCode(201)
                .body("status", equalTo("SMS_VERIFICATION"));
        verify(mobile, code(mobile), 200);
        as("ops", "admin").contentType(ContentType.JSON)
                .body("{\"reasons\":[{\"code\":\"MATERIALS_INCOMPLETE\",\"message\":\"核验单缺失\"}]}")
                .post("/api/v1/admin/submissions/SUB-DEREG-1/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("reasons[0].code", equalTo("MATERIALS_INCOMPLETE"));
        as("ops", "admin").post("/api/v1/admin/submissions/SUB-DEREG-1/approve").then().statusCode(409)
                .body("currentState", equalTo("REJECTED"));
        as("svc", "service").get("/api/v1/registry/domains/zhangwei-demoblog.cn").then().statusCode(200);

        String again = dereg.replace("SUB-DEREG-1", "SUB-DEREG-2");
        long codesSent = SmsGatewayStandIn.count(mobile, SMS_CODE);
        as("svc", "service").contentType(ContentType.JSON).body(again).post("/api/v1/submissions").then().statusCode(201);
        verify(mobile, newCode(mobile, codesSent), 200);
        as("ops", "admin").post("/api/v1/admin/submissions/SUB-DEREG-2/approve").then().statusCode(200)
                .body("outcome.websites[0].status", equalTo("DEREGISTERED"));
        as("svc", "service").get("/api/v1/registry/domains/zhangwei-demoblog.cn").then().statusCode(404);
    }

    @Test
    void aLongPollingConsumerLearnsAnOutcomeWithinASecond() throws Exception {
        String mobile = TestSupport.freshMobile();
        as("svc", "service").contentType(ContentType.JSON)
                .body(firstFiling("SUB-POLL-1", TestSupport.freshResidentId(), mobile, mobile, "linxiaoyu-poll.cn"))
                .post("/api/v1/submissions").then().statusCode(201);
        verify(mobile, code(mobile), 200);
        long cursor = cursor();

        // Nothing new: the wait ends with an empty page and the same cursor.
        long t0 = System.nanoTime();
        FeedPage empty = client.feed(cursor, 10, 1).await().atMost(Duration.ofSeconds(5));
        assertTrue(empty.entries().isEmpty());
        assertEquals(cursor, empty.cursor());
        assertTrue(System.nanoTime() - t0 >= 900_000_000L, "held for the wait");

        CompletableFuture<FeedPage> polling = client.feed(cursor, 10, 30).subscribeAsCompletionStage();
        Thread.sleep(300);
        assertFalse(polling.isDone(), () -> "held while nothing happens, but answered " + polling.join());
        long approvedAt = System.nanoTime();
        as("ops", "admin").post("/api/v1/admin/submissions/SUB-POLL-1/approve").then().statusCode(200);
        FeedPage page = polling.get(5, java.util.concurrent.TimeUnit.SECONDS);
        long latencyMs = (System.nanoTime() - approvedAt) / 1_000_000;
        System.out.printf("Feed long-poll: outcome reached the consumer %d ms after the approval call began%n", latencyMs);
        assertEquals(FeedEntryType.APPROVED, page.entries().get(0).type());
        assertEquals("SUB-POLL-1", page.entries().get(0).submissionId());
        assertTrue(page.cursor() > cursor);
        assertTrue(latencyMs < 5000, "well within the wait: " + latencyMs + " ms");
    }

    @Test
    void replayedSubmissionThroughTheClientIsIdempotent() {
        String mobile = TestSupport.freshMobile();
        String cert = TestSupport.freshResidentId();
        var request = new cn.beian.national.client.SubmissionRequest("SUB-CLIENT-1",
                cn.beian.national.client.SubmissionType.FIRST_FILING, cn.beian.contract.domain.Province.SICHUAN,
                new cn.beian.national.client.SubjectSnapshot(null, cn.beian.contract.domain.SubjectNature.PERSON, "赵六",
                        cn.beian.contract.domain.CertificateType.RESIDENT_ID, cert, null, null,
                        new cn.beian.national.client.PrincipalSnapshot("赵六",
                                cn.beian.contract.domain.CertificateType.RESIDENT_ID, cert, mobile, null)),
                List.of(new cn.beian.national.client.WebsiteSnapshot(null, "赵六的站", List.of("zhaoliu-client.cn"),
                        null, new cn.beian.national.client.PrincipalSnapshot("赵六",
                                cn.beian.contract.domain.CertificateType.RESIDENT_ID, cert, mobile, null))));
        RestResponse<SubmissionView> first = client.submit(request).await().atMost(Duration.ofSeconds(10));
        assertEquals(201, first.getStatus());
        RestResponse<SubmissionView> replay = client.submit(request).await().atMost(Duration.ofSeconds(10));
        assertEquals(200, replay.getStatus());
        assertEquals(first.getEntity().receivedAt().toInstant(), replay.getEntity().receivedAt().toInstant());
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> SmsGatewayStandIn.count(mobile, SMS_CODE) == 1);
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertEquals(1, SmsGatewayStandIn.count(mobile, SMS_CODE), "a replay sends no second code");
    }

    static long count(String sql) throws Exception {
        try (Connection c = PostgresTestResource.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
