package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.ServiceContent;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.order.FilingType;
import cn.beian.rules.ContentCategory;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.RuleEngine;
import cn.beian.testing.TestClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole-order pre-check on the real stack, for provinces and natures no module test uses, compared finding by
 * finding with the rules engine judging the same document in-process. Findings on domains are left out of the
 * comparison: the stack asks the registry stand-in, the in-process engine knows no registry.
 */
class PreCheckIT {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static String applicant;

    @BeforeAll
    static void account() {
        applicant = Keycloak.newApplicant();
    }

    @Test
    void aNingxiaPersonWithABeijingMobile() throws Exception {
        OrderDocument.Person p = person("马十", Fixtures.residentId("64", 30), "13800000013");
        judgedAlike(person(Province.NINGXIA, p, "马十的读书笔记", "本站记录个人读书笔记和书评，不含商业内容", List.of()), "NX-B-01");
    }

    @Test
    void aXinjiangPersonWhoseCertificateIsFromBeijing() throws Exception {
        OrderDocument.Person p = person("艾十一", Fixtures.residentId("11", 30), "13800000013");
        judgedAlike(person(Province.XINJIANG, p, "艾十一的读书笔记", "本站记录个人读书笔记和书评，不含商业内容", List.of()),
                "XJ-B-01", "XJ-B-02");
    }

    @Test
    void aQinghaiPersonDeclaringInstantMessagingWithoutARemark() throws Exception {
        OrderDocument.Person p = person("韩十二", Fixtures.residentId("63", 30), "13800000013");
        judgedAlike(person(Province.QINGHAI, p, "韩十二的小站", null, List.of(ContentCategory.INSTANT_MESSAGING)),
                "QH-P-02", "QH-B-02");
    }

    @Test
    void aHunanEnterpriseWhosePrincipalIsNotItsLegalPerson() throws Exception {
        OrderDocument.Person principal = person("周十三", Fixtures.residentId("43", 35), "13800000013");
        OrderDocument.Person legal = person("吴十四", Fixtures.residentId("43", 50), "13800000013");
        judgedAlike(unit(Province.HUNAN, principal, legal), "HN-U-01");
    }

    @Test
    void aGansuEnterpriseWhosePrincipalIsNotItsLegalPersonAndFilesItsOwnWebsites() throws Exception {
        OrderDocument.Person principal = person("郑十五", Fixtures.residentId("62", 35), "13800000013");
        OrderDocument.Person legal = person("王十六", Fixtures.residentId("62", 50), "13800000013");
        judgedAlike(unit(Province.GANSU, principal, legal), "GS-U-04");
    }

    /** The stack's findings equal the engine's (outside domains), and include the rows the document breaks. */
    private static void judgedAlike(OrderDocument doc, String... breaks) throws Exception {
        String body = JSON.writeValueAsString(doc);
        List<Map<String, Object>> found = given().auth().oauth2(applicant).contentType(ContentType.JSON).body(body)
                .post(Stack.WEBSITE + "/api/v1/pre-checks").then().statusCode(200).extract().path("findings");
        Set<String> stack = found.stream().filter(f -> !onDomain((String) f.get("fieldKey")))
                .filter(f -> !String.valueOf(f.get("fieldKey")).contains("materials."))
                .map(f -> f.get("ruleId") + " " + f.get("fieldKey") + " " + f.get("severity") + " " + f.get("outcome"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> engine = RuleEngine.standard().judge(doc, Facts.on(TestClock.today()), false).stream()
                .filter(f -> !onDomain(f.fieldKey()))
                .map(f -> f.ruleId() + " " + f.fieldKey() + " " + f.severity() + " " + f.outcome())
                .collect(Collectors.toCollection(TreeSet::new));
        // Rules needing registry facts are judged by the stack with the registry's answers: compare the rest.
        engine.removeIf(f -> f.endsWith("UNDETERMINED") && !stack.contains(f));
        assertEquals(engine, stack, "the stack and the engine judge " + doc.province() + " alike");
        for (String rule : breaks) {
            assertTrue(stack.stream().anyMatch(f -> f.startsWith(rule + " ") && f.endsWith("FAILED")),
                    rule + " must fail: " + stack);
        }
        // The province's requirements are public, and name the same rows.
        given().queryParam("province", doc.province().name()).queryParam("nature", doc.nature().name())
                .get(Stack.WEBSITE + "/api/v1/rules").then().statusCode(200)
                .body("rules.id", hasItem(breaks[0])).body("province", equalTo(doc.province().name()));
    }

    private static boolean onDomain(String key) {
        return key != null && key.matches("websites\\[\\d+]\\.domains.*");
    }

    private static OrderDocument person(Province province, OrderDocument.Person p, String site, String remarks,
            List<ContentCategory> categories) {
        OrderDocument.Subject s = new OrderDocument.Subject(SubjectNature.PERSON, province, null, null, p.name(),
                CertificateType.RESIDENT_ID, p.certificateNumber(), TestClock.today().plusYears(10),
                province.chineseName() + "某路1号101室", province.chineseName() + "某路1号101室", null, null, false,
                null, false, p, null);
        return new OrderDocument(FilingType.FIRST_FILING, null, s, List.of(website(site, remarks, categories)),
                List.of(), null);
    }

    private static OrderDocument unit(Province province, OrderDocument.Person principal,
            OrderDocument.Person legal) {
        String name = province.chineseName() + "某某科技有限公司";
        OrderDocument.Subject s = new OrderDocument.Subject(SubjectNature.ENTERPRISE, province, null, null, name,
                CertificateType.BUSINESS_LICENSE, Fixtures.uscc(province.code()), null,
                province.chineseName() + "某路1号", province.chineseName() + "某路1号", name, null, false, null, false,
                principal, legal);
        return new OrderDocument(FilingType.FIRST_FILING, null, s,
                List.of(website(name, "企业官网，介绍公司产品和服务", List.of())), List.of(), null);
    }

    private static OrderDocument.Website website(String name, String remarks, List<ContentCategory> categories) {
        String domain = "it-precheck-" + Math.abs(name.hashCode()) + ".cn";
        return new OrderDocument.Website(name, List.of(domain), List.of("http://www." + domain),
                ServiceContent.OTHER, categories, List.of(), List.of("zh-CN"), remarks, true, null, null);
    }

    private static OrderDocument.Person person(String name, String id, String mobile) {
        return new OrderDocument.Person(name, CertificateType.RESIDENT_ID, id, TestClock.today().plusYears(10),
                mobile, null, "it@example.cn");
    }


}
