package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.testing.TestClock;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Subject checks on the running stack: a first filing whose principal's certificate is valid for five more days,
 * taken to its number; subject-service's clock moved a week on and a round of the checks run by hand. The subject
 * shows the expired certificate as a finding, the applicant is told once by SMS and e-mail that a change filing is
 * required, and a second round raises nothing.
 */
class SubjectChecksIT {

    private static final String CHANGE_REQUIRED_SMS = "SMS_BEIAN_1032";

    @Test
    void anExpiredPrincipalCertificateIsShownOnTheSubjectAndToldOnce() throws Exception {
        String admin = Journeys.admin();
        LocalDate validUntil = TestClock.today().plusDays(5);
        Journeys.Applicant a = applicant(validUntil);
        String order = Journeys.open(a, "{\"type\":\"FIRST_FILING\"}");
        Journeys.fileWebsites(a, order, List.of(Journeys.domain("expiry")), () -> { });
        String subject = Stack.SUBJECT + "/api/v1/subjects/" + a.subjectId();
        given().auth().oauth2(a.token()).get(subject).then().statusCode(200)
                .body("principal.certificateValidUntil", equalTo(validUntil.toString()))
                .body("filingNumber", org.hamcrest.Matchers.notNullValue());

        try {
            // notification-service on the next day's daytime: no quiet hours, the journey's SMS out of the hour's limit
            Journeys.moveClock(Stack.NOTIFICATION, admin, Journeys.daytime(TestClock.now().toZonedDateTime().plusDays(1)));
            // still valid: nothing
            run(admin);
            given().auth().oauth2(a.token()).get(subject + "/findings").then().statusCode(200).body("$", hasSize(0));

            // a week on for subject-service: the certificate has expired
            Journeys.moveClock(Stack.SUBJECT, admin, TestClock.now().toZonedDateTime().plusDays(7));
            // (earlier runs' subjects on the same stack may be raised with it)
            assertTrue(run(admin) >= 1);
            given().auth().oauth2(a.token()).get(subject + "/findings").then().statusCode(200).body("$", hasSize(1))
                    .body("[0].kind", equalTo("PRINCIPAL_CERTIFICATE_EXPIRED"))
                    .body("[0].fieldKey", equalTo("principal.certificateValidUntil"))
                    .body("[0].validUntil", equalTo(validUntil.toString())).body("[0].resolvedAt", nullValue());
            given().auth().oauth2(Journeys.reviewer()).get(subject + "/findings").then().statusCode(200)
                    .body("$", hasSize(1));

            Journeys.await(() -> Journeys.smsTemplates(a.mobile()).contains(CHANGE_REQUIRED_SMS));
            Journeys.await(() -> Journeys.mailSubjects(a.email()).stream().anyMatch(s -> s.contains("变更备案")));

            // a second round: nothing new raised anywhere, nothing told again
            assertEquals(0, run(admin));
            given().auth().oauth2(a.token()).get(subject + "/findings").then().body("$", hasSize(1));
            Thread.sleep(2000);
            assertEquals(1, Journeys.smsTemplates(a.mobile()).stream().filter(CHANGE_REQUIRED_SMS::equals).count());
            assertEquals(1, Journeys.mailSubjects(a.email()).stream().filter(s -> s.contains("变更备案")).count());
        } finally {
            Journeys.resetClock(Stack.SUBJECT, admin);
            Journeys.resetClock(Stack.NOTIFICATION, admin);
        }
    }

    /** As {@link Journeys#applicant}, the principal's certificate valid until {@code validUntil}. */
    private static Journeys.Applicant applicant(LocalDate validUntil) {
        String token = Keycloak.newApplicant();
        String name = "期" + (char) (0x4e00 + java.util.concurrent.ThreadLocalRandom.current().nextInt(0x100, 0x1000));
        String cert = Fixtures.residentId();
        String mobile = Fixtures.mobile();
        String email = "journey-" + UUID.randomUUID() + "@beian.local";
        String subjectId = given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"nature":"PERSON","province":"BEIJING","city":"北京市","district":"海淀区","name":"%s",
                 "certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "certificateAddress":"北京市海淀区中关村大街1号","communicationAddress":"北京市海淀区中关村大街1号101室",
                 "principal":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                   "mobile":"%s","email":"%s","certificateValidUntil":"%s"}}"""
                .formatted(name, cert, name, cert, mobile, email, validUntil))
                .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201).extract().path("id");
        Journeys.confirmMobile(token, mobile);
        return new Journeys.Applicant(token, name, cert, mobile, email, subjectId);
    }

    private static int run(String admin) {
        return given().auth().oauth2(admin).post(Stack.SUBJECT + "/api/v1/admin/subject-checks/run").then()
                .statusCode(200).extract().path("raised");
    }
}
