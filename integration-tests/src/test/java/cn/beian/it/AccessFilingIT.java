package cn.beian.it;

import static cn.beian.it.Journeys.access;
import static cn.beian.it.Journeys.await;
import static cn.beian.it.Journeys.awaitAccess;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An access filing (接入备案) on the real stack: a subject and its website filed at another provider (seeded in the
 * national stand-in's registry) move their access here. A fresh account proves the filing password, the order is
 * pre-filled from the registry (the subject's and the website's existing numbers, the website's name and domains) and
 * an edit of that data is refused; no domain is verified, no curtain photo is taken, the site is served once initial
 * review passes, and the administration approves it under the existing numbers with this provider as the access
 * provider. If the order then waits out its 45 days after an authority rejection, the site is closed again.
 */
class AccessFilingIT {

    /** The provider the seeded filing was made at. */
    static final String ELSEWHERE = "另一接入商";

    /** A subject filed at another provider with one website on {@code domain}, as the registry holds it. */
    record Elsewhere(String subjectNumber, String websiteNumber, String websiteName, String password) {
    }

    /** Seeds the stand-in's registry: {@code a}'s subject and a website on {@code domain}, filed at another provider. */
    static Elsewhere filedElsewhere(Journeys.Applicant a, String domain) {
        String password = "Pw-" + java.util.UUID.randomUUID().toString().substring(0, 10);
        String websiteName = a.name() + "的旧站";
        Map<String, Object> filed = given().auth().oauth2(Journeys.admin()).contentType(ContentType.JSON).body("""
                {"nature":"PERSON","name":"%s","province":"BEIJING","certificateType":"RESIDENT_ID",
                 "certificateNumber":"%s","provider":"%s","password":"%s",
                 "principal":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s","mobile":"%s",
                   "email":"%s"},
                 "websites":[{"name":"%s","provider":"%s","domains":["%s"],"principalName":"%s",
                   "principalMobile":"%s"}]}"""
                .formatted(a.name(), a.cert(), ELSEWHERE, password, a.name(), a.cert(), a.mobile(), a.email(),
                        websiteName, ELSEWHERE, domain, a.name(), a.mobile()))
                .post(Stack.NATIONAL + "/api/v1/admin/registry/subjects").then().statusCode(201).extract().path("$");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sites = (List<Map<String, Object>>) filed.get("websites");
        return new Elsewhere((String) filed.get("subjectFilingNumber"),
                (String) sites.get(0).get("websiteFilingNumber"), websiteName, password);
    }

    /** Opens the access filing for {@code domain} with the right password, after a wrong one was refused. */
    static String openAccessFiling(Journeys.Applicant a, String domain, Elsewhere e) {
        given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body("{\"domains\":[\"%s\"],\"filingPassword\":\"wrong-password\"}".formatted(domain))
                .post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("filingPassword"))
                .body("errors[0].code", equalTo("FILING_PASSWORD_WRONG"));
        // Without a password: the field is named.
        given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body("{\"domains\":[\"%s\"]}".formatted(domain)).post(Stack.SUBJECT + "/api/v1/orders").then()
                .statusCode(400).body("errors[0].field", equalTo("filingPassword"));
        return given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body("{\"domains\":[\"%s\"],\"filingPassword\":\"%s\"}".formatted(domain, e.password()))
                .post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(201).body("type", equalTo("ACCESS_FILING"))
                .extract().path("id");
    }

    /**
     * The pre-filled website as the applicant sees it, checked, then completed with what the registry does not hold
     * (homepage, content, languages, remarks, principal, servers) and its materials; answers the website's id.
     */
    static String completeAccessFiling(Journeys.Applicant a, String order, String domain, Elsewhere e)
            throws Exception {
        String websites = Stack.WEBSITE + "/api/v1/orders/" + order + "/websites";
        await(() -> given().auth().oauth2(a.token()).get(websites).statusCode() == 200
                && given().auth().oauth2(a.token()).get(websites).path("websites.size()").equals(1));
        String id = given().auth().oauth2(a.token()).get(websites).then()
                .body("websites", hasSize(1))
                .body("websites[0].websiteFilingNumber", equalTo(e.websiteNumber()))
                .body("websites[0].name", equalTo(e.websiteName()))
                .body("websites[0].domains", equalTo(List.of(domain)))
                .extract().path("websites[0].id");
        String site = websites + "/" + id;
        String body = Fixtures.website(a.token(), e.websiteName(), domain);

        // The filed data is the existing filing's: renaming the website, or adding one, is refused.
        String renamed = Fixtures.website(a.token(), e.websiteName() + "新", domain);
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).header("If-Match", etag(a, site)).body(renamed)
                .put(site).then().statusCode(409).body("code", equalTo("DATA_FROM_EXISTING_FILING"))
                .body("errors[0].field", equalTo("websites[0].name"));
        given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body(Fixtures.website(a.token(), "又一个站", Journeys.domain("access-more"))).post(websites).then()
                .statusCode(409).body("code", equalTo("DATA_FROM_EXISTING_FILING"));
        // ... and so is an edit of the subject.
        Map<String, Object> subject = given().auth().oauth2(a.token())
                .get(Stack.SUBJECT + "/api/v1/subjects/" + a.subjectId()).then().statusCode(200)
                .body("name", equalTo(a.name())).extract().path("$");
        String subjectTag = given().auth().oauth2(a.token()).get(Stack.SUBJECT + "/api/v1/subjects/" + a.subjectId())
                .then().extract().header("ETag");
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).header("If-Match", subjectTag)
                .body("""
                        {"nature":"PERSON","province":"BEIJING","city":"北京市","district":"海淀区","name":"%s",
                         "certificateType":"RESIDENT_ID","certificateNumber":"%s",
                         "certificateAddress":"北京市海淀区中关村大街1号","communicationAddress":"北京市海淀区中关村大街2号202室",
                         "principal":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                           "mobile":"%s","email":"%s"}}""".formatted(a.name(), a.cert(), a.name(), a.cert(), a.mobile(),
                        a.email()))
                .put(Stack.SUBJECT + "/api/v1/subjects/" + a.subjectId()).then().statusCode(409)
                .body("code", equalTo("DATA_FROM_EXISTING_FILING"));
        assertEquals(a.name(), subject.get("name"));

        // What an access filing supplies itself stays editable.
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).header("If-Match", etag(a, site)).body(body)
                .put(site).then().statusCode(200).body("websiteFilingNumber", equalTo(e.websiteNumber()));
        String materials = Stack.MATERIALS + "/api/v1/orders/" + order;
        Journeys.awaitWebsiteMaterials(a.token(), materials, List.of(id));
        Journeys.uploadMissing(a.token(), materials, false);
        Journeys.awaitReady(a.token(), order);
        return id;
    }

    /**
     * Submits the access filing and approves its initial review: no curtain photo, so it goes straight to the
     * administration, and the site is served from then on.
     */
    private static void passInitialReview(Journeys.Applicant a, String order, String domain) {
        Journeys.act(a.token(), order, "submit", "INITIAL_REVIEW");
        Journeys.approve(Journeys.reviewer(), Journeys.claimCase(Journeys.reviewer(), order, "INITIAL"));
        Journeys.awaitState(a.token(), order, "AUTHORITY_REVIEW");
        awaitAccess("www." + domain, true);
    }

    private static String etag(Journeys.Applicant a, String site) {
        return given().auth().oauth2(a.token()).get(site).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void anAccessFilingTakesOverTheExistingNumbersAndIsServedFromInitialReview() throws Exception {
        String domain = Journeys.domain("access");
        Journeys.Applicant a = Journeys.applicant("接入");
        Elsewhere e = filedElsewhere(a, domain);
        String order = openAccessFiling(a, domain, e);
        completeAccessFiling(a, order, domain, e);

        // Before initial review the site is not served here.
        awaitAccess("www." + domain, false);
        assertEquals("ACCESS_FILING_AWAITING_INITIAL_REVIEW", access("www." + domain).get("reason"));

        int known = Journeys.miitCodes(a.mobile());
        passInitialReview(a, order, domain);
        assertEquals("ACCESS_FILING_INITIAL_REVIEW_PASSED", access("www." + domain).get("reason"));

        Journeys.approveAtAdministration(order, a.mobile(), known);
        Journeys.awaitState(a.token(), order, "APPROVED");

        // The applicant: the existing numbers, the subject now filed here under its number, the site served as filed.
        given().auth().oauth2(a.token()).get(Stack.SUBJECT + "/api/v1/orders/" + order).then()
                .body("approval.subjectFilingNumber", equalTo(e.subjectNumber()))
                .body("approval.websites.websiteFilingNumber", equalTo(List.of(e.websiteNumber())));
        given().auth().oauth2(a.token()).get(Stack.SUBJECT + "/api/v1/subjects/" + a.subjectId()).then()
                .body("filingNumber", equalTo(e.subjectNumber()));
        await(() -> "FILED".equals(access("www." + domain).get("reason")));
        assertEquals(e.websiteNumber(), access(domain).get("websiteFilingNumber"));
        // ... told at every step by e-mail (submitted, initial review passed, with the administration, SMS
        // verification asked and done, approved) and by SMS; never asked for a curtain photo.
        List<String> steps = List.of("已提交", "初审已通过", "已提交管局", "请完成工信部短信核验", "短信核验已完成",
                "已获管局通过");
        await(() -> steps.stream().allMatch(step -> Journeys.mailSubjects(a.email()).stream()
                .anyMatch(s -> s.contains(step))));
        List<String> mails = Journeys.mailSubjects(a.email());
        assertTrue(mails.stream().noneMatch(s -> s.contains("幕布")), "no curtain photo in an access filing: " + mails);
        await(() -> Journeys.smsTemplates(a.mobile()).containsAll(List.of("SMS_BEIAN_1007", "SMS_BEIAN_1014")));

        // The administration: the same website number, now served by this provider; the subject's number unchanged.
        Map<String, Object> site = Journeys.registryWebsite(e.websiteNumber());
        assertEquals(true, ((Map<?, ?>) site.get("website")).get("heldHere"));
        assertEquals("NORMAL", ((Map<?, ?>) site.get("website")).get("status"));
        assertEquals(e.subjectNumber(), ((Map<?, ?>) site.get("subject")).get("subjectFilingNumber"));
        assertEquals(List.of(domain), ((Map<?, ?>) site.get("website")).get("domains"));
    }

    @Test
    void anAccessFilingThatExpiresAfterInitialReviewIsClosedAgain() throws Exception {
        String domain = Journeys.domain("access-exp");
        Journeys.Applicant a = Journeys.applicant("过期");
        Elsewhere e = filedElsewhere(a, domain);
        String order = openAccessFiling(a, domain, e);
        completeAccessFiling(a, order, domain, e);
        passInitialReview(a, order, domain);

        // The administration rejects it; the applicant lets it lie: the site stays served while the order is alive ...
        String admin = Journeys.admin();
        String submission = Journeys.submissionOf(order);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"reasons\":[{\"code\":\"WEBSITE_NAME_NOT_COMPLIANT\",\"message\":\"网站名称不合规\"}]}")
                .post(Stack.NATIONAL + "/api/v1/admin/submissions/" + submission + "/reject").then().statusCode(200);
        Journeys.awaitState(a.token(), order, "AUTHORITY_REJECTED");
        assertEquals(true, access("www." + domain).get("allowed"));
        // ... and closed once it expired after 45 days.
        try {
            Journeys.clockOffset(Stack.SUBJECT, admin, Duration.ofDays(46));
            given().auth().oauth2(admin).post(Stack.SUBJECT + "/api/v1/admin/order-clock/run").then().statusCode(200);
            Journeys.awaitState(a.token(), order, "EXPIRED");
        } finally {
            Journeys.resetClock(Stack.SUBJECT, admin);
        }
        awaitAccess("www." + domain, false);
        assertEquals("NOT_FILED_HERE", access("www." + domain).get("reason"));
        // The administration still has the website at the other provider.
        Map<String, Object> site = Journeys.registryWebsite(e.websiteNumber());
        assertEquals(false, ((Map<?, ?>) site.get("website")).get("heldHere"));
        assertEquals(ELSEWHERE, ((Map<?, ?>) site.get("website")).get("provider"));
    }
}
