package cn.beian.website;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.beian.contract.domain.CertificateType;
import cn.beian.national.client.DomainRegistration;
import cn.beian.national.client.NationalSystemsClient;
import cn.beian.testing.InMemoryEvents;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.Metrics;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import cn.beian.time.BeianClock;
import cn.beian.website.repository.AccessJournal;
import cn.beian.website.service.HostingApi;
import cn.beian.website.service.AccessDecision;
import cn.beian.website.service.AccessPolicy;
import cn.beian.website.service.AccessPolicyLoader;
import cn.beian.website.service.RegistryRecheckJob;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.InjectMock;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ProcessingException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "website"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class WebsiteServiceTest {

    static final String LINA = "李娜";
    static final String LINA_ID = "110105199503080422";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ObjectMapper mapper;

    @Inject
    BeianClock clock;

    @Inject
    AccessJournal journal;

    @Inject
    RegistryRecheckJob recheck;

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
                registration(inv.getArgument(0), LINA, LINA_ID)));
        when(national.filingByDomain(anyString())).thenReturn(Uni.createFrom().failure(new NotFoundException()));
    }

    @Test
    void anOrdersWebsitesFromDraftToApprovalWithReadinessSnapshotNumbersAndAccess() throws Exception {
        String account = "alice-" + UUID.randomUUID();
        String order = newOrder(account, "FIRST_FILING");
        String domain = "lina-" + UUID.randomUUID().toString().substring(0, 8) + ".cn";

        String id = as(account, "applicant").contentType(ContentType.JSON).body(website("李娜的读书笔记", domain))
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(201)
                .header("ETag", "\"1\"").body("domains[0]", equalTo(domain)).extract().path("id");
        as(account, "applicant").get("/api/v1/orders/" + order + "/websites").then().statusCode(200)
                .header("ETag", "\"1\"").body("version", equalTo(1)).body("ready", equalTo(true))
                .body("websites", hasSize(1)).body("findings.findAll { it.severity == 'BLOCKING' }", hasSize(0));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'website.order-readiness-changed.v1' and payload like '%\"version\":1,\"ready\":true%'"));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'website.order-websites-changed.v1'"));

        // another account sees nothing; stale or missing If-Match changes nothing
        as("mallory-" + UUID.randomUUID(), "applicant").get("/api/v1/orders/" + order + "/websites").then()
                .statusCode(404);
        as("mallory-" + UUID.randomUUID(), "applicant").get("/api/v1/orders/" + order + "/websites/" + id).then()
                .statusCode(404);
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body(website("李娜的读书笔记", domain)).put("/api/v1/orders/" + order + "/websites/" + id)
                .then().statusCode(412);
        as(account, "applicant").contentType(ContentType.JSON).body(website("李娜的读书笔记", domain))
                .put("/api/v1/orders/" + order + "/websites/" + id).then().statusCode(428);

        // an edit that breaks it: ready=false is announced with the new version
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(website("星河科技有限公司官网", domain)).put("/api/v1/orders/" + order + "/websites/" + id)
                .then().statusCode(200).header("ETag", "\"2\"");
        as(account, "applicant").get("/api/v1/orders/" + order + "/websites").then().statusCode(200)
                .body("version", equalTo(2)).body("ready", equalTo(false))
                .body("findings.ruleId", hasItem("NAME_UNIT_LIKE_FOR_PERSON"))
                .body("findings.find { it.ruleId == 'NAME_UNIT_LIKE_FOR_PERSON' }.message", containsString("个人网站名称"))
                .body("findings.find { it.ruleId == 'NAME_UNIT_LIKE_FOR_PERSON' }.messageEn",
                        containsString("personal website"));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'website.order-readiness-changed.v1' and payload like '%\"version\":2,\"ready\":false%'"));
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(website("李娜的读书笔记", domain)).put("/api/v1/orders/" + order + "/websites/" + id)
                .then().statusCode(200);

        // submission names version 3: exactly that version is frozen; the order is then locked
        transition(order, "DRAFT", "INITIAL_REVIEW", "SUBMIT", 3L);
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'website.snapshot-frozen.v1' and payload like '%\"version\":3,%'"
                + " and payload like '%李娜的读书笔记%'"));
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"3\"")
                .body(website("李娜的读书笔记二", domain)).put("/api/v1/orders/" + order + "/websites/" + id)
                .then().statusCode(409).body("currentState", equalTo("INITIAL_REVIEW"));

        // the access policy (fed by the same events): closed until the number
        feedAccess(order, domain);
        String gateway = "edge-" + UUID.randomUUID();
        Metrics before = Metrics.scrape();
        as(gateway, "edge-gateway").queryParam("host", "www." + domain).get("/api/v1/access-policy").then()
                .statusCode(200).body("allowed", equalTo(false)).body("reason", equalTo("AWAITING_FILING_NUMBER"));
        // Each answer is counted by decision and reason (never by host).
        String answers = "beian_access_policy_answers_total";
        assertEquals(before.value(answers, "decision", "refused", "reason", "AWAITING_FILING_NUMBER") + 1,
                Metrics.scrape().value(answers, "decision", "refused", "reason", "AWAITING_FILING_NUMBER"));
        as(account, "applicant").queryParam("host", domain).get("/api/v1/access-policy").then().statusCode(403);

        // the administration approves: the number is recorded, the site opens, the public query shows it
        String number = "粤ICP备" + (10000000 + (int) (Math.random() * 8999999)) + "号-1";
        String approved = """
                {"orderId":"%s","submissionId":"sub-1","subjectFilingNumber":"%s","approvedAt":"%s",
                 "websites":[{"websiteId":"%s","name":"李娜的读书笔记","domains":["%s"],"websiteFilingNumber":"%s"}]}"""
                .formatted(order, number.substring(0, number.indexOf('-')), TestClock.isoNow(), id, domain, number);
        ack("review-events", "/beian/review-service", order, "authority.approved.v1", approved);
        access("/beian/review-service", order, "authority.approved.v1", approved);
        double allowed = Metrics.scrape().value(answers, "decision", "allowed");
        as(gateway, "edge-gateway").queryParam("host", "blog." + domain).get("/api/v1/access-policy").then()
                .statusCode(200).body("allowed", equalTo(true)).body("websiteFilingNumber", equalTo(number));
        assertEquals(allowed + 1, Metrics.scrape().value(answers, "decision", "allowed"));
        assertEquals(List.of(), Metrics.scrape().idLikeLabels());
        // A replica starting after the topics' retention has dropped all of this: the journal alone opens the site.
        ack("website-events", "/beian/website-service", order, "website.order-websites-changed.v1", """
                {"orderId":"%s","version":3,"websites":[{"websiteId":"%s","name":"李娜的读书笔记","domains":["%s"]}]}"""
                .formatted(order, id, domain));
        assertEquals(4, count("select count(*) from access_journal where aggregate_id = '" + order + "'"),
                "created, transitioned, websites changed and approved are journaled");
        AccessPolicy fresh = new AccessPolicy(mapper, clock, new SimpleMeterRegistry());
        new AccessPolicyLoader(journal, fresh).loadJournal().await().atMost(Duration.ofSeconds(30));
        AccessDecision reborn = fresh.decide("blog." + domain);
        assertTrue(reborn.allowed(), reborn.toString());
        assertEquals(number, reborn.websiteFilingNumber());
        assertEquals("NOT_FILED_HERE", new AccessPolicy(mapper, clock, new SimpleMeterRegistry()).decide(domain).reason(),
                "without the journal a new replica would have refused it");

        String filedId = as(account, "applicant").get("/api/v1/filed-websites").then().statusCode(200)
                .body("items[0].websiteFilingNumber", equalTo(number)).extract().path("items[0].id");
        RestAssured.given().queryParam("domain", "www." + domain).get("/api/v1/public/filings").then()
                .statusCode(200).body("items[0].websiteFilingNumber", equalTo(number))
                .body("items[0].subjectName", equalTo("李*")).body("items[0].nature", equalTo("PERSON"));

        // the police filing number
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"policeFilingNumber\":\"京公网安备1101\"}")
                .put("/api/v1/filed-websites/" + filedId + "/police-filing-number").then().statusCode(400)
                .body("errors[0].field", equalTo("policeFilingNumber"));
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"policeFilingNumber\":\"粤公网安备44010602000001号\"}")
                .put("/api/v1/filed-websites/" + filedId + "/police-filing-number").then().statusCode(200)
                .body("policeFilingNumber", equalTo("粤公网安备44010602000001号"));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + filedId
                + "' and event_type = 'website.police-number-recorded.v1'"));
        RestAssured.given().get("/api/v1/public/filings/" + number + "/footer").then().statusCode(200)
                .body(containsString("https://beian.miit.gov.cn/")).body(containsString(number))
                .body(containsString("粤公网安备44010602000001号"));
    }

    @Test
    void badInputNamesEachFieldAndSavesNothing() throws Exception {
        String account = "bob-" + UUID.randomUUID();
        String order = newOrder(account, "FIRST_FILING");
        as(account, "applicant").contentType(ContentType.JSON).body("""
                {"name":"","domains":["http://a.cn","b.cn:8080","1.2.3.4","*.x.cn","ok.cn","OK.cn."],
                 "homepageUrls":["http://elsewhere.cn"],"serviceContent":"OTHER","languages":["xx-YY1"],
                 "principalSameAsSubject":false}""")
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(400)
                .body("errors.field", hasItem("name"))
                .body("errors.find { it.field == 'domains[0]' }.code", equalTo("DOMAIN_HAS_SCHEME"))
                .body("errors.find { it.field == 'domains[1]' }.code", equalTo("DOMAIN_HAS_PORT"))
                .body("errors.find { it.field == 'domains[2]' }.code", equalTo("DOMAIN_IS_IP"))
                .body("errors.find { it.field == 'domains[3]' }.code", equalTo("DOMAIN_WILDCARD"))
                .body("errors.find { it.field == 'domains[5]' }.code", equalTo("DOMAIN_DUPLICATED"))
                .body("errors.find { it.field == 'homepageUrls[0]' }.code", equalTo("HOMEPAGE_NOT_IN_DOMAINS"))
                .body("errors.field", hasItem("languages[0]"))
                .body("errors.field", hasItem("principal"));
        StringBuilder eleven = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append("\"d").append(i).append(".cn\"");
        }
        as(account, "applicant").contentType(ContentType.JSON).body(website("李娜的读书笔记", "d0.cn")
                .replace("[\"d0.cn\"]", "[" + eleven + "]"))
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(400)
                .body("errors[0].field", equalTo("domains[10]")).body("errors[0].code", equalTo("TOO_MANY_DOMAINS"))
                .body("errors.code", not(hasItem("HOMEPAGE_NOT_IN_DOMAINS")));
        as(account, "applicant").contentType(ContentType.JSON)
                .body(website("李娜的读书笔记", "ok.cn").replace("\"OTHER\"", "\"CASINO\""))
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(400)
                .body("errors[0].field", equalTo("serviceContent"));
        as(account, "applicant").contentType(ContentType.JSON)
                .body(website("李娜的读书笔记", "ok.cn").replace("\"preApprovals\":[]",
                        "\"preApprovals\":[{\"type\":\"GAMBLING\",\"documentNumber\":\"1\"}]"))
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(400)
                .body("errors[0].field", equalTo("preApprovals[0].type"));
        assertEquals(0, count("select count(*) from website where order_id = '" + order + "'"));

        for (int i = 0; i < 10; i++) {
            as(account, "applicant").contentType(ContentType.JSON).body(website("李娜的笔记" + i, "site" + i
                    + "-" + order.substring(0, 8) + ".cn")).post("/api/v1/orders/" + order + "/websites").then()
                    .statusCode(201);
        }
        as(account, "applicant").contentType(ContentType.JSON).body(website("李娜的笔记", "eleventh.cn"))
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(400)
                .body("errors[0].field", equalTo("websites[10]"))
                .body("errors[0].code", equalTo("TOO_MANY_WEBSITES"));
        assertEquals(10, count("select count(*) from website where order_id = '" + order + "'"));
    }

    @Test
    void fieldMessagesAreInTheLanguageTheRequestAsksFor() {
        String account = "carol-" + UUID.randomUUID();
        String order = newOrder(account, "FIRST_FILING");
        String body = website("李娜的读书笔记", "ok.cn").replace("\"preApprovals\":[]",
                "\"preApprovals\":[{\"type\":\"NEWS\"}]");
        as(account, "applicant").contentType(ContentType.JSON).body(body)
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(400)
                .body("detail", equalTo("共有 1 个字段不合法"))
                .body("errors[0].field", equalTo("preApprovals[0].documentNumber"))
                .body("errors[0].code", equalTo("PRE_APPROVAL_DOCUMENT_REQUIRED"))
                .body("errors[0].message", equalTo("请填写“新闻”前置审批的审批文号"));
        as(account, "applicant").header("Accept-Language", "en").contentType(ContentType.JSON).body(body)
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(400)
                .body("detail", equalTo("1 field(s) are invalid"))
                .body("errors[0].code", equalTo("PRE_APPROVAL_DOCUMENT_REQUIRED"))
                .body("errors[0].message", equalTo("Give the document number of the \"news\" pre-approval"));
        // A domain the shared validators refuse: its words come from the platform's bundles too.
        String port = website("李娜的读书笔记", "ok.cn:8080");
        as(account, "applicant").contentType(ContentType.JSON).body(port)
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(400)
                .body("errors.find { it.field == 'domains[0]' }.code", equalTo("DOMAIN_HAS_PORT"))
                .body("errors.find { it.field == 'domains[0]' }.message", equalTo("请只填写域名，不要带端口（如 example.com）"));
        as(account, "applicant").header("Accept-Language", "en").contentType(ContentType.JSON).body(port)
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(400)
                .body("errors.find { it.field == 'domains[0]' }.message",
                        equalTo("Give the domain alone, without a port (e.g. example.com)"));
    }

    @Test
    void sharedFieldsAreCopiedToTheOtherWebsitesInOneChange() {
        String account = "carol-" + UUID.randomUUID();
        String order = newOrder(account, "FIRST_FILING");
        String a = as(account, "applicant").contentType(ContentType.JSON)
                .body(website("李娜的读书笔记", "a-" + order.substring(0, 8) + ".cn").replace("\"zh-CN\"", "\"zh-CN\",\"en\""))
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(201).extract().path("id");
        as(account, "applicant").contentType(ContentType.JSON)
                .body(website("李娜的摄影作品", "b-" + order.substring(0, 8) + ".cn").replace("读书", "摄影"))
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(201);
        as(account, "applicant").header("If-Match", "\"1\"")
                .post("/api/v1/orders/" + order + "/websites/" + a + "/copy-shared-fields").then().statusCode(412);
        as(account, "applicant").header("If-Match", "\"2\"")
                .post("/api/v1/orders/" + order + "/websites/" + a + "/copy-shared-fields").then().statusCode(200)
                .body("[1].languages", hasItem("en")).body("[0].languages", hasItem("en"));
        as(account, "applicant").get("/api/v1/orders/" + order + "/websites").then().statusCode(200)
                .body("version", equalTo(3)).body("websites[1].name", equalTo("李娜的摄影作品"))
                .body("websites[1].languages", hasItem("en"));
    }

    @Test
    void aWebsitesServersAreResolvedAsItIsSavedAndRefusalsNameTheEntriesAndSaveNothing() throws Exception {
        String account = "dora-" + UUID.randomUUID();
        String order = newOrder(account, "FIRST_FILING");
        String code = "ABCD-efgh-JKMN-PQRS";
        String typed = "ABCDEFGHJKMNPQRS";
        String a = as(account, "applicant").contentType(ContentType.JSON)
                .body(website("李娜的读书笔记", "a-" + order.substring(0, 8) + ".cn")
                        .replace("\"serverIds\":[\"srv-1\"]", "\"serverIds\":[\"srv-1\"],\"authorizationCodes\":[\"" + code + "\"]"))
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(201)
                .body("servers", hasSize(2)).body("servers[0].serverId", equalTo("srv-1"))
                .body("servers[0].publicIp", equalTo(HostingStub.IP))
                .body("servers[1].maskedCode", equalTo("************PQRS"))
                .body("authorizationCodes[0]", equalTo(typed)).extract().path("id");
        verify(hosting).settle(eq(order), any(), eq(new HostingApi.Request(account, List.of("srv-1"), List.of(typed))));
        // staff see the code masked
        as("rita", "reviewer").get("/api/v1/orders/" + order + "/websites/" + a).then().statusCode(200)
                .body("authorizationCodes[0]", equalTo("************PQRS"));

        // subject-service refuses a server: 400 naming it, nothing saved
        when(hosting.settle(eq(order), any(), any())).thenReturn(Uni.createFrom().failure(refusal(400,
                "serverIds[0]", "SERVER_NOT_ELIGIBLE")));
        as(account, "applicant").contentType(ContentType.JSON)
                .body(website("李娜的摄影作品", "b-" + order.substring(0, 8) + ".cn").replace("读书", "摄影"))
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(400)
                .body("errors[0].field", equalTo("serverIds[0]")).body("errors[0].code", equalTo("SERVER_NOT_ELIGIBLE"));
        // another order holds a code the other website names: 409 naming it there
        when(hosting.settle(eq(order), any(), any())).thenReturn(Uni.createFrom().failure(refusal(409,
                "authorizationCodes[0]", "AUTHORIZATION_CODE_IN_USE")));
        as(account, "applicant").contentType(ContentType.JSON)
                .body(website("李娜的摄影作品", "b-" + order.substring(0, 8) + ".cn").replace("读书", "摄影")
                        .replace("\"serverIds\":[\"srv-1\"]", "\"serverIds\":[]"))
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(409)
                .body("errors[0].field", equalTo("websites[0].authorizationCodes[0]"))
                .body("errors[0].code", equalTo("AUTHORIZATION_CODE_IN_USE"));
        // an answer that names nothing the applicant typed is website-service's mistake, not the applicant's: 503
        when(hosting.settle(eq(order), any(), any())).thenReturn(Uni.createFrom().failure(refusal(400,
                "accountId", "NOT_BLANK")));
        as(account, "applicant").contentType(ContentType.JSON)
                .body(website("李娜的摄影作品", "b-" + order.substring(0, 8) + ".cn").replace("读书", "摄影"))
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(503);
        when(hosting.settle(eq(order), any(), any())).thenReturn(Uni.createFrom().failure(
                new WebApplicationException(Response.status(400).entity("<html>bad gateway</html>").build())));
        as(account, "applicant").contentType(ContentType.JSON)
                .body(website("李娜的摄影作品", "b-" + order.substring(0, 8) + ".cn").replace("读书", "摄影"))
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(503);
        // subject-service unreachable: 503 with Retry-After, nothing saved
        when(hosting.settle(eq(order), any(), any())).thenReturn(Uni.createFrom().failure(
                new ProcessingException("connection refused")));
        as(account, "applicant").contentType(ContentType.JSON)
                .body(website("李娜的摄影作品", "b-" + order.substring(0, 8) + ".cn").replace("读书", "摄影"))
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(503).header("Retry-After", "5");
        as(account, "applicant").get("/api/v1/orders/" + order + "/websites").then().statusCode(200)
                .body("version", equalTo(1)).body("websites", hasSize(1));

        // removing the website frees its code: the order's websites then name none
        HostingStub.resolvesEverything(hosting, TestClock.now());
        as(account, "applicant").contentType(ContentType.JSON)
                .body(website("李娜的摄影作品", "b-" + order.substring(0, 8) + ".cn").replace("读书", "摄影"))
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(201);
        // the second website names no code of its own; the order's websites still name the first one's (as in the
        // first save and the refused and failed tries of the second: six times the same question)
        verify(hosting, times(6)).settle(eq(order), any(), eq(new HostingApi.Request(account, List.of("srv-1"), List.of(typed))));
        transition(order, "DRAFT", "INITIAL_REVIEW", "SUBMIT", 2L);
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'website.snapshot-frozen.v1' and payload like '%\"publicIp\":\"" + HostingStub.IP
                + "\"%' and payload like '%PQRS%' and payload not like '%" + typed + "%'"));
    }

    /** subject-service's problem answer with one field error. */
    private static WebApplicationException refusal(int status, String field, String code) {
        ObjectNode problem = new ObjectMapper().createObjectNode();
        problem.putArray("errors").addObject().put("field", field).put("code", code).put("message", "refused");
        return new WebApplicationException(Response.status(status).entity(problem).build());
    }

    @Test
    void publicQueryIsRateLimitedPerAddress() {
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 12; i++) {
            var r = RestAssured.given().queryParam("domain", "nobody-" + i + ".cn").get("/api/v1/public/filings");
            if (r.statusCode() == 429) {
                limited++;
                retryAfter = r.header("Retry-After");
            } else {
                assertEquals(200, r.statusCode());
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(limited > 0, "the burst of 5 is exceeded");
        org.junit.jupiter.api.Assertions.assertNotNull(retryAfter);
    }

    @Test
    void changeOrdersStartFromTheApprovedWebsites() throws Exception {
        String account = "dave-" + UUID.randomUUID();
        String first = newOrder(account, "FIRST_FILING");
        String domain = "dave-" + first.substring(0, 8) + ".cn";
        String id = as(account, "applicant").contentType(ContentType.JSON).body(website("李娜的读书笔记", domain))
                .post("/api/v1/orders/" + first + "/websites").then().statusCode(201).extract().path("id");
        transition(first, "DRAFT", "INITIAL_REVIEW", "SUBMIT", 1L);
        ack("review-events", "/beian/review-service", first, "authority.approved.v1", """
                {"orderId":"%s","submissionId":"s","subjectFilingNumber":"粤ICP备30000001号","approvedAt":"%s",
                 "websites":[{"websiteId":"%s","name":"李娜的读书笔记","domains":["%s"],"websiteFilingNumber":"粤ICP备30000001号-1"}]}"""
                .formatted(first, TestClock.isoNow(), id, domain));
        transition(first, "AUTHORITY_REVIEW", "APPROVED", "AUTHORITY_APPROVE", null);
        String change = newOrder(account, "CHANGE");
        as(account, "applicant").get("/api/v1/orders/" + change + "/websites").then().statusCode(200)
                .body("websites", hasSize(1)).body("websites[0].websiteFilingNumber", equalTo("粤ICP备30000001号-1"))
                .body("websites[0].domains[0]", equalTo(domain)).body("ready", equalTo(true));
    }

    @Test
    void anAccessChangeEditsOnlyThePickedWebsitesServersAndFreezesTheDiff() throws Exception {
        String account = "gina-" + UUID.randomUUID();
        String first = newOrder(account, "FIRST_FILING");
        String domain = "gina-" + first.substring(0, 8) + ".cn";
        String other = "gina-" + first.substring(0, 8) + "-b.cn";
        String id = as(account, "applicant").contentType(ContentType.JSON).body(website("李娜的读书笔记", domain))
                .post("/api/v1/orders/" + first + "/websites").then().statusCode(201).extract().path("id");
        transition(first, "DRAFT", "INITIAL_REVIEW", "SUBMIT", 1L);
        ack("review-events", "/beian/review-service", first, "authority.approved.v1", """
                {"orderId":"%s","submissionId":"s","subjectFilingNumber":"粤ICP备30000003号","approvedAt":"%s",
                 "websites":[{"websiteId":"%s","name":"李娜的读书笔记","domains":["%s"],"websiteFilingNumber":"粤ICP备30000003号-1"},
                  {"name":"李娜的相册","domains":["%s"],"websiteFilingNumber":"粤ICP备30000003号-2"}]}"""
                .formatted(first, TestClock.isoNow(), id, domain, other));
        transition(first, "AUTHORITY_REVIEW", "APPROVED", "AUTHORITY_APPROVE", null);

        String change = UUID.randomUUID().toString();
        ack("subject-events", "/beian/subject-service", change, "order.created.v1", """
                {"orderId":"%s","accountId":"%s","subjectId":"s-1","type":"CHANGE","province":"GUANGDONG",
                 "nature":"PERSON","state":"DRAFT","createdAt":"%s","websiteFilingNumbers":["粤ICP备30000003号-1"],
                 "changeKind":"ACCESS"}""".formatted(change, account, TestClock.isoNow()));
        ack("subject-events", "/beian/subject-service", change, "order.subject-outlined.v1", """
                {"orderId":"%s","accountId":"%s","subjectId":"s-1","type":"CHANGE","province":"GUANGDONG",
                 "nature":"PERSON","name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "principal":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                  "mobile":"13800000013","email":"lina@example.cn"},"principalNeedsEmployment":false,"revision":1,
                 "at":"%s"}""".formatted(change, account, LINA, LINA_ID, LINA, LINA_ID, TestClock.isoNow()));
        String websites = "/api/v1/orders/" + change + "/websites";
        var site = as(account, "applicant").get(websites).then().statusCode(200).body("websites", hasSize(1))
                .body("websites[0].websiteFilingNumber", equalTo("粤ICP备30000003号-1")).extract().jsonPath();
        String wid = site.getString("websites[0].id");
        assertTrue(count("select count(*) from outbox_event where aggregate_id = '" + change
                + "' and event_type = 'website.order-readiness-changed.v1' and payload like '%\"changes\":0%'") > 0,
                "nothing changed yet, and subject-service is told so");

        // The access information only: the name is outside the kind, and no website comes or goes.
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(website("李娜的新站名", domain)).put(websites + "/" + wid).then().statusCode(409)
                .body("code", equalTo("CHANGE_OUTSIDE_KIND")).body("changeKind", equalTo("ACCESS"))
                .body("errors.field", equalTo(List.of("websites[0].name")));
        as(account, "applicant").contentType(ContentType.JSON).body(website("李娜的新站", "gina-new.cn")).post(websites)
                .then().statusCode(409).body("code", equalTo("CHANGE_WEBSITES_FIXED"));
        as(account, "applicant").header("If-Match", "\"1\"").delete(websites + "/" + wid).then().statusCode(409)
                .body("code", equalTo("CHANGE_WEBSITES_FIXED"));
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(website("李娜的读书笔记", domain).replace("srv-1", "srv-2")).put(websites + "/" + wid).then()
                .statusCode(200);
        long version = as(account, "applicant").get(websites).then().extract().jsonPath().getLong("version");
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + change
                + "' and event_type = 'website.order-readiness-changed.v1' and payload like '%\"version\":" + version
                + ",%' and payload like '%\"changes\":1%'"));

        // The snapshot carries the diff; the approved record changes only with the approval.
        transition(change, "DRAFT", "INITIAL_REVIEW", "SUBMIT", version);
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + change
                + "' and event_type = 'website.snapshot-frozen.v1' and payload like '%\"changes\":[{\"field\":"
                + "\"websites[0].serverIds\",\"before\":\"srv-1\",\"after\":\"srv-2\"}]%'"));
        assertEquals(1, count("select count(*) from filed_website where website_filing_number = '粤ICP备30000003号-1'"
                + " and content like '%srv-1%'"));
        ack("review-events", "/beian/review-service", change, "authority.approved.v1", """
                {"orderId":"%s","submissionId":"s2","subjectFilingNumber":"粤ICP备30000003号","approvedAt":"%s",
                 "websites":[{"websiteId":"%s","name":"李娜的读书笔记","domains":["%s"],"websiteFilingNumber":"粤ICP备30000003号-1"}]}"""
                .formatted(change, TestClock.isoNow(), wid, domain));
        assertEquals(1, count("select count(*) from filed_website where website_filing_number = '粤ICP备30000003号-1'"
                + " and content like '%srv-2%' and status = 'ACTIVE'"));
        assertEquals(1, count("select count(*) from filed_website where website_filing_number = '粤ICP备30000003号-2'"
                + " and content not like '%srv-2%' and status = 'ACTIVE'"), "the other website untouched");
    }

    @Test
    void aCancelAccessOrderHoldsOnlyThePickedWebsiteAsFiledAndNeitherJudgesNorEditsIt() throws Exception {
        String account = "frank-" + UUID.randomUUID();
        String first = newOrder(account, "FIRST_FILING");
        String kept = "frank-" + first.substring(0, 8) + ".cn";
        String legacy = "frank-" + first.substring(0, 8) + ".xyz";
        String keptId = as(account, "applicant").contentType(ContentType.JSON).body(website("李娜的读书笔记", kept))
                .post("/api/v1/orders/" + first + "/websites").then().statusCode(201).extract().path("id");
        transition(first, "DRAFT", "INITIAL_REVIEW", "SUBMIT", 1L);
        // The second website was filed long ago under a name no filing may carry today (a person's "公司" site).
        ack("review-events", "/beian/review-service", first, "authority.approved.v1", """
                {"orderId":"%s","submissionId":"s","subjectFilingNumber":"粤ICP备30000002号","approvedAt":"%s",
                 "websites":[{"websiteId":"%s","name":"李娜的读书笔记","domains":["%s"],"websiteFilingNumber":"粤ICP备30000002号-1"},
                  {"name":"中国李娜网络科技公司","domains":["%s"],"websiteFilingNumber":"粤ICP备30000002号-2"}]}"""
                .formatted(first, TestClock.isoNow(), keptId, kept, legacy));
        transition(first, "AUTHORITY_REVIEW", "APPROVED", "AUTHORITY_APPROVE", null);

        String cancel = UUID.randomUUID().toString();
        ack("subject-events", "/beian/subject-service", cancel, "order.created.v1", """
                {"orderId":"%s","accountId":"%s","subjectId":"s-1","type":"CANCEL_ACCESS","province":"GUANGDONG",
                 "nature":"PERSON","state":"DRAFT","createdAt":"%s","websiteFilingNumbers":["粤ICP备30000002号-2"]}"""
                .formatted(cancel, account, TestClock.isoNow()));
        ack("subject-events", "/beian/subject-service", cancel, "order.subject-outlined.v1", """
                {"orderId":"%s","accountId":"%s","subjectId":"s-1","type":"CANCEL_ACCESS","province":"GUANGDONG",
                 "nature":"PERSON","name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "principal":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                  "mobile":"13800000013","email":"lina@example.cn"},"principalNeedsEmployment":false,"revision":1,
                 "at":"%s"}""".formatted(cancel, account, LINA, LINA_ID, LINA, LINA_ID, TestClock.isoNow()));
        as(account, "applicant").get("/api/v1/orders/" + cancel + "/websites").then().statusCode(200)
                .body("websites", hasSize(1))
                .body("websites[0].websiteFilingNumber", equalTo("粤ICP备30000002号-2"))
                .body("ready", equalTo(true)).body("findings", hasSize(0));
        as(account, "applicant").contentType(ContentType.JSON).body(website("李娜的读书笔记", kept))
                .post("/api/v1/orders/" + cancel + "/websites").then().statusCode(409)
                .body("code", equalTo("ORDER_WEBSITES_FIXED"));
    }

    @Test
    void aPickOpenedBeforeItsApprovalArrivedHereJoinsTheOrderWhenItDoes() throws Exception {
        String account = "gina-" + UUID.randomUUID();
        String first = newOrder(account, "FIRST_FILING");
        String domain = "gina-" + first.substring(0, 8) + ".cn";
        String siteId = as(account, "applicant").contentType(ContentType.JSON).body(website("李娜的读书笔记", domain))
                .post("/api/v1/orders/" + first + "/websites").then().statusCode(201).extract().path("id");
        transition(first, "DRAFT", "INITIAL_REVIEW", "SUBMIT", 1L);
        String number = "粤ICP备" + (40000000 + (int) (Math.random() * 8999999)) + "号";

        // subject-service already knows the approval and accepts the pick; this service has not read it yet
        String cancel = UUID.randomUUID().toString();
        ack("subject-events", "/beian/subject-service", cancel, "order.created.v1", """
                {"orderId":"%s","accountId":"%s","subjectId":"s-1","type":"CANCEL_ACCESS","province":"GUANGDONG",
                 "nature":"PERSON","state":"DRAFT","createdAt":"%s","websiteFilingNumbers":["%s-1"]}"""
                .formatted(cancel, account, TestClock.isoNow(), number));
        as(account, "applicant").get("/api/v1/orders/" + cancel + "/websites").then().statusCode(200)
                .body("websites", hasSize(0));

        ack("review-events", "/beian/review-service", first, "authority.approved.v1", """
                {"orderId":"%s","submissionId":"s","subjectFilingNumber":"%s","approvedAt":"%s",
                 "websites":[{"websiteId":"%s","name":"李娜的读书笔记","domains":["%s"],"websiteFilingNumber":"%s-1"}]}"""
                .formatted(first, number, TestClock.isoNow(), siteId, domain, number));
        as(account, "applicant").get("/api/v1/orders/" + cancel + "/websites").then().statusCode(200)
                .body("websites", hasSize(1)).body("websites[0].websiteFilingNumber", equalTo(number + "-1"));
        assertEquals(0, count("select count(*) from order_projection where order_id = '" + cancel
                + "' and awaited_filing_numbers is not null"), "nothing waits any more");
    }

    @Test
    void anOrderJudgedDuringARegistryOutageIsJudgedAgainOnceTheRegistryAnswers() throws Throwable {
        String account = "erin-" + UUID.randomUUID();
        String order = newOrder(account, "FIRST_FILING");
        String domain = "erin-" + order.substring(0, 8) + ".cn";
        when(national.domainRegistration(domain)).thenReturn(Uni.createFrom().failure(
                new ProcessingException("Connection refused")));
        as(account, "applicant").contentType(ContentType.JSON).body(website("李娜的读书笔记", domain))
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(201);
        as(account, "applicant").get("/api/v1/orders/" + order + "/websites").then().statusCode(200)
                .body("version", equalTo(1)).body("ready", equalTo(false))
                .body("findings.ruleId", hasItem("DOMAIN_REGISTRY_UNAVAILABLE"));

        OffsetDateTime judgedAt = clock.now();
        assertEquals(0, recheckDue(judgedAt), "not due before the configured wait");
        OffsetDateTime due = judgedAt.plusSeconds(21);
        assertEquals(0, recheckDue(due), "the registry is still down: put off, nothing judged");
        as(account, "applicant").get("/api/v1/orders/" + order + "/websites").then().body("version", equalTo(1));
        assertEquals(0, recheckDue(due), "the next try waits another interval");

        when(national.domainRegistration(domain)).thenAnswer(inv -> Uni.createFrom().item(
                registration(domain, LINA, LINA_ID)));
        assertEquals(1, recheckDue(due.plusSeconds(21)));
        as(account, "applicant").get("/api/v1/orders/" + order + "/websites").then().statusCode(200)
                .body("version", equalTo(2)).body("ready", equalTo(true))
                .body("findings.ruleId", not(hasItem("DOMAIN_REGISTRY_UNAVAILABLE")));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'website.order-readiness-changed.v1' and payload like '%\"version\":2,\"ready\":true%'"));
        assertEquals(0, recheckDue(due.plusHours(1)), "nothing waits on the registry any more");
    }

    private int recheckDue(OffsetDateTime now) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> recheck.recheckDue(now));
    }

    @Test
    void theNumbersArriveWithTheOrdersApprovalWhicheverTopicComesFirst() {
        String account = "numbers-" + UUID.randomUUID();
        String order = newOrder(account, "FIRST_FILING");
        String domain = "lina-" + UUID.randomUUID().toString().substring(0, 8) + ".cn";
        String id = as(account, "applicant").contentType(ContentType.JSON).body(website("李娜的读书笔记", domain))
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(201).extract().path("id");
        transition(order, "DRAFT", "INITIAL_REVIEW", "SUBMIT", 1L);
        String number = "粤ICP备" + (10000000 + (int) (Math.random() * 8999999)) + "号";
        String approval = """
                {"orderId":"%s","submissionId":"sub-1","subjectFilingNumber":"%s","approvedAt":"%s",
                 "websites":[{"websiteId":"%s","name":"李娜的读书笔记","domains":["%s"],"websiteFilingNumber":"%s-1"}]}"""
                .formatted(order, number, TestClock.isoNow(), id, domain, number);
        // subject-service's move to APPROVED comes first: it carries the numbers.
        ack("subject-events", "/beian/subject-service", order, "order.transitioned.v1", """
                {"orderId":"%s","accountId":"%s","type":"FIRST_FILING","province":"GUANGDONG","from":"AUTHORITY_REVIEW",
                 "to":"APPROVED","trigger":"AUTHORITY_APPROVE","actor":"AUTHORITY","at":"%s","approval":%s}"""
                .formatted(order, account, TestClock.isoNow(), approval));
        as(account, "applicant").get("/api/v1/orders/" + order + "/websites").then().statusCode(200)
                .body("state", equalTo("APPROVED")).body("websites[0].websiteFilingNumber", equalTo(number + "-1"));
        as(account, "applicant").get("/api/v1/filed-websites").then().statusCode(200)
                .body("items.websiteFilingNumber", equalTo(List.of(number + "-1")));
        // review-service's own announcement, later, changes nothing.
        ack("review-events", "/beian/review-service", order, "authority.approved.v1", approval);
        as(account, "applicant").get("/api/v1/filed-websites").then().statusCode(200)
                .body("items.websiteFilingNumber", equalTo(List.of(number + "-1")));
    }

    /**
     * The findings judged on an order's websites are the ones the stateless pre-check gives the same order (its rules
     * on websites and domains, finding by finding), and each version is announced with them, worded in both languages.
     */
    @Test
    void theWebsitesFindingsAgreeWithThePreCheckAndTravelWithEveryVersionsReadiness() throws Exception {
        String account = "agree-" + UUID.randomUUID();
        String order = newOrder(account, "FIRST_FILING");
        String domain = "lina-" + UUID.randomUUID().toString().substring(0, 8) + ".cn";
        String short_ = website("李娜的读书笔记", domain).replace("个人网站，记录读书笔记与书评，不含商业内容", "个人网站");
        as(account, "applicant").contentType(ContentType.JSON).body(short_)
                .post("/api/v1/orders/" + order + "/websites").then().statusCode(201);
        List<java.util.Map<String, Object>> judged = as(account, "applicant")
                .get("/api/v1/orders/" + order + "/websites").then().statusCode(200).body("ready", equalTo(false))
                .extract().path("findings");
        String document = """
                {"type":"FIRST_FILING","subject":{"nature":"PERSON","province":"GUANGDONG","name":"%s",
                 "certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "principal":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                  "mobile":"13800000013","email":"lina@example.cn"}},
                 "websites":[{"name":"李娜的读书笔记","domains":["%s"],"homepageUrls":["www.%s"],"serviceContent":"OTHER",
                  "languages":["zh-CN"],"remarks":"个人网站","principalSameAsSubject":true}]}"""
                .formatted(LINA, LINA_ID, LINA, LINA_ID, domain, domain);
        List<java.util.Map<String, Object>> preChecked = as(account, "applicant").contentType(ContentType.JSON)
                .body(document).post("/api/v1/pre-checks").then().statusCode(200).extract().path("findings");

        java.util.Set<String> websites = new java.util.TreeSet<>();
        for (var f : judged) {
            if (String.valueOf(f.get("ruleId")).matches("[A-Z]{1,2}(-[A-Z])?-\\d{2}")) {
                websites.add(f.get("ruleId") + " " + f.get("fieldKey") + " " + f.get("weight") + " " + f.get("outcome"));
            }
        }
        java.util.Set<String> preCheck = new java.util.TreeSet<>();
        for (var f : preChecked) {
            Object key = "$".equals(f.get("fieldKey")) ? null : f.get("fieldKey");
            if (key == null || (key.toString().startsWith("websites") && !key.toString().contains(".materials."))) {
                preCheck.add(f.get("ruleId") + " " + key + " " + f.get("severity") + " " + f.get("outcome"));
            }
        }
        assertTrue(websites.contains("GD-P-02 websites[0].remarks BLOCKS FAILED"), websites.toString());
        assertEquals(preCheck, websites);

        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'website.order-readiness-changed.v1' and payload like '%\"version\":1,\"ready\":false%'"
                + " and payload like '%\"ruleId\":\"GD-P-02\",\"fieldKey\":\"websites[0].remarks\"%'"
                + " and payload like '%\"messageEn\":\"Guangdong%'"), "not ready, announced with its findings");
    }

    private String newOrder(String account, String type) {
        String order = UUID.randomUUID().toString();
        ack("subject-events", "/beian/subject-service", order, "order.created.v1", """
                {"orderId":"%s","accountId":"%s","subjectId":"s-1","type":"%s","province":"GUANGDONG",
                 "nature":"PERSON","state":"DRAFT","createdAt":"%s"}"""
                .formatted(order, account, type, TestClock.isoNow()));
        ack("subject-events", "/beian/subject-service", order, "order.subject-outlined.v1", """
                {"orderId":"%s","accountId":"%s","subjectId":"s-1","type":"%s","province":"GUANGDONG",
                 "nature":"PERSON","name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "principal":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                  "mobile":"13800000013","email":"lina@example.cn"},"principalNeedsEmployment":false,"revision":1,
                 "at":"%s"}""".formatted(order, account, type, LINA, LINA_ID, LINA, LINA_ID, TestClock.isoNow()));
        return order;
    }

    private void transition(String order, String from, String to, String trigger, Long websitesVersion) {
        ack("subject-events", "/beian/subject-service", order, "order.transitioned.v1", """
                {"orderId":"%s","accountId":"a","type":"FIRST_FILING","province":"GUANGDONG","from":"%s","to":"%s",
                 "trigger":"%s","actor":"APPLICANT","websitesVersion":%s,"materialsVersion":1}"""
                .formatted(order, from, to, trigger, websitesVersion));
    }

    /** The access-policy channel sees the same events (its own consumer group on Kafka). */
    private void feedAccess(String order, String domain) {
        access("/beian/subject-service", order, "order.created.v1", """
                {"orderId":"%s","accountId":"a","type":"FIRST_FILING","province":"GUANGDONG","state":"DRAFT"}"""
                .formatted(order));
        access("/beian/website-service", order, "website.order-websites-changed.v1", """
                {"orderId":"%s","version":3,"websites":[{"websiteId":"w","name":"n","domains":["%s"]}]}"""
                .formatted(order, domain));
    }

    /**
     * One event on the access-policy channel. Its aggregate is marked so that its sequence numbers run apart from
     * the database channels' (on Kafka both read the same records; here they are sent twice); the policy reads the
     * order from the payload.
     */
    private void access(String source, String order, String type, String data) {
        events.ack("access-events", source, "access|" + order, type, data);
    }

    static String website(String name, String domain) {
        return """
                {"name":"%s","domains":["%s"],"homepageUrls":["www.%s"],"serviceContent":"OTHER","preApprovals":[],
                 "languages":["zh-CN"],"remarks":"个人网站，记录读书笔记与书评，不含商业内容","principalSameAsSubject":true,
                 "serverIds":["srv-1"]}""".formatted(name, domain, domain);
    }

    static DomainRegistration registration(String domain, String name, String id) {
        return new DomainRegistration(domain, "阿里云计算有限公司（万网）", name, CertificateType.RESIDENT_ID, id, true,
                TestClock.now().minusDays(400), TestClock.now().minusDays(397), true,
                TestClock.today().minusYears(6), TestClock.today().plusYears(1), false, false);
    }

    private void ack(String channel, String source, String aggregate, String type, String data) {
        events.ack(channel, source, aggregate, type, data);
    }

    static long count(String sql) throws SQLException {
        try (Connection c = PostgresTestResource.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
