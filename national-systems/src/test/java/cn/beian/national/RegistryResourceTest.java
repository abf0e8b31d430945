package cn.beian.national;

import static cn.beian.testing.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.CertificateType;
import cn.beian.national.client.CertificateMatch;
import cn.beian.national.client.DomainFiling;
import cn.beian.national.client.DomainRegistration;
import cn.beian.national.client.FilingStatus;
import cn.beian.national.client.InFlightCheckRequest;
import cn.beian.national.client.InFlightReport;
import cn.beian.national.client.NationalSystemsClient;
import cn.beian.national.client.PasswordCheckRequest;
import cn.beian.national.client.PasswordCheckResult;
import cn.beian.national.client.SubjectFiling;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lookups of the seeded awkward cases (README), domain registry data, in-flight checks, passwords, admin edits. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "national"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
@WithTestResource(SmsGatewayStandIn.class)
class RegistryResourceTest {

    static final String ZHANG_WEI_ID = "110102198810210115";
    static final String ZHANG_WEI = "京ICP备26571321号";

    @TestHTTPResource("/")
    URI base;

    NationalSystemsClient client;

    @BeforeEach
    void client() {
        client = TestSupport.client(base);
    }

    private static <T> T await(io.smallrye.mutiny.Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void theSeedIsLoadedOnceWithManySubjects() throws Exception {
        try (Connection c = PostgresTestResource.connect(); ResultSet rs = c.createStatement()
                .executeQuery("select count(*), count(distinct province), count(password_hash) from registry_subject")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 50);
            assertEquals(31, rs.getInt(2));
            assertEquals(rs.getInt(1), rs.getInt(3), "every seeded subject has a hashed password");
        }
        try (Connection c = PostgresTestResource.connect(); ResultSet rs = c.createStatement()
                .executeQuery("select count(*) from registry_subject where password_hash like '%Seed#%'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "no clear password stored");
        }
    }

    @Test
    void lookupsByCertificateFilingNumberWebsiteAndDomain() {
        SubjectFiling s = await(client.subjectByCertificate(CertificateType.RESIDENT_ID, ZHANG_WEI_ID));
        assertEquals(ZHANG_WEI, s.subjectFilingNumber());
        assertEquals("张伟", s.name());
        assertEquals(CertificateMatch.EXACT, s.certificateMatch());
        assertTrue(s.heldHere());
        assertEquals(2, s.websites().size());
        assertEquals(ZHANG_WEI + "-1", s.websites().get(0).websiteFilingNumber());

        assertEquals("张伟", await(client.subjectByFilingNumber(ZHANG_WEI)).name());
        DomainFiling w = await(client.websiteByFilingNumber(ZHANG_WEI + "-2"));
        assertEquals(List.of("zhangwei-demoblog.cn"), w.website().domains());

        DomainFiling d = await(client.filingByDomain("www.zhangwei-demo.cn"));
        assertEquals("zhangwei-demo.cn", d.domain());
        assertEquals(ZHANG_WEI + "-1", d.website().websiteFilingNumber());
        assertEquals(ZHANG_WEI, d.subject().subjectFilingNumber());
    }

    @Test
    void awkwardCases() {
        // Subject filed at another provider.
        SubjectFiling elsewhere = await(client.subjectByCertificate(CertificateType.BUSINESS_LICENSE, "91330106349487392D"));
        assertEquals("ALIYUN", elsewhere.provider());
        assertFalse(elsewhere.heldHere());
        // Old-style numbers on record, found by the new-style ones.
        SubjectFiling oldId = await(client.subjectByCertificate(CertificateType.RESIDENT_ID, "510104198506120315"));
        assertEquals(CertificateMatch.OLD_STYLE_NUMBER_ON_RECORD, oldId.certificateMatch());
        assertEquals("510104850612031", oldId.certificateNumber());
        SubjectFiling oldCode = await(client.subjectByCertificate(CertificateType.BUSINESS_LICENSE, "91420106MA205421XU"));
        assertEquals(CertificateMatch.OLD_STYLE_NUMBER_ON_RECORD, oldCode.certificateMatch());
        assertEquals(CertificateType.ORGANIZATION_CODE, oldCode.certificateType());
        // Deregistered subject: still found, status says so; its domain is no longer filed.
        SubjectFiling dereg = await(client.subjectByCertificate(CertificateType.RESIDENT_ID, "310102197905110339"));
        assertEquals(FilingStatus.DEREGISTERED, dereg.status());
        as("svc", "service").get("/api/v1/registry/domains/liuyang-deregistered.cn").then().statusCode(404)
                .contentType("application/problem+json");
        // Empty shell: still filed, no provider.
        DomainFiling shell = await(client.filingByDomain("qinghe-emptyshell.cn"));
        assertEquals(FilingStatus.EMPTY_SHELL, shell.website().status());
        assertEquals(null, shell.website().provider());
        // Unknown: 404 problem.
        as("svc", "service").get("/api/v1/registry/subjects?certificateType=RESIDENT_ID&certificateNumber=110101199003070011")
                .then().statusCode(404).body("type", containsString("not-found"));
        as("svc", "service").get("/api/v1/registry/subjects?certificateType=NOPE&certificateNumber=1")
                .then().statusCode(404);
    }

    @Test
    void inFlightAnywhere() {
        InFlightReport r = await(client.inFlight(new InFlightCheckRequest(CertificateType.RESIDENT_ID,
                "32010219900415057X", List.of("inflight-elsewhere.cn", "free-domain-xyz.cn"))));
        assertTrue(r.subjectInFlight());
        assertTrue(r.anyDomainInFlight());
        assertTrue(r.items().stream().anyMatch(i -> "inflight-elsewhere.cn".equals(i.domain())
                && "TENCENT_CLOUD".equals(i.provider())));
        InFlightReport none = await(client.inFlight(new InFlightCheckRequest(CertificateType.RESIDENT_ID,
                ZHANG_WEI_ID, List.of("free-domain-xyz.cn"))));
        assertFalse(none.subjectInFlight());
        assertFalse(none.anyDomainInFlight());
    }

    @Test
    void domainRegistryData() {
        DomainRegistration fresh = await(client.domainRegistration("fresh-person.cn"));
        assertTrue(fresh.realNameVerified());
        assertTrue(fresh.realNameVisibleToAuthority());
        assertEquals("李娜", fresh.registrantName());
        DomainRegistration pending = await(client.domainRegistration("realname-pending.cn"));
        assertTrue(pending.realNameVerified());
        assertFalse(pending.realNameVisibleToAuthority(), "verified 36 h ago: not yet at the administration");
        assertNotNull(pending.realNameVisibleToAuthorityFrom());
        assertFalse(await(client.domainRegistration("realname-missing.cn")).realNameVerified());
        assertTrue(await(client.domainRegistration("registered-abroad.com")).registeredAbroad());
        assertTrue(await(client.domainRegistration("expired-domain.cn")).expired());
        as("svc", "service").get("/api/v1/domain-registrations/never-registered-anywhere.cn").then().statusCode(404)
                .contentType("application/problem+json");

        as("ops", "admin").contentType(ContentType.JSON).body("""
                {"registrar":"阿里云计算有限公司（万网）","registrantName":"王五","registrantCertificateType":"RESIDENT_ID",
                 "registrantCertificateNumber":"11010519491231002X","realNameVerified":false,
                 "registeredOn":"%s","expiresOn":"%s"}""".formatted(TestClock.date(-700), TestClock.date(1500)))
                .put("/api/v1/admin/domain-registrations/New-Domain.cn").then().statusCode(200)
                .body("domain", equalTo("new-domain.cn")).body("realNameVerified", equalTo(false));
        assertEquals("王五", await(client.domainRegistration("new-domain.cn")).registrantName());
    }

    @Test
    void wrongPasswordsAreCountedAndLockTheCheck() {
        String number = "鲁ICP备23568623号";
        PasswordCheckResult ok = await(client.checkPassword(new PasswordCheckRequest(number, null, null, "Seed#23568623")));
        assertEquals(PasswordCheckResult.Result.MATCH, ok.result());
        for (int i = 1; i <= 5; i++) {
            PasswordCheckResult wrong = await(client.checkPassword(new PasswordCheckRequest(number, null, null, "wrong-" + i)));
            assertEquals(PasswordCheckResult.Result.MISMATCH, wrong.result());
            assertEquals(5 - i, wrong.remainingAttempts());
        }
        PasswordCheckResult locked = await(client.checkPassword(new PasswordCheckRequest(number, null, null, "Seed#23568623")));
        assertEquals(PasswordCheckResult.Result.LOCKED, locked.result(), "even the right password is refused while locked");
        assertNotNull(locked.lockedUntil());
        // 24 hours later it may be tried again.
        TestSupport.moveClock("PT24H1M");
        try {
            assertEquals(PasswordCheckResult.Result.MATCH, await(client.checkPassword(
                    new PasswordCheckRequest(null, CertificateType.BUSINESS_LICENSE, "913701066499604014", "Seed#23568623"))).result());
        } finally {
            TestSupport.moveClock("PT0S");
        }
        as("svc", "service").contentType(ContentType.JSON).body("{\"subjectFilingNumber\":\"京ICP备99999999号\",\"password\":\"x\"}")
                .post("/api/v1/registry/password-checks").then().statusCode(404);
    }

    @Test
    void rolesAreChecked() {
        given().get("/api/v1/registry/subjects/" + ZHANG_WEI).then().statusCode(401);
        as("alice", "applicant").get("/api/v1/registry/subjects/" + ZHANG_WEI).then().statusCode(403);
        as("ada", "admin").get("/api/v1/registry/subjects/" + ZHANG_WEI).then().statusCode(200);
        as("svc", "service").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/submissions'.post.operationId", equalTo("submitSnapshot"));
    }

    @Test
    void adminAddsAndEditsRecords() {
        String id = TestSupport.freshResidentId();
        String number = as("ops", "admin").contentType(ContentType.JSON).body("""
                {"nature":"PERSON","name":"韩梅梅","province":"HUNAN","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "provider":"WEST_CN","principal":{"name":"韩梅梅","mobile":"13911112222","email":"hmm@example.cn"},
                 "password":"Demo-123456","websites":[{"name":"韩梅梅的相册","domains":["hanmeimei-album.cn"]}]}""".formatted(id))
                .post("/api/v1/admin/registry/subjects").then().statusCode(201)
                .body("subjectFilingNumber", containsString("湘ICP备"))
                .body("websites[0].websiteFilingNumber", notNullValue())
                .body("passwordSet", equalTo(true))
                .extract().path("subjectFilingNumber");
        assertEquals(number, await(client.filingByDomain("hanmeimei-album.cn")).subject().subjectFilingNumber());
        as("ops", "admin").contentType(ContentType.JSON).body("{\"status\":\"EMPTY_SHELL\"}")
                .patch("/api/v1/admin/registry/websites/" + number + "-1").then().statusCode(200)
                .body("websites[0].status", equalTo("EMPTY_SHELL"));
        as("ops", "admin").contentType(ContentType.JSON).body("{\"status\":\"DEREGISTERED\"}")
                .patch("/api/v1/admin/registry/subjects/" + number).then().statusCode(200)
                .body("status", equalTo("DEREGISTERED"));
        as("ops", "admin").contentType(ContentType.JSON).body("{\"provider\":\"ALIYUN\",\"domain\":\"Admin-InFlight.cn\"}")
                .post("/api/v1/admin/in-flight").then().statusCode(201);
        as("ops", "admin").get("/api/v1/admin/in-flight").then().statusCode(200)
                .body("items.domain", hasItem("admin-inflight.cn"));
    }
}
