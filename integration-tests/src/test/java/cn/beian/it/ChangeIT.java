package cn.beian.it;

import static cn.beian.it.Journeys.access;
import static cn.beian.it.Journeys.await;
import static cn.beian.it.Journeys.awaitAccess;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.privacy.Masking;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Change orders (变更备案) on the real stack, of the subject, of a website and of its access information: each says
 * what it changes when it is opened, may touch only that, cannot be submitted while it changes nothing, shows the
 * reviewer a field-by-field diff (personal data masked), and replaces the approved records only when the
 * administration approves it — the site served throughout, the filing numbers unchanged.
 */
class ChangeIT {

    private static final String ADDRESS = "北京市海淀区中关村大街1号101室";
    private static final String NEW_ADDRESS = "北京市朝阳区建国路88号1201室";

    @Test
    void aSubjectChangeReplacesTheSubjectOnlyOnApprovalAndKeepsTheNumbers() throws Exception {
        String domain = Journeys.domain("change-s");
        Journeys.Filed filed = Journeys.firstFiling("变更", List.of(domain));
        Journeys.Applicant a = filed.applicant();
        awaitAccess("www." + domain, true);

        // A change says what it changes; a subject change picks no websites.
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body("{\"type\":\"CHANGE\"}")
                .post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("changeKind"))
                .body("errors[0].code", equalTo("CHANGE_KIND_REQUIRED"));
        given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body("{\"type\":\"CHANGE\",\"changeKind\":\"SUBJECT\",\"websites\":[\"%s\"]}"
                        .formatted(filed.websiteIds().get(0)))
                .post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("websites"));
        String order = Journeys.open(a, "{\"type\":\"CHANGE\",\"changeKind\":\"SUBJECT\"}");
        given().auth().oauth2(a.token()).get(Stack.SUBJECT + "/api/v1/orders/" + order).then()
                .body("type", equalTo("CHANGE")).body("changeKind", equalTo("SUBJECT"));

        // The websites come along as approved, and a subject change does not touch them.
        String websites = Stack.WEBSITE + "/api/v1/orders/" + order + "/websites";
        await(() -> given().auth().oauth2(a.token()).get(websites).statusCode() == 200
                && given().auth().oauth2(a.token()).get(websites).jsonPath().getList("websites").size() == 1);
        Map<String, Object> site = given().auth().oauth2(a.token()).get(websites).then()
                .body("websites[0].websiteFilingNumber", equalTo(filed.websiteNumbers().get(0)))
                .extract().path("websites[0]");
        putWebsite(a, order, site, Fixtures.website(a.token(), "改了名字的网站", domain)).then().statusCode(409)
                .body("code", equalTo("CHANGE_OUTSIDE_KIND")).body("errors.field", hasItem("websites[0].name"));
        given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body(Fixtures.website(a.token(), "又一个网站", Journeys.domain("change-s-more"))).post(websites).then()
                .statusCode(409).body("code", equalTo("CHANGE_OUTSIDE_KIND"))
                .body("errors[0].field", equalTo("websites"));

        // Nothing revised yet: the order cannot be submitted.
        String materials = Stack.MATERIALS + "/api/v1/orders/" + order;
        await(() -> given().auth().oauth2(a.token()).get(materials + "/required-materials").statusCode() == 200);
        Journeys.uploadMissing(a.token(), materials, false);
        Journeys.awaitReady(a.token(), order);
        Fixtures.orderAction(a.token(), Stack.SUBJECT + "/api/v1/orders/" + order, "submit").then().statusCode(409)
                .body("code", equalTo("CHANGE_CHANGES_NOTHING")).body("currentState", equalTo("DRAFT"));

        // The draft revision: a new address and a new mobile for the principal; the approved subject stays as it was.
        String mobile = Fixtures.mobile();
        String subject = Stack.SUBJECT + "/api/v1/orders/" + order + "/subject";
        given().auth().oauth2(a.token()).get(subject).then().statusCode(200).header("ETag", "\"0\"");
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(subjectBody(a, NEW_ADDRESS, mobile)).put(subject).then().statusCode(200)
                .body("communicationAddress", equalTo(NEW_ADDRESS));
        given().auth().oauth2(a.token()).get(Stack.SUBJECT + "/api/v1/subjects/" + a.subjectId()).then()
                .body("communicationAddress", equalTo(ADDRESS)).body("principal.mobile", equalTo(a.mobile()));

        // The new mobile is confirmed by the code texted to it before the change can be submitted (issue 15).
        given().auth().oauth2(a.token()).get(Stack.SUBJECT + "/api/v1/orders/" + order).then().statusCode(200)
                .body("findings.find { it.ruleId == 'MOBILE_UNCONFIRMED' }.fieldKey",
                        equalTo("subject.principal.mobile"));
        Journeys.confirmMobile(a.token(), mobile);

        Journeys.awaitReady(a.token(), order);
        Journeys.act(a.token(), order, "submit", "INITIAL_REVIEW");
        assertEquals(true, access("www." + domain).get("allowed"), "served while the change is reviewed");

        // The reviewer sees what changes, field by field, the phone masked.
        String reviewer = Journeys.reviewer();
        String caseId = Journeys.claimCase(reviewer, order, "INITIAL");
        Map<String, Object> snapshot = given().auth().oauth2(reviewer)
                .get(Stack.REVIEW + "/api/v1/review-cases/" + caseId).then().statusCode(200)
                .extract().path("snapshot");
        assertEquals("SUBJECT", snapshot.get("changeKind"));
        List<Map<String, Object>> changes = changes(snapshot);
        assertEquals(Map.of("field", "subject.communicationAddress", "before", ADDRESS, "after", NEW_ADDRESS),
                change(changes, "subject.communicationAddress"));
        Map<String, Object> phone = change(changes, "subject.principal.mobile");
        assertEquals(Masking.mobile(a.mobile()), phone.get("before"));
        assertEquals(Masking.mobile(mobile), phone.get("after"));
        assertFalse(changes.toString().contains(mobile), "no phone in clear in the diff");
        assertEquals(2, changes.size(), "only what the revision changed: " + changes);

        Journeys.approve(reviewer, caseId);
        throughPhotoToAuthority(a, order);
        assertEquals(true, access("www." + domain).get("allowed"), "served while the administration decides");
        given().auth().oauth2(a.token()).get(Stack.SUBJECT + "/api/v1/subjects/" + a.subjectId()).then()
                .body("communicationAddress", equalTo(ADDRESS));

        // The administration texts the principal's new mobile, and approves.
        Journeys.approveAtAdministration(order, mobile, 0);
        Journeys.awaitState(a.token(), order, "APPROVED");

        // The applicant: the revision is the subject now, under the same numbers; the site still served.
        given().auth().oauth2(a.token()).get(Stack.SUBJECT + "/api/v1/subjects/" + a.subjectId()).then()
                .body("communicationAddress", equalTo(NEW_ADDRESS)).body("principal.mobile", equalTo(mobile))
                .body("filingNumber", equalTo(filed.subjectNumber()));
        given().auth().oauth2(a.token()).get(Stack.SUBJECT + "/api/v1/orders/" + order).then()
                .body("approval.subjectFilingNumber", equalTo(filed.subjectNumber()));
        assertEquals(true, access("www." + domain).get("allowed"));
        assertEquals(filed.websiteNumbers().get(0), access("www." + domain).get("websiteFilingNumber"));
        await(() -> Journeys.mailSubjects(a.email()).stream().anyMatch(s -> s.contains("变更已获管局通过")));

        // The administration: the website still normal under the same subject number.
        Map<String, Object> record = Journeys.registryWebsite(filed.websiteNumbers().get(0));
        assertEquals("NORMAL", ((Map<?, ?>) record.get("website")).get("status"));
        assertEquals(filed.subjectNumber(), ((Map<?, ?>) record.get("subject")).get("subjectFilingNumber"));
    }

    @Test
    void aWebsiteChangeAddsAVerifiedDomainToThePickedWebsiteOnlyOnApproval() throws Exception {
        String first = Journeys.domain("change-w");
        String other = Journeys.domain("change-o");
        // Another suffix of the same name: domains with different names would need separate websites (or a remark).
        String added = first.replaceFirst("\\.cn$", ".com");
        Journeys.Filed filed = Journeys.firstFiling("改站", List.of(first, other));
        Journeys.Applicant a = filed.applicant();
        awaitAccess("www." + first, true);

        // A website change names the approved websites it changes.
        given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body("{\"type\":\"CHANGE\",\"changeKind\":\"WEBSITE\"}").post(Stack.SUBJECT + "/api/v1/orders")
                .then().statusCode(400).body("errors[0].field", equalTo("websites"));
        String order = Journeys.open(a, "{\"type\":\"CHANGE\",\"changeKind\":\"WEBSITE\",\"websites\":[\"%s\"]}"
                .formatted(filed.websiteNumbers().get(0)));

        // Only the picked website, as approved; none added or removed, its servers not changed, the subject not
        // revised.
        String websites = Stack.WEBSITE + "/api/v1/orders/" + order + "/websites";
        await(() -> given().auth().oauth2(a.token()).get(websites).statusCode() == 200
                && given().auth().oauth2(a.token()).get(websites).jsonPath().getList("websites").size() == 1);
        Map<String, Object> site = given().auth().oauth2(a.token()).get(websites).then()
                .body("websites", hasSize(1))
                .body("websites[0].websiteFilingNumber", equalTo(filed.websiteNumbers().get(0)))
                .extract().path("websites[0]");
        String name = a.name() + "的随笔甲";
        assertEquals(name, site.get("name"));
        given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body(Fixtures.website(a.token(), "又一个网站", Journeys.domain("change-w-more"))).post(websites).then()
                .statusCode(409).body("code", equalTo("CHANGE_WEBSITES_FIXED"));
        given().auth().oauth2(a.token()).header("If-Match", "\"" + site.get("version") + "\"")
                .delete(websites + "/" + site.get("id")).then().statusCode(409)
                .body("code", equalTo("CHANGE_WEBSITES_FIXED"));
        putWebsite(a, order, site, Fixtures.website(a.token(), name, first).replace(Fixtures.server(a.token()), "another-server")).then()
                .statusCode(409).body("code", equalTo("CHANGE_OUTSIDE_KIND"))
                .body("errors.field", equalTo(List.of("websites[0].serverIds")));
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(subjectBody(a, NEW_ADDRESS, a.mobile()))
                .put(Stack.SUBJECT + "/api/v1/orders/" + order + "/subject").then().statusCode(409)
                .body("code", equalTo("CHANGE_OUTSIDE_KIND")).body("errors[0].field", equalTo("subject"));

        // Nothing changed yet: refused.
        String materials = Stack.MATERIALS + "/api/v1/orders/" + order;
        await(() -> given().auth().oauth2(a.token()).get(materials + "/required-materials").statusCode() == 200);
        Journeys.uploadMissing(a.token(), materials, false);
        Journeys.awaitReady(a.token(), order);
        Fixtures.orderAction(a.token(), Stack.SUBJECT + "/api/v1/orders/" + order, "submit").then().statusCode(409)
                .body("code", equalTo("CHANGE_CHANGES_NOTHING"));

        // A domain added is verified like a new filing's: one not registered to the subject blocks; one that is,
        // passes.
        String unregistered = first.replaceFirst("\\.cn$", ".net");
        site = given().auth().oauth2(a.token()).get(websites).then().extract().path("websites[0]");
        putWebsite(a, order, site, withDomains(a, name, first, unregistered)).then().statusCode(200);
        await(() -> !Boolean.TRUE.equals(given().auth().oauth2(a.token()).get(websites).path("ready")));
        List<Map<String, Object>> findings = given().auth().oauth2(a.token()).get(websites).then().extract()
                .path("findings");
        assertTrue(findings.stream().anyMatch(f -> "BLOCKING".equals(f.get("severity"))
                && "websites[0].domains[1]".equals(f.get("fieldKey"))),
                "the added domain is verified: " + findings);
        Fixtures.registerDomain(Journeys.admin(), added, a.name(), a.cert());
        site = given().auth().oauth2(a.token()).get(websites).then().extract().path("websites[0]");
        putWebsite(a, order, site, withDomains(a, name, first, added)).then().statusCode(200);
        try {
            await(() -> Boolean.TRUE.equals(given().auth().oauth2(a.token()).get(websites).path("ready")));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not ready: " + given().auth().oauth2(a.token()).get(websites).path("findings"), e);
        }
        Journeys.uploadMissing(a.token(), materials, false);
        Journeys.awaitReady(a.token(), order);
        int known = Journeys.miitCodes(a.mobile());
        Journeys.act(a.token(), order, "submit", "INITIAL_REVIEW");

        // The reviewer's diff: the domains before and after, nothing else.
        String reviewer = Journeys.reviewer();
        String caseId = Journeys.claimCase(reviewer, order, "INITIAL");
        Map<String, Object> snapshot = given().auth().oauth2(reviewer)
                .get(Stack.REVIEW + "/api/v1/review-cases/" + caseId).then().statusCode(200)
                .extract().path("snapshot");
        assertEquals("WEBSITE", snapshot.get("changeKind"));
        assertEquals(List.of(Map.of("field", "websites[0].domains", "before", first,
                "after", first + ", " + added)), changes(snapshot));

        Journeys.approve(reviewer, caseId);
        throughPhotoToAuthority(a, order);
        // With the administration: the approved site served, the added domain waits for the approval, the approved
        // record unchanged.
        assertEquals(true, access("www." + first).get("allowed"));
        assertEquals(false, access("www." + added).get("allowed"));
        assertFalse(filedDomains(a, filed.websiteNumbers().get(0)).contains(added));

        Journeys.approveAtAdministration(order, a.mobile(), known);
        Journeys.awaitState(a.token(), order, "APPROVED");

        // The applicant: the same number now covers the added domain; the other website untouched.
        await(() -> filedDomains(a, filed.websiteNumbers().get(0)).contains(added));
        awaitAccess("www." + added, true);
        assertEquals(filed.websiteNumbers().get(0), access("www." + added).get("websiteFilingNumber"));
        assertEquals(true, access("www." + first).get("allowed"));
        assertEquals(List.of(other), filedDomains(a, filed.websiteNumbers().get(1)));
        given().auth().oauth2(a.token()).get(Stack.SUBJECT + "/api/v1/subjects/" + a.subjectId()).then()
                .body("filingNumber", equalTo(filed.subjectNumber()));

        // The administration: the website under its number with both domains.
        Map<String, Object> record = Journeys.registryWebsite(filed.websiteNumbers().get(0));
        assertTrue(((List<?>) ((Map<?, ?>) record.get("website")).get("domains")).containsAll(List.of(first, added)));
        assertEquals("NORMAL", ((Map<?, ?>) record.get("website")).get("status"));
    }

    @Test
    void anAccessChangeMovesThePickedWebsiteToAnotherServerAndNothingElse() throws Exception {
        String domain = Journeys.domain("change-a");
        Journeys.Filed filed = Journeys.firstFiling("接入", List.of(domain));
        Journeys.Applicant a = filed.applicant();
        awaitAccess("www." + domain, true);
        String order = Journeys.open(a, "{\"type\":\"CHANGE\",\"changeKind\":\"ACCESS\",\"websites\":[\"%s\"]}"
                .formatted(filed.websiteIds().get(0)));
        String websites = Stack.WEBSITE + "/api/v1/orders/" + order + "/websites";
        await(() -> given().auth().oauth2(a.token()).get(websites).statusCode() == 200
                && given().auth().oauth2(a.token()).get(websites).jsonPath().getList("websites").size() == 1);
        Map<String, Object> site = given().auth().oauth2(a.token()).get(websites).then().extract().path("websites[0]");
        String name = a.name() + "的随笔甲";
        // The website's own data is outside an access change; its servers are not.
        putWebsite(a, order, site, withDomains(a, name, domain, domain.replaceFirst("\\.cn$", ".com"))).then()
                .statusCode(409).body("code", equalTo("CHANGE_OUTSIDE_KIND"))
                .body("errors.field", equalTo(List.of("websites[0].domains")));
        String first = Fixtures.server(a.token());
        String second = Fixtures.newServer(Keycloak.accountOf(a.token()));
        putWebsite(a, order, site, Fixtures.website(a.token(), name, domain).replace(first, second)).then()
                .statusCode(200).body("servers[0].serverId", equalTo(second))
                .body("servers[0].publicIp", org.hamcrest.Matchers.startsWith("47.96."));
        String materials = Stack.MATERIALS + "/api/v1/orders/" + order;
        await(() -> given().auth().oauth2(a.token()).get(materials + "/required-materials").statusCode() == 200);
        Journeys.uploadMissing(a.token(), materials, false);
        Journeys.awaitReady(a.token(), order);
        int known = Journeys.miitCodes(a.mobile());
        Journeys.act(a.token(), order, "submit", "INITIAL_REVIEW");
        String reviewer = Journeys.reviewer();
        String caseId = Journeys.claimCase(reviewer, order, "INITIAL");
        Map<String, Object> snapshot = given().auth().oauth2(reviewer)
                .get(Stack.REVIEW + "/api/v1/review-cases/" + caseId).then().statusCode(200)
                .extract().path("snapshot");
        assertEquals("ACCESS", snapshot.get("changeKind"));
        assertEquals(List.of(Map.of("field", "websites[0].serverIds", "before", first, "after", second)),
                changes(snapshot));
        Journeys.approve(reviewer, caseId);
        throughPhotoToAuthority(a, order);
        assertEquals(true, access("www." + domain).get("allowed"));
        Journeys.approveAtAdministration(order, a.mobile(), known);
        Journeys.awaitState(a.token(), order, "APPROVED");
        assertEquals(true, access("www." + domain).get("allowed"));
        assertEquals(filed.websiteNumbers().get(0), access("www." + domain).get("websiteFilingNumber"));
        assertEquals(List.of(domain), filedDomains(a, filed.websiteNumbers().get(0)));
    }

    /** Initial review passed: the curtain photo uploaded and approved, the order with the administration. */
    private static void throughPhotoToAuthority(Journeys.Applicant a, String order) throws Exception {
        String materials = Stack.MATERIALS + "/api/v1/orders/" + order;
        Journeys.awaitState(a.token(), order, "AWAITING_PHOTO");
        Journeys.uploadMissing(a.token(), materials, true);
        given().auth().oauth2(a.token()).post(materials + "/photo-submissions").then().statusCode(202);
        Journeys.awaitState(a.token(), order, "PHOTO_REVIEW");
        String reviewer = Journeys.reviewer();
        Journeys.approve(reviewer, Journeys.claimCase(reviewer, order, "PHOTO"));
        Journeys.awaitState(a.token(), order, "AUTHORITY_REVIEW");
    }

    /** The first filing's website {@code name} (see {@link Fixtures#website}) on two domains. */
    private static String withDomains(Journeys.Applicant a, String name, String domain, String another) {
        return Fixtures.website(a.token(), name, domain).replace("[\"" + domain + "\"]",
                "[\"" + domain + "\",\"" + another + "\"]");
    }

    /** PUTs a website of the order with its current ETag. */
    private static Response putWebsite(Journeys.Applicant a, String order, Map<String, Object> site, String body) {
        return given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .header("If-Match", "\"" + site.get("version") + "\"").body(body)
                .put(Stack.WEBSITE + "/api/v1/orders/" + order + "/websites/" + site.get("id"));
    }

    /** The applicant's subject with another communication address and principal mobile. */
    private static String subjectBody(Journeys.Applicant a, String communicationAddress, String mobile) {
        return """
                {"nature":"PERSON","province":"BEIJING","city":"北京市","district":"海淀区","name":"%s",
                 "certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "certificateAddress":"北京市海淀区中关村大街1号","communicationAddress":"%s",
                 "principal":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                   "mobile":"%s","email":"%s"}}""".formatted(a.name(), a.cert(), communicationAddress, a.name(),
                a.cert(), mobile, a.email());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> changes(Map<String, Object> snapshot) {
        return (List<Map<String, Object>>) snapshot.get("changes");
    }

    private static Map<String, Object> change(List<Map<String, Object>> changes, String field) {
        return changes.stream().filter(c -> field.equals(c.get("field"))).findFirst()
                .orElseThrow(() -> new AssertionError("no change of " + field + " in " + changes));
    }

    /** The domains website-service's record of an approved website holds (by its number). */
    @SuppressWarnings("unchecked")
    private static List<String> filedDomains(Journeys.Applicant a, String number) {
        List<Map<String, Object>> items = given().auth().oauth2(a.token()).queryParam("limit", 100)
                .get(Stack.WEBSITE + "/api/v1/filed-websites").then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> number.equals(i.get("websiteFilingNumber"))).findFirst()
                .map(i -> (List<String>) i.get("domains")).orElse(List.of());
    }
}
