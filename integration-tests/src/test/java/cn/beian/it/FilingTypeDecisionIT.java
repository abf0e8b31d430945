package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The filing-type decision on the real stack: subject-service asks the national systems stand-in (as its machine
 * client, with a client-credentials token) about the seeded cases listed in national-systems/README.md.
 */
class FilingTypeDecisionIT {

    private static String applicant;

    @BeforeAll
    static void account() {
        applicant = Keycloak.newApplicant();
    }

    private static io.restassured.response.ValidatableResponse decide(String nature, String type, String number,
            String... domains) {
        String body = """
                {"nature":"%s","province":"BEIJING","certificateType":"%s","certificateNumber":"%s","domains":[%s]}"""
                .formatted(nature, type, number, String.join(",", java.util.Arrays.stream(domains)
                        .map(d -> "\"" + d + "\"").toList()));
        return given().auth().oauth2(applicant).contentType(ContentType.JSON).body(body)
                .post(Stack.SUBJECT + "/api/v1/filing-type-decisions").then().statusCode(200);
    }

    private static String freshDomain() {
        return "it-" + ThreadLocalRandom.current().nextInt(1_000_000_000) + ".cn";
    }

    @Test
    void nothingFiledIsAFirstFiling() {
        decide("PERSON", "RESIDENT_ID", "110101198001010053", freshDomain()).body("type", equalTo("FIRST_FILING"));
    }

    @Test
    void aSubjectFiledHereAddsAWebsite() {
        decide("PERSON", "RESIDENT_ID", "110102198810210115", freshDomain())
                .body("type", equalTo("NEW_WEBSITE"))
                .body("subjectFilingNumber", equalTo("京ICP备26571321号"));
    }

    @Test
    void aSubjectFiledElsewhereAddsAWebsiteOrTakesItsSiteOver() {
        decide("ENTERPRISE", "BUSINESS_LICENSE", "91330106349487392D", freshDomain())
                .body("type", equalTo("NEW_WEBSITE_SUBJECT_ELSEWHERE"));
        decide("ENTERPRISE", "BUSINESS_LICENSE", "91330106349487392D", "yunfan-elsewhere.cn")
                .body("type", equalTo("ACCESS_FILING"));
    }

    @Test
    void conflictsAreNamedWithWhatToDo() {
        decide("PERSON", "RESIDENT_ID", "110101198001010053", freshDomain(), "zhangwei-demo.cn")
                .body("type", nullValue())
                .body("conflicts.code", hasItem("DOMAIN_FILED_UNDER_ANOTHER_SUBJECT"))
                .body("conflicts.field", hasItem("domains[1]"));
        decide("PERSON", "RESIDENT_ID", "110101198001010053", "inflight-elsewhere.cn")
                .body("conflicts.code", hasItem("DOMAIN_IN_FLIGHT_ELSEWHERE"));
        decide("PERSON", "RESIDENT_ID", "510104198506120315", freshDomain())
                .body("conflicts.code", hasItem("OLD_STYLE_CERTIFICATE_ON_RECORD"));
    }
}
