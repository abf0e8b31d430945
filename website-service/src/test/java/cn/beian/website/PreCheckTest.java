package cn.beian.website;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import cn.beian.national.client.NationalSystemsClient;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.NotFoundException;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stateless whole-order pre-check and the public rules, over HTTP. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "website"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class PreCheckTest {

    @InjectMock
    @RestClient
    NationalSystemsClient national;

    @BeforeEach
    void registry() {
        when(national.domainRegistration(anyString())).thenAnswer(inv -> Uni.createFrom().item(
                WebsiteServiceTest.registration(inv.getArgument(0), WebsiteServiceTest.LINA,
                        WebsiteServiceTest.LINA_ID)));
        when(national.filingByDomain(anyString())).thenReturn(Uni.createFrom().failure(new NotFoundException()));
    }

    @Test
    void aBeijingPersonWithAnOutOfProvinceMobileIsToldWhichFieldBreaksWhichRuleInTheCallersLanguage() {
        String account = "alice-" + UUID.randomUUID();
        as(account, "applicant").contentType(ContentType.JSON).body(order("13900000001")).post("/api/v1/pre-checks")
                .then().statusCode(200)
                .body("findings.find { it.ruleId == 'BJ-B-01' }.fieldKey", equalTo("subject.principal.mobile"))
                .body("findings.find { it.ruleId == 'BJ-B-01' }.severity", equalTo("BLOCKS"))
                .body("findings.find { it.ruleId == 'BJ-B-01' }.outcome", equalTo("FAILED"))
                .body("findings.find { it.ruleId == 'BJ-B-01' }.message", startsWith("北京"))
                .body("findings.find { it.ruleId == 'BJ-B-01' }.message", not(org.hamcrest.Matchers
                        .containsString("13900000001")));
        as(account, "applicant").header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(order("13900000001")).post("/api/v1/pre-checks").then().statusCode(200)
                .body("findings.find { it.ruleId == 'BJ-B-01' }.message", startsWith("Beijing"));
        as(account, "applicant").contentType(ContentType.JSON).body(order("13800000013")).post("/api/v1/pre-checks")
                .then().statusCode(200).body("findings.ruleId", not(hasItem("BJ-B-01")))
                .body("findings.find { it.fieldKey == 'websites[0].materials.VERIFICATION_FORM' }.severity",
                        equalTo("BLOCKS"));
        String uploaded = order("13800000013").replaceFirst("\\{\"type\":\"FIRST_FILING\",",
                "{\"type\":\"FIRST_FILING\",\"materials\":[{\"kind\":\"VERIFICATION_FORM\",\"owner\":\"websites[0]\"}],");
        as(account, "applicant").contentType(ContentType.JSON).body(uploaded).post("/api/v1/pre-checks")
                .then().statusCode(200)
                .body("findings.fieldKey", not(hasItem("websites[0].materials.VERIFICATION_FORM")));
    }

    @Test
    void aMalformedDocumentIsA400NamingEachBadFieldNeverAnEmptyList() {
        String account = "alice-" + UUID.randomUUID();
        as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\",\"subject\":{\"province\":\"BEIJING\"}}")
                .post("/api/v1/pre-checks").then().statusCode(400)
                .body("errors.field", hasItem("subject.nature"));
        as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\",\"subject\":{\"province\":\"ATLANTIS\",\"nature\":\"PERSON\"}}")
                .post("/api/v1/pre-checks").then().statusCode(400)
                .body("errors.field", hasItem("subject.province"));
        as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":")
                .post("/api/v1/pre-checks").then().statusCode(400);
        as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"CHANGE\",\"subject\":{\"province\":\"BEIJING\",\"nature\":\"PERSON\"}}")
                .post("/api/v1/pre-checks").then().statusCode(400).body("errors.field", hasItem("changeKind"));
        String eleven = "{\"type\":\"FIRST_FILING\",\"subject\":{\"province\":\"BEIJING\",\"nature\":\"PERSON\"},"
                + "\"websites\":[" + String.join(",", java.util.Collections.nCopies(11, "{\"name\":\"x\"}")) + "]}";
        as(account, "applicant").contentType(ContentType.JSON).body(eleven).post("/api/v1/pre-checks").then()
                .statusCode(400).body("errors[0].field", equalTo("websites[10]"))
                .body("errors[0].code", equalTo("TOO_MANY_WEBSITES"));
        RestAssured.given().contentType(ContentType.JSON).body(order("13800000013")).post("/api/v1/pre-checks")
                .then().statusCode(401);
    }

    @Test
    void oddButWellFormedDocumentsAreJudgedAndNeverAServerError() {
        String account = "alice-" + UUID.randomUUID();
        String subject = "\"subject\":{\"province\":\"TIANJIN\",\"nature\":\"ENTERPRISE\"";
        for (String body : java.util.List.of(
                "{\"type\":\"FIRST_FILING\"," + subject + "}}",
                "{\"type\":\"FIRST_FILING\"," + subject + ",\"principal\":{},\"legalPerson\":{}}}",
                "{\"type\":\"FIRST_FILING\"," + subject + "},\"websites\":[{\"domains\":[\"\",\"例子.中国\","
                        + "\"http://x.cn/a\",\"*.x.cn\"],\"homepageUrls\":[\"::\"],\"contentCategories\":[],"
                        + "\"preApprovals\":[{}],\"principal\":{\"mobile\":\"abc\"}}],\"materials\":[{}]}",
                "{\"type\":\"DEREGISTER_SUBJECT\"," + subject + ",\"certificateNumber\":\"91\",\"remarks\":\""
                        + "长".repeat(2000) + "\"}}")) {
            as(account, "applicant").contentType(ContentType.JSON).body(body).post("/api/v1/pre-checks").then()
                    .statusCode(200);
        }
        as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\"," + subject + "},\"websites\":[null]}")
                .post("/api/v1/pre-checks").then().statusCode(400).body("errors[0].field", equalTo("websites[0]"));
        as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\"," + subject + "},\"websites\":[{\"domains\":[\"x.cn\",null]}]}")
                .post("/api/v1/pre-checks").then().statusCode(400)
                .body("errors[0].field", equalTo("websites[0].domains[1]"));
        as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\"," + subject + "},\"websites\":[{\"domains\":\"x.cn\"}]}")
                .post("/api/v1/pre-checks").then().statusCode(400);
        as(account, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\"," + subject + ",\"shoeSize\":42}}")
                .post("/api/v1/pre-checks").then().statusCode(400).body("errors[0].field", equalTo("subject.shoeSize"));
    }

    @Test
    void anyoneMayReadWhatAProvinceRequiresAndAnUnknownProvinceOrNatureIsA400() {
        RestAssured.given().queryParam("province", "BEIJING").queryParam("nature", "PERSON")
                .get("/api/v1/rules").then().statusCode(200)
                .body("type", equalTo("FIRST_FILING"))
                .body("rules.id", hasItem("BJ-B-01"))
                .body("rules.find { it.id == 'BJ-B-01' }.fields", hasItem("subject.principal.mobile"));
        RestAssured.given().queryParam("province", "SHANGHAI").queryParam("nature", "ENTERPRISE")
                .get("/api/v1/rules").then().statusCode(200)
                .body("rules.id", everyItem(not(startsWith("BJ-"))));
        RestAssured.given().queryParam("province", "ATLANTIS").queryParam("nature", "ALIEN")
                .get("/api/v1/rules").then().statusCode(400)
                .body("errors.field", hasItem("province")).body("errors.field", hasItem("nature"))
                .body("errors.find { it.field == 'province' }.code", equalTo("UNKNOWN_VALUE"));
        RestAssured.given().get("/api/v1/rules").then().statusCode(400).body("errors.field", hasItem("province"));
    }

    private static String order(String mobile) {
        return """
                {"type":"FIRST_FILING",
                 "subject":{"nature":"PERSON","province":"BEIJING","name":"李娜","certificateType":"RESIDENT_ID",
                   "certificateNumber":"%s","communicationAddress":"北京市朝阳区某路1号101室",
                   "principal":{"name":"李娜","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                     "mobile":"%s","email":"lina@example.cn"}},
                 "websites":[{"name":"李娜的读书笔记","domains":["lina-precheck.cn"],
                   "homepageUrls":["http://www.lina-precheck.cn"],"serviceContent":"OTHER","principalSameAsSubject":true}]}
                """.formatted(WebsiteServiceTest.LINA_ID, WebsiteServiceTest.LINA_ID, mobile);
    }
}
