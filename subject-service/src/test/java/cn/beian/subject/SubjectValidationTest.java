package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import cn.beian.validators.ResidentIdNumbers;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** Subject creation checks certificate numbers, phones, e-mail and the principal's age, and stores normalised values. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class SubjectValidationTest {

    static final String ID_1990 = "110101199003070011";
    static final String USCC = "91110108551385082Q";

    static String person(String certificate, String principalCertificate, String mobile, String officePhone,
            String email) {
        return """
                {"nature":"PERSON","province":"BEIJING","city":"北京市","district":"海淀区","name":"张三",
                 "certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "certificateAddress":"北京市海淀区中关村大街1号","communicationAddress":"北京市海淀区中关村大街1号101室",
                 "principal":{"name":"张三","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                   "mobile":"%s",%s"email":"%s"}}""".formatted(certificate, principalCertificate, mobile,
                officePhone == null ? "" : "\"officePhone\":\"" + officePhone + "\",", email);
    }

    static String unit(String certificateType, String certificate, String principalCertificate) {
        return """
                {"nature":"ENTERPRISE","province":"BEIJING","city":"北京市","district":"海淀区","name":"北京示例科技有限公司",
                 "certificateType":"%s","certificateNumber":"%s",
                 "certificateAddress":"北京市海淀区中关村大街1号","communicationAddress":"北京市海淀区中关村大街1号2楼",
                 "principal":{"name":"李雷","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                   "mobile":"13911112222","officePhone":"010-62345678","email":"lilei@example.com"}}"""
                .formatted(certificateType, certificate, principalCertificate);
    }

    /** A valid Beijing resident ID of someone who turns {@code years} old today (Beijing time). */
    static String bornYearsAgo(int years, int extraDays) {
        LocalDate birth = TestClock.today().minusYears(years).plusDays(extraDays);
        String first17 = "110108" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "004";
        return first17 + ResidentIdNumbers.checkDigit(first17);
    }

    static ValidatableResponse create(String account, String body) {
        return as(account, "applicant").contentType(ContentType.JSON).header("Accept-Language", "en").body(body)
                .post("/api/v1/subjects").then();
    }

    @Test
    void valuesAreStoredNormalised() {
        create("val-normalised", person("11010519491231002x", "11010519491231002x", "+86 139-1111-2222",
                "(010) 6234 5678", "Zhang.San@EXAMPLE.com"))
                .statusCode(201)
                .body("certificateNumber", equalTo("11010519491231002X"))
                .body("principal.certificateNumber", equalTo("11010519491231002X"))
                .body("principal.mobile", equalTo("13911112222"))
                .body("principal.officePhone", equalTo("010-62345678"))
                .body("principal.email", equalTo("Zhang.San@example.com"));
    }

    @Test
    void everyProblemIsNamedInOneAnswer() throws Exception {
        long before = SubjectResourceTest.count("select count(*) from subject");
        create("val-all", person("110101199003070012", "11010519491231002Y".replace('Y', '1'), "12012345678",
                "12345678", "alice@example"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", containsString("validation-failed"))
                .body("errors.size()", equalTo(5))
                .body("errors.field", containsInAnyOrder("certificateNumber", "principal.certificateNumber",
                        "principal.mobile", "principal.officePhone", "principal.email"))
                .body("errors.find { it.field == 'certificateNumber' }.code", equalTo("CERTIFICATE_CHECK_DIGIT"))
                .body("errors.find { it.field == 'principal.certificateNumber' }.code",
                        equalTo("CERTIFICATE_CHECK_DIGIT"))
                .body("errors.find { it.field == 'principal.mobile' }.code", equalTo("MOBILE_INVALID"))
                .body("errors.find { it.field == 'principal.officePhone' }.code", equalTo("OFFICE_PHONE_INVALID"))
                .body("errors.find { it.field == 'principal.email' }.code", equalTo("EMAIL"));
        assertEquals(before, SubjectResourceTest.count("select count(*) from subject"));
    }

    @Test
    void malformedOldStyleAndImpossibleNumbersHaveTheirOwnCodes() {
        create("val-old", person("110105491231002", ID_1990, "13800000013", null, "a@example.com"))
                .statusCode(400)
                .body("errors[0].field", equalTo("certificateNumber"))
                .body("errors[0].code", equalTo("CERTIFICATE_OLD_STYLE"));
        create("val-future", person(bornYearsAgo(-1, 0), ID_1990, "13800000013", null, "a@example.com"))
                .statusCode(400)
                .body("errors[0].code", equalTo("CERTIFICATE_BIRTH_DATE"));
        create("val-format", person("E12345678", ID_1990, "13800000013", null, "a@example.com"))
                .statusCode(400)
                .body("errors[0].code", equalTo("CERTIFICATE_FORMAT"));
        create("val-orgcode", unit("BUSINESS_LICENSE", "55138508-2", ID_1990))
                .statusCode(400)
                .body("errors[0].field", equalTo("certificateNumber"))
                .body("errors[0].code", equalTo("CERTIFICATE_OLD_STYLE"));
        create("val-uscc", unit("BUSINESS_LICENSE", "91110108551385082A", ID_1990))
                .statusCode(400)
                .body("errors[0].code", equalTo("CERTIFICATE_CHECK_DIGIT"));
    }

    @Test
    void aUnitWithAValidCreditCodeIsCreated() {
        create("val-unit", unit("BUSINESS_LICENSE", USCC.toLowerCase(), ID_1990))
                .statusCode(201)
                .body("certificateNumber", equalTo(USCC));
        create("val-unit-org", unit("ORGANIZATION_CODE", "55138508-2", ID_1990)).statusCode(201);
    }

    @Test
    void aUnitsPrincipalIsAtLeastSixteen() {
        create("val-young", unit("BUSINESS_LICENSE", USCC, bornYearsAgo(16, 1)))
                .statusCode(400)
                .body("errors.size()", equalTo(1))
                .body("errors[0].field", equalTo("principal.certificateNumber"))
                .body("errors[0].code", equalTo("PRINCIPAL_TOO_YOUNG"));
        create("val-sixteen", unit("BUSINESS_LICENSE", USCC, bornYearsAgo(16, 0))).statusCode(201);
    }

    @Test
    void aPersonUnderEighteenIsAccepted() {
        String seventeen = bornYearsAgo(18, 1);
        create("val-minor", person(seventeen, seventeen, "13800000013", null, "minor@example.com")).statusCode(201);
    }

    @Test
    void aResidentIdFromAnotherProvinceIsFine() {
        create("val-moved", person("440308199901011234", "440308199901011234", "13800000013", null, "gd@example.com"))
                .statusCode(201);
    }

    @Test
    void aPersonWithAUnitCertificateGetsOneErrorNotTwo() {
        create("val-kinds", person(ID_1990, ID_1990, "13800000013", null, "a@example.com")
                .replaceFirst("\"certificateType\":\"RESIDENT_ID\"", "\"certificateType\":\"BUSINESS_LICENSE\""))
                .statusCode(400)
                .body("errors.size()", equalTo(1))
                .body("errors[0].code", equalTo("CERTIFICATE_TYPE_NOT_FOR_NATURE"))
                .body("errors.field", not(hasItem("certificateNumber")));
    }

    @Test
    void theMobileNeedsItsCharactersBeforeItsNumberIsChecked() {
        create("val-mobile-chars", person(ID_1990, ID_1990, "138-0000-001x", null, "a@example.com"))
                .statusCode(400)
                .body("errors[0].field", equalTo("principal.mobile"))
                .body("errors[0].code", equalTo("PATTERN"));
        create("val-mobile-hk", person(ID_1990, ID_1990, "+852 9123 4567", null, "a@example.com"))
                .statusCode(400)
                .body("errors[0].field", equalTo("principal.mobile"))
                .body("errors[0].code", equalTo("MOBILE_INVALID"));
    }
}
