package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.national.client.CertificateMatch;
import cn.beian.national.client.DomainFiling;
import cn.beian.national.client.FilingStatus;
import cn.beian.national.client.InFlightReport;
import cn.beian.national.client.NationalSystemsClient;
import cn.beian.national.client.SubjectFiling;
import cn.beian.national.client.WebsiteFiling;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.ProcessingException;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The filing-type decision against scripted answers of the national registry (an external system: its real
 * behaviour is tested in national-systems and on the real stack).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class FilingTypeDecisionTest {

    /** Nobody registers a subject with it here (other tests use 110101199003070011). */
    private static final String CERT = "110101198001010053";

    @InjectMock
    @RestClient
    NationalSystemsClient national;

    @BeforeEach
    void nothingFiledAnywhere() {
        Registry.knowsNothing(national);
    }

    private static String body(String... domains) {
        return bodyFor(CERT, domains);
    }

    private static String bodyFor(String certificate, String... domains) {
        return """
                {"nature":"PERSON","province":"BEIJING","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "domains":[%s]}""".formatted(certificate, String.join(",", List.of(domains).stream()
                .map(d -> "\"" + d + "\"").toList()));
    }

    private static SubjectFiling filed(boolean heldHere, CertificateMatch match) {
        return new SubjectFiling("京ICP备12345678号", FilingStatus.NORMAL, SubjectNature.PERSON, "张三", Province.BEIJING,
                CertificateType.RESIDENT_ID, CERT, match, heldHere ? "BEIAN" : "ALIYUN", heldHere, "张三", true, null,
                List.of());
    }

    private static DomainFiling domainOf(SubjectFiling subject, boolean heldHere) {
        return new DomainFiling("a.cn", subject, new WebsiteFiling("京ICP备12345678号-1", "站", FilingStatus.NORMAL,
                heldHere ? "BEIAN" : "ALIYUN", heldHere, List.of("a.cn"), "张三", null));
    }

    private static void expect(String account, String body, String type) {
        as(account, "applicant").contentType(ContentType.JSON).body(body).post("/api/v1/filing-type-decisions")
                .then().statusCode(200).body("type", equalTo(type)).body("conflicts.size()", equalTo(0));
    }

    private static void conflict(String account, String body, String field, String code) {
        as(account, "applicant").contentType(ContentType.JSON).body(body).post("/api/v1/filing-type-decisions")
                .then().statusCode(200).body("type", nullValue())
                .body("conflicts.code", hasItem(code)).body("conflicts.field", hasItem(field));
    }

    @Test
    void nothingFiledMeansAFirstFiling() {
        expect("decide-1", body("new-site.cn"), "FIRST_FILING");
    }

    @Test
    void aSubjectFiledHereAddsAWebsiteAndOneFiledElsewhereToo() {
        when(national.subjectByCertificate(eq(CertificateType.RESIDENT_ID), eq(CERT)))
                .thenReturn(Uni.createFrom().item(filed(true, CertificateMatch.EXACT)));
        expect("decide-2", body("new-site.cn"), "NEW_WEBSITE");
        when(national.subjectByCertificate(eq(CertificateType.RESIDENT_ID), eq(CERT)))
                .thenReturn(Uni.createFrom().item(filed(false, CertificateMatch.EXACT)));
        expect("decide-2", body("new-site.cn"), "NEW_WEBSITE_SUBJECT_ELSEWHERE");
    }

    @Test
    void aWebsiteFiledElsewhereUnderTheSameSubjectIsAnAccessFilingThatCannotMixWithNewOnes() {
        SubjectFiling subject = filed(false, CertificateMatch.EXACT);
        when(national.subjectByCertificate(any(), anyString())).thenReturn(Uni.createFrom().item(subject));
        when(national.filingByDomain("a.cn")).thenReturn(Uni.createFrom().item(domainOf(subject, false)));
        expect("decide-3", body("a.cn"), "ACCESS_FILING");
        conflict("decide-3", body("a.cn", "new-site.cn"), "domains", "ACCESS_AND_NEW_WEBSITE_MIXED");
    }

    @Test
    void domainsOfAnotherSubjectOrInFlightElsewhereAreConflicts() {
        SubjectFiling other = new SubjectFiling("沪ICP备87654321号", FilingStatus.NORMAL, SubjectNature.ENTERPRISE,
                "别家公司", Province.SHANGHAI, CertificateType.BUSINESS_LICENSE, "91310000XXXXXXXXXX",
                CertificateMatch.EXACT, "ALIYUN", false, "李四", true, null, List.of());
        when(national.filingByDomain("a.cn")).thenReturn(Uni.createFrom().item(domainOf(other, false)));
        conflict("decide-4", body("fresh.cn", "a.cn"), "domains[1]", "DOMAIN_FILED_UNDER_ANOTHER_SUBJECT");
        when(national.inFlight(any())).thenReturn(Uni.createFrom().item(new InFlightReport(true, true, List.of(
                new InFlightReport.Item("SUBJECT", null, "ALIYUN", false, null, TestClock.now()),
                new InFlightReport.Item("DOMAIN", "fresh.cn", "ALIYUN", false, null, TestClock.now())))));
        conflict("decide-4", body("fresh.cn"), "certificateNumber", "SUBJECT_IN_FLIGHT_ELSEWHERE");
        conflict("decide-4", body("fresh.cn"), "domains[0]", "DOMAIN_IN_FLIGHT_ELSEWHERE");
    }

    @Test
    void anOldStyleNumberOnRecordMustBeChangedFirst() {
        when(national.subjectByCertificate(any(), anyString()))
                .thenReturn(Uni.createFrom().item(filed(false, CertificateMatch.OLD_STYLE_NUMBER_ON_RECORD)));
        conflict("decide-5", body("new-site.cn"), "certificateNumber", "OLD_STYLE_CERTIFICATE_ON_RECORD");
    }

    @Test
    void aCertificateHeldByAnotherAccountRevealsNothingOfThatAccountsHolding() {
        String certificate = FilingPasswordTest.certificate();
        String holder = "decide-holder-" + java.util.UUID.randomUUID();
        as(holder, "applicant").contentType(ContentType.JSON)
                .body(SubjectResourceTest.subjectWith("王十二", certificate))
                .post("/api/v1/subjects").then().statusCode(201);
        SubjectFiling filed = new SubjectFiling("京ICP备87651234号", FilingStatus.NORMAL, SubjectNature.PERSON, "王十二",
                Province.BEIJING, CertificateType.RESIDENT_ID, certificate, CertificateMatch.EXACT, "BEIAN", true,
                "王十二", true, null, List.of());
        when(national.subjectByCertificate(eq(CertificateType.RESIDENT_ID), eq(certificate)))
                .thenReturn(Uni.createFrom().item(filed));
        when(national.filingByDomain("wang-site.cn")).thenReturn(Uni.createFrom().item(new DomainFiling("wang-site.cn",
                filed, new WebsiteFiling("京ICP备87651234号-1", "王的站", FilingStatus.NORMAL, "BEIAN", true,
                        List.of("wang-site.cn"), "王十二", null))));

        // A stranger typing the certificate learns that it is held here, and nothing more.
        String answer = as("decide-stranger", "applicant").contentType(ContentType.JSON)
                .body(bodyFor(certificate, "wang-site.cn", "new-site.cn")).post("/api/v1/filing-type-decisions")
                .then().statusCode(200).body("type", nullValue()).body("subjectFilingNumber", nullValue())
                .body("conflicts.size()", equalTo(1))
                .body("conflicts[0].code", equalTo("CERTIFICATE_HELD_BY_ANOTHER_ACCOUNT"))
                .body("conflicts[0].field", equalTo("certificateNumber"))
                .body("conflicts[0].message", equalTo("该证件已由本平台的其他账号登记"))
                .extract().asString();
        as("decide-stranger", "applicant").contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(bodyFor(certificate, "wang-site.cn", "new-site.cn")).post("/api/v1/filing-type-decisions")
                .then().statusCode(200).body("conflicts[0].message",
                        equalTo("This certificate is registered by another account here"))
                .body("conflicts[0].action", equalTo("Log in to the account that holds it"));
        org.junit.jupiter.api.Assertions.assertFalse(answer.contains("87651234") || answer.contains("王"), answer);
        org.mockito.Mockito.verify(national, org.mockito.Mockito.never())
                .subjectByCertificate(any(), eq(certificate));
        org.mockito.Mockito.verify(national, org.mockito.Mockito.never()).filingByDomain("wang-site.cn");

        // The holder's own decision keeps its details.
        as(holder, "applicant").contentType(ContentType.JSON).body(bodyFor(certificate, "new-site.cn"))
                .post("/api/v1/filing-type-decisions").then().statusCode(200)
                .body("type", equalTo("NEW_WEBSITE")).body("subjectFilingNumber", equalTo("京ICP备87651234号"));
    }

    @Test
    void aCertificateRegisteredByAnotherAccountHereIsAConflict() {
        as("decide-holder", "applicant").contentType(ContentType.JSON)
                .body(SubjectResourceTest.subjectWith("王十二", SubjectResourceTest.CERTIFICATE))
                .post("/api/v1/subjects").then().statusCode(201);
        conflict("decide-6", bodyFor(SubjectResourceTest.CERTIFICATE, "new-site.cn"), "certificateNumber",
                "CERTIFICATE_HELD_BY_ANOTHER_ACCOUNT");
    }

    @Test
    void anUnreachableRegistryIsA503AndBadInputA400() {
        when(national.inFlight(any())).thenReturn(Uni.createFrom().failure(new ProcessingException("refused")));
        as("decide-7", "applicant").contentType(ContentType.JSON).body(body("new-site.cn"))
                .post("/api/v1/filing-type-decisions").then().statusCode(503)
                .contentType("application/problem+json");
        as("decide-7", "applicant").contentType(ContentType.JSON)
                .body("{\"nature\":\"PERSON\",\"province\":\"BEIJING\",\"certificateType\":\"RESIDENT_ID\","
                        + "\"certificateNumber\":\"" + CERT + "\",\"domains\":[]}")
                .post("/api/v1/filing-type-decisions").then().statusCode(400)
                .body("errors[0].field", equalTo("domains"));
    }

    @Test
    void suffixesAreJudgedByTheSharedValidatorsAndSubdomainsAsTheirRegistrableDomain() {
        // Beijing refuses country-code suffixes (BJ-B-02); .com is fine; a subdomain is looked up as its domain.
        as("decide-8", "applicant").contentType(ContentType.JSON).body(body("shop.example.hk"))
                .post("/api/v1/filing-type-decisions").then().statusCode(200).body("type", nullValue())
                .body("conflicts[0].field", equalTo("domains[0]")).body("conflicts[0].rule", equalTo("BJ-B-02"));
        expect("decide-8", body("WWW.New-Site.COM."), "FIRST_FILING");
        org.mockito.Mockito.verify(national, org.mockito.Mockito.atLeastOnce()).filingByDomain("new-site.com");
        as("decide-8", "applicant").contentType(ContentType.JSON).body(body("ok.cn", "http://x.cn/path", "1.2.3.4"))
                .post("/api/v1/filing-type-decisions").then().statusCode(400)
                .body("errors.field", hasItem("domains[1]")).body("errors.field", hasItem("domains[2]"))
                .body("errors.size()", equalTo(2));
    }
}
