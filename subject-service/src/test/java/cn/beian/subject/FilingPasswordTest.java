package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.national.client.CertificateMatch;
import cn.beian.national.client.DomainFiling;
import cn.beian.national.client.FilingStatus;
import cn.beian.national.client.NationalSystemsClient;
import cn.beian.national.client.PasswordCheckRequest;
import cn.beian.national.client.PasswordCheckResult;
import cn.beian.national.client.SubjectFiling;
import cn.beian.national.client.WebsiteFiling;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import cn.beian.time.BeianClock;
import cn.beian.validators.ResidentIdNumbers;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Access filings and subject deregistrations need the filing password, checked with the national system when the
 * order is created; Beian keeps only the fact that it matched. Beian limits the tries itself, before the
 * administration is asked (defaults: 2 wrong tries per account and subject per 24 h; strangers together 2, and never
 * more than 2 on the administration's count of 5), and tells the owner when a stranger tries.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class FilingPasswordTest {

    private static final String PASSWORD = "Secret#20261123";
    private static final String ACCESS_DOMAIN = "chu-elsewhere.cn";
    private static final Set<String> USED = ConcurrentHashMap.newKeySet();

    @InjectMock
    @RestClient
    NationalSystemsClient national;

    @Inject
    BeianClock clock;

    @AfterEach
    void resetClock() {
        clock.setOffset(Duration.ZERO);
    }

    /** Nothing filed or in flight anywhere, unless a test says otherwise ({@link #filedElsewhere}). */
    @BeforeEach
    void registry() {
        Registry.knowsNothing(national);
    }

    /**
     * The subject holding {@code certificate} and its website on {@link #ACCESS_DOMAIN} are filed at another provider:
     * an order about that domain is an access filing (decided by the server, docs/domain.md §2).
     */
    private void filedElsewhere(String certificate) {
        WebsiteFiling website = new WebsiteFiling("京ICP备12345678号-1", "站", FilingStatus.NORMAL, "ALIYUN", false,
                List.of(ACCESS_DOMAIN), "褚十四", null);
        SubjectFiling subject = new SubjectFiling("京ICP备12345678号", FilingStatus.NORMAL, SubjectNature.PERSON, "褚十四",
                Province.BEIJING, CertificateType.RESIDENT_ID, certificate, CertificateMatch.EXACT, "ALIYUN", false,
                "褚十四", true, null, List.of(website));
        when(national.subjectByCertificate(any(), eq(certificate))).thenReturn(Uni.createFrom().item(subject));
        when(national.filingByDomain(ACCESS_DOMAIN)).thenReturn(Uni.createFrom().item(new DomainFiling(ACCESS_DOMAIN,
                subject, website)));
    }

    /** A valid resident ID no other test uses: each test's subject has tries of its own. */
    static String certificate() {
        while (true) {
            String first17 = "11010119850715" + "%03d".formatted(ThreadLocalRandom.current().nextInt(2, 999));
            String id = first17 + ResidentIdNumbers.checkDigit(first17);
            if (USED.add(id)) {
                return id;
            }
        }
    }

    private static String account(String certificate) {
        String account = "pw-" + UUID.randomUUID();
        as(account, "applicant").contentType(ContentType.JSON)
                .body(SubjectResourceTest.subjectWith("褚十四", certificate))
                .post("/api/v1/subjects").then().statusCode(201);
        return account;
    }

    private static String account() {
        return account(certificate());
    }

    /** An account whose subject the administration approved here: it owns the certificate's tries. */
    private static String owner(String certificate) throws Exception {
        String account = account(certificate);
        try (var c = PostgresTestResource.connect()) {
            c.createStatement().executeUpdate("update subject set filing_number = '京ICP备"
                    + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)) + "号', approved_at = now() "
                    + "where account_id = '" + account + "'");
        }
        return account;
    }

    private static io.restassured.response.ValidatableResponse open(String account, String type, String password) {
        String domains = "ACCESS_FILING".equals(type) ? ",\"domains\":[\"" + ACCESS_DOMAIN + "\"]" : "";
        String body = password == null ? "{\"type\":\"%s\"%s}".formatted(type, domains)
                : "{\"type\":\"%s\",\"filingPassword\":\"%s\"%s}".formatted(type, password, domains);
        return as(account, "applicant").contentType(ContentType.JSON).body(body).post("/api/v1/orders").then();
    }

    private static io.restassured.response.ValidatableResponse wrong(String account) {
        return open(account, "DEREGISTER_SUBJECT", "nope-" + UUID.randomUUID());
    }

    private static void answer(NationalSystemsClient national, PasswordCheckResult.Result result, int left) {
        when(national.checkPassword(any())).thenReturn(Uni.createFrom().item(new PasswordCheckResult(result,
                "京ICP备12345678号", left, result == PasswordCheckResult.Result.LOCKED ? TestClock.now().plusHours(24) : null)));
    }

    /** The administration as the stand-in behaves: 5 wrong passwords from anyone lock the check, a match resets. */
    private AtomicInteger administration() {
        AtomicInteger failures = new AtomicInteger();
        when(national.checkPassword(any())).thenAnswer(inv -> {
            PasswordCheckRequest r = inv.getArgument(0);
            return Uni.createFrom().item(() -> {
                if (PASSWORD.equals(r.password())) {
                    failures.set(0);
                    return new PasswordCheckResult(PasswordCheckResult.Result.MATCH, "京ICP备12345678号", 5, null);
                }
                int f = failures.incrementAndGet();
                return new PasswordCheckResult(PasswordCheckResult.Result.MISMATCH, "京ICP备12345678号",
                        Math.max(0, 5 - f), f >= 5 ? TestClock.now().plusHours(24) : null);
            }).onItem().delayIt().by(Duration.ofMillis(30));
        });
        return failures;
    }

    private static long count(String sql) throws Exception {
        return SubjectResourceTest.count(sql);
    }

    private static String subjectOf(String account) throws Exception {
        try (var c = PostgresTestResource.connect(); var rs = c.createStatement()
                .executeQuery("select id from subject where account_id = '" + account + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void anAccessFilingWithoutThePasswordIsRefused() throws Exception {
        String certificate = certificate();
        String account = account(certificate);
        filedElsewhere(certificate);
        open(account, "ACCESS_FILING", null).statusCode(400)
                .body("errors[0].field", equalTo("filingPassword"))
                .body("errors[0].code", equalTo("FILING_PASSWORD_REQUIRED"));
        assertEquals(0, count("select count(*) from filing_order where account_id = '" + account + "'"));
        verify(national, never()).checkPassword(any());
    }

    @Test
    void aWrongPasswordSaysHowManyTriesAreLeftAndALockedCheckIsAConflictWithoutAskingAgain() throws Exception {
        String account = owner(certificate());
        answer(national, PasswordCheckResult.Result.MISMATCH, 3);
        open(account, "DEREGISTER_SUBJECT", "nope").statusCode(400)
                .body("errors[0].code", equalTo("FILING_PASSWORD_WRONG"))
                .body("remainingAttempts", equalTo(1));
        answer(national, PasswordCheckResult.Result.LOCKED, 0);
        open(account, "DEREGISTER_SUBJECT", "nope").statusCode(409)
                .body("code", equalTo("FILING_PASSWORD_LOCKED"))
                .body("remainingAttempts", equalTo(0))
                .body("lockedUntil", notNullValue());
        // Beian remembers the lock: the next try is refused without asking the administration.
        open(account, "DEREGISTER_SUBJECT", "nope").statusCode(409).body("code", equalTo("FILING_PASSWORD_LOCKED"));
        verify(national, times(2)).checkPassword(any());
        assertEquals(0, count("select count(*) from filing_order where account_id = '" + account + "'"));
    }

    @Test
    void theTryThatLocksTheAdministrationSaysLockedAtOnce() throws Exception {
        String account = owner(certificate());
        // The administration's count already stands at 4 (other providers' tries, say): this wrong try locks it.
        when(national.checkPassword(any())).thenReturn(Uni.createFrom().item(new PasswordCheckResult(
                PasswordCheckResult.Result.MISMATCH, "京ICP备12345678号", 0, TestClock.now().plusHours(24))));
        open(account, "DEREGISTER_SUBJECT", "nope").statusCode(409)
                .body("code", equalTo("FILING_PASSWORD_LOCKED"))
                .body("errors[0].code", equalTo("FILING_PASSWORD_WRONG"))
                .body("remainingAttempts", equalTo(0))
                .body("lockedUntil", notNullValue());
        open(account, "DEREGISTER_SUBJECT", "nope").statusCode(409);
        verify(national, times(1)).checkPassword(any());
    }

    @Test
    void aMatchingPasswordOpensTheOrderAndIsStoredNowhere() throws Exception {
        String certificate = certificate();
        String account = account(certificate);
        filedElsewhere(certificate);
        answer(national, PasswordCheckResult.Result.MATCH, 5);
        String order = open(account, "ACCESS_FILING", PASSWORD).statusCode(201).extract().path("id");
        // The record the type was decided from is the one the order keeps: the registry is asked once.
        verify(national, times(1)).subjectByCertificate(any(), eq(certificate));
        assertEquals(1, count("select count(*) from filing_order where id = '" + order
                + "' and filing_password_verified_at is not null"));
        // Pre-filled from the existing filing: the subject's number and the website the order takes over.
        assertEquals(1, count("select count(*) from filing_order where id = '" + order
                + "' and registry_subject_number = '京ICP备12345678号' and websites = '[\"京ICP备12345678号-1\"]'"));
        for (String table : List.of("outbox_event where payload", "order_transition where reasons",
                "filing_password_try where account_id", "filing_password_guard where subject_key")) {
            assertEquals(0, count("select count(*) from " + table + " like '%" + PASSWORD + "%'"));
        }
        // The subject comes from the existing filing: editing it while the access filing is open is refused.
        var subject = as(account, "applicant").get("/api/v1/subjects").then().statusCode(200).extract();
        String subjectId = subject.path("items[0].id");
        String tag = as(account, "applicant").get("/api/v1/subjects/" + subjectId).then().extract().header("ETag");
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", tag)
                .body(SubjectResourceTest.subjectWith("褚十四", certificate)).put("/api/v1/subjects/" + subjectId)
                .then().statusCode(409).body("code", org.hamcrest.Matchers.equalTo("DATA_FROM_EXISTING_FILING"));
        // Whoever proves the password first owns the subject's tries.
        assertEquals(1, count("select count(*) from filing_password_guard where owner_account_id = '" + account + "'"));
        // Types that need no password never ask for one.
        open(account(), "FIRST_FILING", null).statusCode(201);
    }

    @Test
    void strangersCannotSpendTheOwnersTriesAndTheOwnerIsToldOnce() throws Exception {
        String certificate = certificate();
        String owner = owner(certificate);
        String first = account(certificate);
        String second = account(certificate);
        String third = account(certificate);
        AtomicInteger administration = administration();

        wrong(first).statusCode(400).body("errors[0].code", equalTo("FILING_PASSWORD_WRONG"))
                .body("remainingAttempts", equalTo(1));
        // The strangers' second wrong try uses their shared budget up: the answer says so at once.
        ExtractableResponse<Response> last = wrong(second).statusCode(429)
                .body("code", equalTo("FILING_PASSWORD_TRIES_EXHAUSTED"))
                .body("errors[0].code", equalTo("FILING_PASSWORD_WRONG"))
                .body("remainingAttempts", equalTo(0)).extract();
        long retryAfter = Long.parseLong(last.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= Duration.ofHours(24).toSeconds(), "Retry-After " + retryAfter);
        // Any further stranger is refused without asking the administration.
        wrong(third).statusCode(429).header("Retry-After", notNullValue())
                .body("type", equalTo("https://beian.example.cn/problems/too-many-requests"))
                .body("code", equalTo("FILING_PASSWORD_TRIES_EXHAUSTED"))
                .body("errors[0].field", equalTo("filingPassword"))
                .body("errors[0].code", equalTo("FILING_PASSWORD_TRIES_EXHAUSTED"));
        wrong(first).statusCode(429);
        assertEquals(2, administration.get(), "strangers reached the administration twice");

        // The owner still has tries of their own, and the administration is never locked through Beian.
        wrong(owner).statusCode(400).body("remainingAttempts", equalTo(1));
        wrong(owner).statusCode(429).body("code", equalTo("FILING_PASSWORD_TRIES_EXHAUSTED"));
        assertEquals(4, administration.get());
        verify(national, times(4)).checkPassword(any());

        // The owner was told once (at most one notice an hour), with the certificate masked and no password.
        String subject = subjectOf(owner);
        String where = " from outbox_event where event_type = 'subject.filing-password-tried.v1' and aggregate_id = '"
                + subject + "'";
        assertEquals(1, count("select count(*)" + where));
        assertEquals(1, count("select count(*)" + where + " and payload like '%110101*%' and payload not like '%"
                + certificate + "%' and payload not like '%nope-%'"));
    }

    @Test
    void theWindowRunsOnTheClockButStrangersStayBelowTheAdministrationsCountUntilTheOwnerMatches() throws Exception {
        String certificate = certificate();
        String owner = owner(certificate);
        String stranger = account(certificate);
        AtomicInteger administration = administration();

        wrong(owner).statusCode(400).body("remainingAttempts", equalTo(1));
        wrong(owner).statusCode(429);
        wrong(owner).statusCode(429);
        assertEquals(2, administration.get());
        // The owner's own tries tell nobody.
        assertEquals(0, count("select count(*) from outbox_event where event_type = 'subject.filing-password-tried.v1'"
                + " and aggregate_id = '" + subjectOf(owner) + "'"));

        clock.setOffset(Duration.ofHours(24).plusMinutes(1));
        // A new window: the owner may try again (the administration counts 3 of 5 after it) ...
        wrong(owner).statusCode(400).body("remainingAttempts", equalTo(1));
        // ... but a stranger may not push the administration's count past 2, whatever the window says.
        wrong(stranger).statusCode(429).body("code", equalTo("FILING_PASSWORD_TRIES_EXHAUSTED"));
        assertEquals(3, administration.get());

        // The owner's match resets the administration's count: strangers get their (small) budget back.
        open(owner, "DEREGISTER_SUBJECT", PASSWORD).statusCode(201);
        wrong(stranger).statusCode(400).body("remainingAttempts", equalTo(1));
        assertEquals(1, administration.get());
    }

    @Test
    void parallelWrongTriesFromManyAccountsNeverExceedTheLimit() throws Exception {
        String certificate = certificate();
        owner(certificate);
        List<String> strangers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            strangers.add(account(certificate));
        }
        AtomicInteger administration = administration();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String s : strangers) {
                answers.add(pool.submit(() -> wrong(s).extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(2, administration.get(), "statuses " + statuses);
            // Each answer is 429 but for at most one 400 (a wrong try answered while the other was still pending
            // already says none are left).
            assertTrue(statuses.stream().filter(s -> s == 400).count() <= 1, "statuses " + statuses);
            assertTrue(statuses.stream().allMatch(s -> s == 400 || s == 429), "statuses " + statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, count("select count(*) from filing_password_try where subject_key = 'RESIDENT_ID:"
                + certificate + "' and outcome = 'WRONG'"));
        assertEquals(6, count("select count(*) from filing_password_try where subject_key = 'RESIDENT_ID:"
                + certificate + "' and outcome = 'REFUSED'"));
    }
}
