package cn.beian.website;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import cn.beian.national.client.NationalSystemsClient;
import cn.beian.testing.InMemoryEvents;
import cn.beian.testing.TestClock;
import cn.beian.website.service.HostingApi;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.website.service.WebsiteProbeJob;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Probes of filed websites in the service: a local test server stands in for the sites (the test profile sends
 * every probe to 127.0.0.1:38199), the pages switched between good, missing footer and empty shell. Findings open,
 * are announced once, are seen on the filed website and in the staff list, and resolve; the job's claims; the rules'
 * existing-site facts.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "website"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class WebsiteProbeTest {

    static final int STAND_IN_PORT = 38199;
    static final String BODY = "<main>李娜的读书笔记：记录读过的书与书评，欢迎交流。</main>";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    WebsiteProbeJob job;

    @InjectMock
    @RestClient
    NationalSystemsClient national;

    @InjectMock
    @RestClient
    HostingApi hosting;

    private InMemoryEvents events;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private Vertx vertx;

    @BeforeEach
    void start() throws Exception {
        events = new InMemoryEvents(connector);
        HostingStub.resolvesEverything(hosting, TestClock.now());
        when(national.domainRegistration(anyString())).thenAnswer(inv -> Uni.createFrom().item(
                WebsiteServiceTest.registration(inv.getArgument(0), WebsiteServiceTest.LINA,
                        WebsiteServiceTest.LINA_ID)));
        when(national.filingByDomain(anyString())).thenReturn(Uni.createFrom().failure(new NotFoundException()));
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(req -> {
            String host = req.host() == null ? "" : req.host().replaceAll(":\\d+$", "");
            req.response().putHeader("Content-Type", "text/html; charset=utf-8").end(pages.getOrDefault(host, ""));
        });
        server.listen(STAND_IN_PORT, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void findingsOpenOnceShowOnTheWebsiteAndInTheStaffListAndResolve() throws Exception {
        String account = "lina-" + UUID.randomUUID();
        String domain = "lina-" + account.substring(5, 13) + ".cn";
        String number = "粤ICP备" + (40000000 + Math.abs(domain.hashCode() % 9999999)) + "号";
        String filedId = approve(account, domain, number, 0);
        pages.put(domain, good(number + "-1"));

        probe(filedId).body("findings", hasSize(0)).body("domains[0].showsNumber", equalTo(true))
                .body("domains[0].linksToMiit", equalTo(true));

        pages.put(domain, "<html><body>" + BODY + "<footer>© 2026</footer></body></html>");
        probe(filedId).body("findings.kind", equalTo(List.of("NUMBER_MISSING")));
        probe(filedId).body("findings.kind", equalTo(List.of("NUMBER_MISSING")));
        assertEquals(1, raised(filedId), "announced once, however often it is seen");
        assertEquals(1, count("select count(*) from probe_finding where filed_website_id = '" + filedId + "'"));

        // the owner sees it on the website; another applicant cannot read it
        as(account, "applicant").get("/api/v1/filed-websites").then().statusCode(200)
                .body("items[0].findings.kind", equalTo(List.of("NUMBER_MISSING")));
        as("mallory-" + UUID.randomUUID(), "applicant").get("/api/v1/filed-websites/" + filedId + "/findings")
                .then().statusCode(404);
        // staff: the list of filings at risk, by kind
        as("rita", "reviewer").get("/api/v1/filed-websites/at-risk?kind=NUMBER_MISSING&limit=100").then()
                .statusCode(200).body("items.filedWebsiteId", hasItem(filedId));
        as("rita", "reviewer").get("/api/v1/filed-websites/at-risk?kind=EMPTY_SHELL&limit=100").then()
                .statusCode(200).body("items.filedWebsiteId", not(hasItem(filedId)));
        as("rita", "reviewer").get("/api/v1/filed-websites/at-risk?kind=BOGUS").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        as(account, "applicant").get("/api/v1/filed-websites/at-risk").then().statusCode(403);
        as(account, "applicant").post("/api/v1/filed-websites/" + filedId + "/probes").then().statusCode(403);

        // an empty shell: the missing number is replaced by the shell (resolved, a new finding announced)
        pages.put(domain, "");
        probe(filedId).body("findings.kind", equalTo(List.of("EMPTY_SHELL")));
        assertEquals(2, raised(filedId));
        as(account, "applicant").get("/api/v1/filed-websites/" + filedId + "/findings").then().statusCode(200)
                .body("kind", equalTo(List.of("EMPTY_SHELL", "NUMBER_MISSING")))
                .body("[1].resolvedAt", org.hamcrest.Matchers.notNullValue());
        // an empty shell becomes a cancel-access proposal only after its grace period (30 days)
        as("rita", "reviewer").get("/api/v1/filed-websites/at-risk?proposals=true&limit=100").then().statusCode(200)
                .body("items.filedWebsiteId", not(hasItem(filedId)));
        update("update probe_finding set first_seen_at = first_seen_at - interval '31 days' where filed_website_id = '"
                + filedId + "' and kind = 'EMPTY_SHELL' and resolved_at is null");
        as("rita", "reviewer").get("/api/v1/filed-websites/at-risk?proposals=true&limit=100").then().statusCode(200)
                .body("items.find { it.filedWebsiteId == '" + filedId + "' }.ageDays", equalTo(31))
                .body("items.find { it.filedWebsiteId == '" + filedId + "' }.findings.kind",
                        equalTo(List.of("EMPTY_SHELL")));

        pages.put(domain, good(number + "-1"));
        probe(filedId).body("findings", hasSize(0));
        as("rita", "reviewer").get("/api/v1/filed-websites/at-risk?limit=100").then().statusCode(200)
                .body("items.filedWebsiteId", not(hasItem(filedId)));
        assertEquals(0, count("select count(*) from probe_finding where filed_website_id = '" + filedId
                + "' and resolved_at is null"));
    }

    @Test
    void anEmptyShellStillSeenPastItsGraceIsAnnouncedOnceAndEveryResolutionToo() throws Exception {
        String account = "lina-" + UUID.randomUUID();
        String domain = "shell-" + account.substring(5, 13) + ".cn";
        String number = "粤ICP备" + (60000000 + Math.abs(domain.hashCode() % 9999999)) + "号";
        String filedId = approve(account, domain, number, 0);
        pages.put(domain, "");
        try {
            probe(filedId).body("findings.kind", equalTo(List.of("EMPTY_SHELL")))
                    .body("findings[0].pastGraceAt", nullValue());
            String finding = as("rita", "reviewer").get("/api/v1/filed-websites/" + filedId + "/findings").then()
                    .extract().path("[0].id");
            // within the 30-day grace: seen again, nothing announced
            clock("P29D");
            probe(filedId).body("findings.find { it.kind == 'EMPTY_SHELL' }.pastGraceAt", nullValue());
            assertEquals(0, events(filedId, "website.empty-shell-past-grace.v1"));

            // past it: the first probe that sees it again announces it, once
            clock("P31D");
            probe(filedId).body("findings.find { it.kind == 'EMPTY_SHELL' }.pastGraceAt", notNullValue());
            probe(filedId);
            assertEquals(1, events(filedId, "website.empty-shell-past-grace.v1"));
            assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + filedId
                    + "' and event_type = 'website.empty-shell-past-grace.v1' and payload like '%\"findingId\":\""
                    + finding + "\"%' and payload like '%\"websiteFilingNumber\":\"" + number + "-1\"%'"));

            // content again: every open finding resolved is announced, once
            pages.put(domain, good(number + "-1"));
            probe(filedId).body("findings.kind", not(hasItem("EMPTY_SHELL")));
            probe(filedId);
            assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + filedId
                    + "' and event_type = 'website.probe-finding-resolved.v1' and payload like '%\"findingId\":\""
                    + finding + "\"%' and payload like '%\"kind\":\"EMPTY_SHELL\"%'"));

            // an empty shell again is a new finding with a grace of its own
            pages.put(domain, "");
            probe(filedId).body("findings.find { it.kind == 'EMPTY_SHELL' }.pastGraceAt", nullValue());
            assertEquals(1, events(filedId, "website.empty-shell-past-grace.v1"));
        } finally {
            clock("PT0S");
        }
    }

    /** Moves the service's business clock to {@code offset} from now (the platform's clock control). */
    private static void clock(String offset) {
        as("ada", "admin").contentType(ContentType.JSON).body("{\"offset\":\"" + offset + "\"}")
                .put("/api/v1/admin/clock").then().statusCode(200);
    }

    private static long events(String filedId, String type) throws SQLException {
        return count("select count(*) from outbox_event where aggregate_id = '" + filedId + "' and event_type = '"
                + type + "'");
    }

    @Test
    void accessLapsesWhenEveryServerOfTheWebsiteHasExpired() throws Exception {
        String account = "lina-" + UUID.randomUUID();
        String own = "own-" + account.substring(5, 13) + ".cn";
        String number = "粤ICP备" + (70000000 + Math.abs(own.hashCode() % 9999999)) + "号";
        String ownId = approve(account, own, number, 0);
        String borrower = "lina-" + UUID.randomUUID();
        String borrowed = "code-" + borrower.substring(5, 13) + ".cn";
        String codeId = approve(borrower, borrowed, number.replace("粤", "京"), 0,
                WebsiteServiceTest.website("李娜的读书笔记", borrowed).replace("\"serverIds\":[\"srv-1\"]",
                        "\"serverIds\":[],\"authorizationCodes\":[\"ABCDEFGHJKMNPQRS\"]"));
        pages.put(own, good(number + "-1"));
        pages.put(borrowed, good(number.replace("粤", "京") + "-1"));
        try {
            probe(ownId).body("findings.kind", not(hasItem("SERVER_EXPIRED")));
            // the stand-in's servers expire a year after the test clock's now
            clock("P366D");
            probe(ownId).body("findings.kind", hasItem("SERVER_EXPIRED"))
                    .body("findings.kind", not(hasItem("AUTHORIZATION_CODE_SERVER_GONE")));
            probe(codeId).body("findings.kind", hasItem("AUTHORIZATION_CODE_SERVER_GONE"))
                    .body("findings.kind", not(hasItem("SERVER_EXPIRED")));
            probe(ownId);
            assertEquals(1, raised(ownId, "SERVER_EXPIRED"), "told once");
        } finally {
            clock("PT0S");
        }
    }

    @Test
    void aWebsitePrincipalsCertificatePastItsValidityIsFoundOnce() throws Exception {
        String account = "lina-" + UUID.randomUUID();
        String domain = "cert-" + account.substring(5, 13) + ".cn";
        String number = "粤ICP备" + (80000000 + Math.abs(domain.hashCode() % 9999999)) + "号";
        String validUntil = TestClock.today().plusDays(10).toString();
        String filedId = approve(account, domain, number, 0, WebsiteServiceTest.website("李娜的读书笔记", domain)
                .replace("\"principalSameAsSubject\":true", """
                        "principalSameAsSubject":false,"principal":{"name":"王芳","certificateType":"RESIDENT_ID",
                         "certificateNumber":"110105199503080422","mobile":"13800000014","email":"wf@example.cn",
                         "certificateValidUntil":"%s"}""".formatted(validUntil)));
        pages.put(domain, good(number + "-1"));
        try {
            probe(filedId).body("findings.kind", not(hasItem("PRINCIPAL_CERTIFICATE_EXPIRED")));
            clock("P11D");
            probe(filedId).body("findings.kind", hasItem("PRINCIPAL_CERTIFICATE_EXPIRED"))
                    .body("findings.find { it.kind == 'PRINCIPAL_CERTIFICATE_EXPIRED' }.detail",
                            org.hamcrest.Matchers.containsString(validUntil));
            probe(filedId);
            assertEquals(1, raised(filedId, "PRINCIPAL_CERTIFICATE_EXPIRED"), "told once");
        } finally {
            clock("PT0S");
        }
    }

    @Test
    void aWebsitePrincipalsMobileThatNoLongerReceivesSmsIsAFindingOnceUntilTheAccountConfirmsItAgain()
            throws Exception {
        String account = "lina-" + UUID.randomUUID();
        String domain = "sms-" + account.substring(5, 13) + ".cn";
        String number = "粤ICP备" + (81000000 + Math.abs(domain.hashCode() % 999999)) + "号";
        String filedId = approve(account, domain, number, 0, ownPrincipal(domain, "13800000014"));
        pages.put(domain, good(number + "-1"));
        probe(filedId).body("findings", hasSize(0));

        // another account's report of the same number changes nothing here
        undeliverable("other-" + UUID.randomUUID(), "13800000014", 0);
        assertEquals(0, raised(filedId, "MOBILE_UNDELIVERABLE"));

        // the report raises it at once, on the website's principal.mobile, told once however often it comes
        undeliverable(account, "+86 13800000014", 10);
        undeliverable(account, "13800000014", 5);
        assertEquals(1, raised(filedId, "MOBILE_UNDELIVERABLE"));
        as(account, "applicant").get("/api/v1/filed-websites/" + filedId + "/findings").then().statusCode(200)
                .body("kind", equalTo(List.of("MOBILE_UNDELIVERABLE")))
                .body("[0].domain", nullValue())
                .body("[0].detail", org.hamcrest.Matchers.startsWith("principal.mobile: "))
                .body("[0].detail", org.hamcrest.Matchers.containsString("MOBILE_NOT_ON_SERVICE"))
                .body("[0].detail", not(org.hamcrest.Matchers.containsString("13800000014")))
                .body("[0].resolvedAt", nullValue());
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + filedId
                + "' and event_type = 'website.probe-finding-raised.v1'"
                + " and payload like '%\"kind\":\"MOBILE_UNDELIVERABLE\"%'"
                + " and payload like '%\"websiteFilingNumber\":\"" + number + "-1\"%'"));
        // each probe observes the same record: seen again, not told again
        probe(filedId).body("findings.kind", equalTo(List.of("MOBILE_UNDELIVERABLE")));
        assertEquals(1, raised(filedId, "MOBILE_UNDELIVERABLE"));
        // staff's list of filings at risk, by that kind, with its age
        as("rita", "reviewer").get("/api/v1/filed-websites/at-risk?kind=MOBILE_UNDELIVERABLE&limit=100").then()
                .statusCode(200).body("items.find { it.filedWebsiteId == '" + filedId + "' }.ageDays", equalTo(0))
                .body("items.find { it.filedWebsiteId == '" + filedId + "' }.findings.kind",
                        equalTo(List.of("MOBILE_UNDELIVERABLE")));

        // a confirmation older than the report clears nothing; a newer one resolves it at once, told once
        confirmed(account, "13800000014", -20);
        as(account, "applicant").get("/api/v1/filed-websites").then().statusCode(200)
                .body("items[0].findings.kind", equalTo(List.of("MOBILE_UNDELIVERABLE")));
        confirmed(account, "13800000014", 0);
        as(account, "applicant").get("/api/v1/filed-websites").then().statusCode(200)
                .body("items[0].findings", hasSize(0));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + filedId
                + "' and event_type = 'website.probe-finding-resolved.v1'"
                + " and payload like '%\"kind\":\"MOBILE_UNDELIVERABLE\"%'"));
        assertEquals(0, count("select count(*) from undeliverable_mobile where account_id = '" + account + "'"));
        probe(filedId).body("findings", hasSize(0));
        // a report older than that confirmation is stale: nothing recorded, nothing raised
        undeliverable(account, "13800000014", 30);
        assertEquals(0, count("select count(*) from undeliverable_mobile where account_id = '" + account + "'"));
        assertEquals(1, raised(filedId, "MOBILE_UNDELIVERABLE"));
    }

    @Test
    void anUndeliverableMobileFindingFollowsTheWebsitePrincipalsMobileAndLeavesTheSubjectsToSubjectService()
            throws Exception {
        // a website whose principal is the subject's: subject-service's finding, not a probe's
        String same = "lina-" + UUID.randomUUID();
        String sameDomain = "smss-" + same.substring(5, 13) + ".cn";
        String sameNumber = "粤ICP备" + (82000000 + Math.abs(sameDomain.hashCode() % 999999)) + "号";
        String sameId = approve(same, sameDomain, sameNumber, 0);
        pages.put(sameDomain, good(sameNumber + "-1"));
        undeliverable(same, "13800000013", 0); // the subject principal's mobile (newOrder's outline)
        probe(sameId).body("findings", hasSize(0));
        assertEquals(0, raised(sameId, "MOBILE_UNDELIVERABLE"));

        // the website principal's mobile changes (a change filing recorded): the next probe resolves it, told once
        String account = "lina-" + UUID.randomUUID();
        String domain = "smsc-" + account.substring(5, 13) + ".cn";
        String number = "粤ICP备" + (83000000 + Math.abs(domain.hashCode() % 999999)) + "号";
        String filedId = approve(account, domain, number, 0, ownPrincipal(domain, "13800000014"));
        pages.put(domain, good(number + "-1"));
        undeliverable(account, "13800000014", 0);
        assertEquals(1, raised(filedId, "MOBILE_UNDELIVERABLE"));
        update("update filed_website set content = replace(content, '13800000014', '13800000015') where id = '"
                + filedId + "'");
        probe(filedId).body("findings", hasSize(0));
        probe(filedId);
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + filedId
                + "' and event_type = 'website.probe-finding-resolved.v1'"
                + " and payload like '%\"kind\":\"MOBILE_UNDELIVERABLE\"%'"));
        assertEquals(1, raised(filedId, "MOBILE_UNDELIVERABLE"));

        // a malformed report is refused (dead-lettered), with nothing written
        events.nack("notification-events", "/beian/notification-service", account, "mobile.undeliverable.v1",
                "{\"accountId\":\"%s\",\"errorCode\":\"MOBILE_IN_BLACK\"}".formatted(account));
        events.nack("notification-events", "/beian/notification-service", account, "mobile.undeliverable.v1",
                "[1,2]");
        assertEquals(1, count("select count(*) from undeliverable_mobile where account_id = '" + account + "'"));
    }

    @Test
    void thePoliceNumberIsMissedThirtyDaysAfterApproval() throws Exception {
        String account = "lina-" + UUID.randomUUID();
        String domain = "police-" + account.substring(5, 13) + ".cn";
        String number = "粤ICP备" + (50000000 + Math.abs(domain.hashCode() % 9999999)) + "号";
        String filedId = approve(account, domain, number, 31);
        pages.put(domain, good(number + "-1"));
        probe(filedId).body("findings.kind", equalTo(List.of("POLICE_NUMBER_MISSING")));
    }

    @Test
    void theJobProbesEachDueWebsiteOncePerPeriod() throws Exception {
        String account = "lina-" + UUID.randomUUID();
        String domain = "job-" + account.substring(5, 13) + ".cn";
        String number = "粤ICP备" + (60000000 + Math.abs(domain.hashCode() % 9999999)) + "号";
        String filedId = approve(account, domain, number, 0);
        assertEquals(1, count("select count(*) from filed_website where id = '" + filedId
                + "' and probe_due_at > approved_at and probe_due_at <= approved_at + interval '1 day'"),
                "the first turn falls within a day of the approval");
        pages.put(domain, "<html><body>" + BODY + "<footer>" + number + "-1</footer></body></html>");
        update("update filed_website set probe_due_at = approved_at - interval '1 hour' where id = '" + filedId + "'");

        int probed = round();
        assertTrue(probed >= 1, "probed " + probed);
        assertEquals(1, count("select count(*) from probe_finding where filed_website_id = '" + filedId
                + "' and kind = 'NUMBER_NOT_LINKED' and resolved_at is null"));
        assertEquals(1, count("select count(*) from filed_website where id = '" + filedId
                + "' and probe_due_at = approved_at - interval '1 hour' + interval '1 day'"),
                "the next turn is one period after the one taken");
        // claimed and moved on: a second round does not probe it again
        round();
        assertEquals(1, count("select count(*) from probe_result where filed_website_id = '" + filedId + "'"));
        assertEquals(1, raised(filedId));
    }

    @Test
    void theRulesJudgeTheSubjectsApprovedSitesFromTheirProbes() throws Exception {
        String account = "lina-" + UUID.randomUUID();
        String domain = "facts-" + account.substring(5, 13) + ".cn";
        String number = "粤ICP备" + (70000000 + Math.abs(domain.hashCode() % 9999999)) + "号";
        String filedId = approve(account, domain, number, 0);
        String order = newOrder(account, "NEW_WEBSITE");
        String other = "facts2-" + account.substring(5, 13) + ".cn";
        as(account, "applicant").contentType(ContentType.JSON).body(WebsiteServiceTest.website("李娜的影评", other))
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(201);
        // not probed yet: GD-B-03 undetermined (a warning), and the approved site is made due at once
        findings(order).body("findings.findAll { it.ruleId == 'GD-B-03' }.severity", equalTo(List.of("WARNING")));
        assertEquals(1, count("select count(*) from filed_website where id = '" + filedId
                + "' and probe_due_at <= approved_at + interval '1 minute'"));

        pages.put(domain, "<html><body>" + BODY + "<footer>© 2026</footer></body></html>");
        probe(filedId);
        as(account, "applicant").post("/api/v1/orders/" + order + "/websites/checks").then().statusCode(200);
        findings(order).body("findings.findAll { it.ruleId == 'GD-B-03' }.severity", equalTo(List.of("BLOCKING")));

        pages.put(domain, good(number + "-1"));
        probe(filedId);
        as(account, "applicant").post("/api/v1/orders/" + order + "/websites/checks").then().statusCode(200);
        findings(order).body("findings.findAll { it.ruleId == 'GD-B-03' }", hasSize(0));
    }

    private io.restassured.response.ValidatableResponse findings(String order) {
        return as(order.isEmpty() ? "" : ownerOf(order), "applicant").get("/api/v1/orders/" + order + "/websites")
                .then().statusCode(200);
    }

    private final Map<String, String> owners = new ConcurrentHashMap<>();

    private String ownerOf(String order) {
        return owners.get(order);
    }

    /** One round of the job, on a Vert.x context as the scheduler runs it. */
    private int round() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> job.probeDue());
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private io.restassured.response.ValidatableResponse probe(String filedId) {
        return as("ada", "admin").post("/api/v1/filed-websites/" + filedId + "/probes").then().statusCode(200);
    }

    private static String good(String number) {
        return "<html><body>" + BODY + "<footer><a href=\"https://beian.miit.gov.cn/\" target=\"_blank\">" + number
                + "</a></footer></body></html>";
    }

    /** A first filing of one website on {@code domain}, approved {@code daysAgo}; answers the filed website's id. */
    private String approve(String account, String domain, String number, int daysAgo) {
        return approve(account, domain, number, daysAgo, WebsiteServiceTest.website("李娜的读书笔记", domain));
    }

    private String approve(String account, String domain, String number, int daysAgo, String website) {
        String order = newOrder(account, "FIRST_FILING");
        String id = as(account, "applicant").contentType(ContentType.JSON)
                .body(website)
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(201).extract().path("id");
        transition(order, "DRAFT", "INITIAL_REVIEW", "SUBMIT", 1L);
        events.ack("review-events", "/beian/review-service", order, "authority.approved.v1", """
                {"orderId":"%s","submissionId":"s","subjectFilingNumber":"%s","approvedAt":"%s",
                 "websites":[{"websiteId":"%s","name":"李娜的读书笔记","domains":["%s"],"websiteFilingNumber":"%s-1"}]}"""
                .formatted(order, number, TestClock.now().minusDays(daysAgo), id, domain, number));
        transition(order, "AUTHORITY_REVIEW", "APPROVED", "AUTHORITY_APPROVE", null);
        return as(account, "applicant").get("/api/v1/filed-websites").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("items[0].id");
    }

    private String newOrder(String account, String type) {
        String order = UUID.randomUUID().toString();
        owners.put(order, account);
        events.ack("subject-events", "/beian/subject-service", order, "order.created.v1", """
                {"orderId":"%s","accountId":"%s","subjectId":"s-1","type":"%s","province":"GUANGDONG",
                 "nature":"PERSON","state":"DRAFT","createdAt":"%s"}"""
                .formatted(order, account, type, TestClock.isoNow()));
        events.ack("subject-events", "/beian/subject-service", order, "order.subject-outlined.v1", """
                {"orderId":"%s","accountId":"%s","subjectId":"s-1","type":"%s","province":"GUANGDONG",
                 "nature":"PERSON","name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "principal":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                  "mobile":"13800000013","email":"lina@example.cn"},"principalNeedsEmployment":false,"revision":1,
                 "at":"%s"}""".formatted(order, account, type, WebsiteServiceTest.LINA, WebsiteServiceTest.LINA_ID,
                WebsiteServiceTest.LINA, WebsiteServiceTest.LINA_ID, TestClock.isoNow()));
        return order;
    }

    private void transition(String order, String from, String to, String trigger, Long websitesVersion) {
        events.ack("subject-events", "/beian/subject-service", order, "order.transitioned.v1", """
                {"orderId":"%s","accountId":"a","type":"FIRST_FILING","province":"GUANGDONG","from":"%s","to":"%s",
                 "trigger":"%s","actor":"APPLICANT","websitesVersion":%s,"materialsVersion":1}"""
                .formatted(order, from, to, trigger, websitesVersion));
    }

    /** A website with its own principal, whose mobile is {@code mobile}. */
    private static String ownPrincipal(String domain, String mobile) {
        return WebsiteServiceTest.website("李娜的读书笔记", domain).replace("\"principalSameAsSubject\":true", """
                "principalSameAsSubject":false,"principal":{"name":"王芳","certificateType":"RESIDENT_ID",
                 "certificateNumber":"110105199503080422","mobile":"%s","email":"wf@example.cn"}""".formatted(mobile));
    }

    /** notification-service's {@code mobile.undeliverable.v1}, detected {@code minutesAgo} minutes ago. */
    private void undeliverable(String account, String mobile, int minutesAgo) {
        events.ack("notification-events", "/beian/notification-service", account, "mobile.undeliverable.v1", """
                {"accountId":"%s","mobileKey":"%s","errorCode":"MOBILE_NOT_ON_SERVICE","detectedAt":"%s",
                 "someNewField":1}""".formatted(account, cn.beian.validators.Phones.mobileKey(mobile).orElseThrow(),
                TestClock.iso(java.time.Duration.ofMinutes(-minutesAgo))));
    }

    /** notification-service's {@code mobile.confirmed.v1}, confirmed {@code minutesAhead} minutes from now. */
    private void confirmed(String account, String mobile, int minutesAhead) {
        events.ack("notification-events", "/beian/notification-service", account, "mobile.confirmed.v1", """
                {"accountId":"%s","mobileKey":"%s","confirmedAt":"%s"}""".formatted(account,
                cn.beian.validators.Phones.mobileKey(mobile).orElseThrow(),
                TestClock.iso(java.time.Duration.ofMinutes(minutesAhead))));
    }

    /** How often a finding of {@code kind} was announced for the filed website. */
    private static long raised(String filedId, String kind) throws SQLException {
        return count("select count(*) from outbox_event where aggregate_id = '" + filedId
                + "' and event_type = 'website.probe-finding-raised.v1' and payload like '%\"kind\":\"" + kind
                + "\"%'");
    }

    private static long raised(String filedId) throws SQLException {
        return count("select count(*) from outbox_event where aggregate_id = '" + filedId
                + "' and event_type = 'website.probe-finding-raised.v1'");
    }

    static long count(String sql) throws SQLException {
        try (Connection c = PostgresTestResource.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void update(String sql) throws SQLException {
        try (Connection c = PostgresTestResource.connect()) {
            c.createStatement().executeUpdate(sql);
        }
    }
}
