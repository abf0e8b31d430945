package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.testing.TestClock;
import io.restassured.http.ContentType;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A mobile that no longer receives SMS, on the running stack: a first filing taken to its numbers; the principal's
 * number then marked unreachable at the SMS stand-in (out of service); notification-service's clock moved to the
 * police-filing reminders of days 1 and 7, whose SMS the stand-in accepts and reports FAILED; the jobs run by hand
 * read the reports. The subject then shows {@code MOBILE_UNDELIVERABLE}, and the applicant is told once, by e-mail
 * only. The same for a filed website's own principal (website-service's probe finding, told by e-mail to the
 * applicant, the subject's and the website's principal). The numbers are restored at the end.
 */
class UndeliverableMobileIT {

    private static final String NOT_ON_SERVICE = "MOBILE_NOT_ON_SERVICE";
    private static final String MAIL_SUBJECT = "无法接收短信";

    @Test
    void aFiledSubjectsPrincipalWhoseSmsFailIsShownTheFindingAndToldByEmail() throws Exception {
        String admin = Journeys.admin();
        Journeys.Filed f = Journeys.firstFiling("送达", List.of(Journeys.domain("undeliverable")));
        Journeys.Applicant a = f.applicant();
        String findings = Stack.SUBJECT + "/api/v1/subjects/" + a.subjectId() + "/findings";
        unreachable(a.mobile(), true);
        try {
            int smsBefore = Journeys.smsTemplates(a.mobile()).size();
            ZonedDateTime start = TestClock.now().toZonedDateTime();
            // day 1's police-filing reminder, in the daytime (no quiet hours; the journey's SMS out of the hour's limit)
            Journeys.moveClock(Stack.NOTIFICATION, admin, Journeys.daytime(start.plusDays(1)));
            runJobsUntilReported(admin, a.mobile(), smsBefore + 1);
            given().auth().oauth2(a.token()).get(findings).then().statusCode(200)
                    .body("findAll { it.kind == 'MOBILE_UNDELIVERABLE' }.size()", equalTo(0));

            // day 7's: the second SMS in a row lost for the number's reason
            Journeys.moveClock(Stack.NOTIFICATION, admin, Journeys.daytime(start.plusDays(7)));
            runJobsUntilReported(admin, a.mobile(), smsBefore + 2);

            Journeys.await(() -> given().auth().oauth2(a.token()).get(findings).then().statusCode(200).extract()
                    .jsonPath().getList("kind", String.class).contains("MOBILE_UNDELIVERABLE"));
            given().auth().oauth2(a.token()).get(findings).then()
                    .body("find { it.kind == 'MOBILE_UNDELIVERABLE' }.fieldKey", equalTo("principal.mobile"))
                    .body("find { it.kind == 'MOBILE_UNDELIVERABLE' }.resolvedAt", equalTo(null));
            given().auth().oauth2(Journeys.reviewer()).get(findings).then().statusCode(200)
                    .body("findAll { it.kind == 'MOBILE_UNDELIVERABLE' }.size()", equalTo(1));

            Journeys.await(() -> Journeys.mailSubjects(a.email()).stream().anyMatch(s -> s.contains(MAIL_SUBJECT)));
            // told once, and by e-mail only: the SMS sent to the number are the two reminders, nothing more
            runJobs(admin);
            assertEquals(1, Journeys.mailSubjects(a.email()).stream().filter(s -> s.contains(MAIL_SUBJECT)).count());
            assertEquals(smsBefore + 2, Journeys.smsTemplates(a.mobile()).size());
            List<Map<String, Object>> sms = messages(a.mobile());
            assertTrue(sms.subList(smsBefore, sms.size()).stream()
                    .allMatch(m -> "FAILED".equals(m.get("status")) && NOT_ON_SERVICE.equals(m.get("errorCode"))),
                    String.valueOf(sms));
        } finally {
            unreachable(a.mobile(), false);
            Journeys.resetClock(Stack.NOTIFICATION, admin);
        }
    }

    @Test
    void aFiledWebsitesOwnPrincipalWhoseSmsFailIsAProbeFindingToldByEmailOnly() throws Exception {
        String admin = Journeys.admin();
        Journeys.Applicant a = Journeys.applicant("网送");
        String order = Journeys.open(a, "{\"type\":\"FIRST_FILING\"}");
        String domain = Journeys.domain("undeliverable-web");
        String websiteMobile = Fixtures.mobile();
        String websiteEmail = "website-principal-" + UUID.randomUUID() + "@beian.local";
        String websites = Stack.WEBSITE + "/api/v1/orders/" + order + "/websites";
        Journeys.await(() -> given().auth().oauth2(a.token()).get(websites).statusCode() == 200);
        Fixtures.registerDomain(admin, domain, a.name(), a.cert());
        // the website has its own principal, with a mobile of their own (confirmed, as the forms do)
        String body = Fixtures.website(a.token(), a.name() + "的随笔甲", domain).replace(
                "\"principalSameAsSubject\":true", """
                "principalSameAsSubject":false,"principal":{"name":"%s","certificateType":"RESIDENT_ID",
                 "certificateNumber":"%s","mobile":"%s","email":"%s"}"""
                        .formatted(a.name() + "妹", Fixtures.residentId(), websiteMobile, websiteEmail));
        Journeys.confirmMobile(a.token(), websiteMobile);
        String websiteId = given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(body).post(websites)
                .then().statusCode(201).extract().path("id");
        String materials = Stack.MATERIALS + "/api/v1/orders/" + order;
        Journeys.await(() -> given().auth().oauth2(a.token()).get(materials + "/required-materials").then()
                .extract().jsonPath().getList("missing.ownerRef", String.class)
                .contains("websites[" + websiteId + "].principal"));
        // the administration texts each principal a code: the website principal enters theirs
        Journeys.Filed f = Journeys.approveThrough(a, order, List.of(websiteId), List.of(domain), () -> {
            Journeys.await(() -> Journeys.smsCode(websiteMobile) != null);
            given().contentType(ContentType.JSON).body(Map.of("mobile", websiteMobile, "code",
                    Journeys.smsCode(websiteMobile))).post(Stack.NATIONAL + "/api/v1/sms-verifications");
        });
        String filedId = f.websiteIds().get(0);
        String findings = Stack.WEBSITE + "/api/v1/filed-websites/" + filedId + "/findings";
        String subjectFindings = Stack.SUBJECT + "/api/v1/subjects/" + a.subjectId() + "/findings";
        String mailSubject = "负责人手机号已无法接收短信";
        unreachable(websiteMobile, true);
        try {
            int smsBefore = Journeys.smsTemplates(websiteMobile).size();
            ZonedDateTime start = TestClock.now().toZonedDateTime();
            // the police-filing reminders of days 1 and 7 text the website's principal too: both lost
            Journeys.moveClock(Stack.NOTIFICATION, admin, Journeys.daytime(start.plusDays(1)));
            runJobsUntilReported(admin, websiteMobile, smsBefore + 1);
            Journeys.moveClock(Stack.NOTIFICATION, admin, Journeys.daytime(start.plusDays(7)));
            runJobsUntilReported(admin, websiteMobile, smsBefore + 2);

            Journeys.await(() -> given().auth().oauth2(a.token()).get(findings).then().statusCode(200).extract()
                    .jsonPath().getList("kind", String.class).contains("MOBILE_UNDELIVERABLE"));
            given().auth().oauth2(a.token()).get(findings).then()
                    .body("findAll { it.kind == 'MOBILE_UNDELIVERABLE' }.size()", equalTo(1))
                    .body("find { it.kind == 'MOBILE_UNDELIVERABLE' }.detail", startsWith("principal.mobile: "))
                    .body("find { it.kind == 'MOBILE_UNDELIVERABLE' }.resolvedAt", equalTo(null));
            given().auth().oauth2(Journeys.reviewer())
                    .get(Stack.WEBSITE + "/api/v1/filed-websites/at-risk?kind=MOBILE_UNDELIVERABLE&limit=100").then()
                    .statusCode(200).body("items.filedWebsiteId", hasItem(filedId));
            // the subject's principal still receives SMS: no subject finding
            given().auth().oauth2(a.token()).get(subjectFindings).then().statusCode(200)
                    .body("findAll { it.kind == 'MOBILE_UNDELIVERABLE' }.size()", equalTo(0));

            // told once, by e-mail only: the website principal's SMS are the two lost reminders, nothing more
            Journeys.await(() -> Journeys.mailSubjects(websiteEmail).stream().anyMatch(s -> s.contains(mailSubject)));
            Journeys.await(() -> Journeys.mailSubjects(a.email()).stream().anyMatch(s -> s.contains(mailSubject)));
            runJobs(admin);
            assertEquals(1, Journeys.mailSubjects(websiteEmail).stream().filter(s -> s.contains(mailSubject)).count());
            assertEquals(1, Journeys.mailSubjects(a.email()).stream().filter(s -> s.contains(mailSubject)).count());
            assertEquals(smsBefore + 2, Journeys.smsTemplates(websiteMobile).size());
            List<Map<String, Object>> sms = messages(websiteMobile);
            assertTrue(sms.subList(smsBefore, sms.size()).stream()
                    .allMatch(m -> "FAILED".equals(m.get("status")) && NOT_ON_SERVICE.equals(m.get("errorCode"))),
                    String.valueOf(sms));
        } finally {
            unreachable(websiteMobile, false);
            Journeys.resetClock(Stack.NOTIFICATION, admin);
        }
    }

    /** Runs notification-service's jobs (reminders, sending, delivery reports) until the n-th SMS to the number is reported. */
    private static void runJobsUntilReported(String admin, String mobile, int n) {
        Journeys.await(() -> {
            runJobs(admin);
            List<Map<String, Object>> sms = messages(mobile);
            return sms.size() >= n && !"SENDING".equals(sms.get(n - 1).get("status"));
        });
        // the report read after the stand-in had it
        runJobs(admin);
    }

    private static void runJobs(String admin) {
        given().auth().oauth2(admin).post(Stack.NOTIFICATION + "/api/v1/admin/notification-jobs/run").then()
                .statusCode(200);
    }

    private static List<Map<String, Object>> messages(String mobile) {
        return given().queryParam("phone", mobile).get(Stack.SMS + "/api/v1/sms/messages").then().statusCode(200)
                .extract().path("$");
    }

    private static void unreachable(String mobile, boolean unreachable) {
        String path = Stack.SMS + "/api/v1/sms/test/unreachable/" + mobile;
        (unreachable ? given().contentType(ContentType.JSON).body("{\"errorCode\":\"" + NOT_ON_SERVICE + "\"}").put(path)
                : given().delete(path)).then().statusCode(200);
    }
}
