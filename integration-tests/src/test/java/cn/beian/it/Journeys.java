package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import cn.beian.testing.TestClock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.awaitility.Awaitility;

/**
 * The steps of an order's journey through the public APIs, as a front-end, a reviewer and the administration take
 * them: shared by the journey tests so that each states only what its filing type does differently. Every step waits
 * (at most {@link #PATIENCE}) for the services' events to arrive rather than for a fixed time.
 */
final class Journeys {

    static final Duration PATIENCE = Duration.ofSeconds(45);

    private Journeys() {
    }

    /** An applicant (a fresh account) whose person subject in Beijing is its own principal. */
    record Applicant(String token, String name, String cert, String mobile, String email, String subjectId) {
    }

    /** An approved filing: its order, the subject's number and each website's (in the order filed) with its id. */
    record Filed(Applicant applicant, String orderId, String subjectNumber, List<String> websiteNumbers,
            List<String> websiteIds, List<String> domains) {
    }

    /** A fresh account and its subject (person, Beijing, principal itself, a fresh certificate and mobile). */
    static Applicant applicant(String prefix) {
        String token = Keycloak.newApplicant();
        String name = prefix + (char) (0x4e00 + ThreadLocalRandom.current().nextInt(0x100, 0x1000));
        String cert = Fixtures.residentId();
        String mobile = Fixtures.mobile();
        String email = "journey-" + UUID.randomUUID() + "@beian.local";
        String subjectId = given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"nature":"PERSON","province":"BEIJING","city":"北京市","district":"海淀区","name":"%s",
                 "certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "certificateAddress":"北京市海淀区中关村大街1号","communicationAddress":"北京市海淀区中关村大街1号101室",
                 "principal":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                   "mobile":"%s","email":"%s"}}""".formatted(name, cert, name, cert, mobile, email))
                .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201).extract().path("id");
        confirmMobile(token, mobile);
        return new Applicant(token, name, cert, mobile, email, subjectId);
    }

    /**
     * The applicant confirms a mobile it entered by the SMS code texted to it (notification-service), as the forms
     * do: an order is not submitted with an unconfirmed principal's mobile ({@code MOBILE_UNCONFIRMED}).
     */
    static void confirmMobile(String token, String mobile) {
        Mobiles.confirm(token, mobile);
    }

    /** A fresh domain name for a test's website. */
    static String domain(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".cn";
    }

    /** Opens an order with {@code body} (the type, picked websites …): its id. */
    static String open(Applicant a, String body) {
        return given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(body)
                .post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(201).extract().path("id");
    }

    /**
     * A first filing of {@code domains.size()} websites (one domain each), from an empty account to its numbers, with
     * no detour: the applicant's subject registered, the domains registered to it, every material uploaded, both
     * reviews approved, the SMS verified and the administration's approval.
     */
    static Filed firstFiling(String prefix, List<String> domains) throws Exception {
        Applicant a = applicant(prefix);
        String order = open(a, "{\"type\":\"FIRST_FILING\"}");
        return fileWebsites(a, order, domains, () -> { });
    }

    /**
     * Files new websites on an open order of a new-filing type (first filing, new website): adds them, uploads the
     * materials, and drives the order through both reviews and the administration to APPROVED; {@code atAuthority}
     * runs once the administration holds the order.
     */
    static Filed fileWebsites(Applicant a, String order, List<String> domains, Runnable atAuthority)
            throws Exception {
        String admin = admin();
        String websites = Stack.WEBSITE + "/api/v1/orders/" + order + "/websites";
        await(() -> given().auth().oauth2(a.token()).get(websites).statusCode() == 200);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < domains.size(); i++) {
            Fixtures.registerDomain(admin, domains.get(i), a.name(), a.cert());
            ids.add(given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                    .body(Fixtures.website(a.token(), a.name() + "的随笔" + "甲乙丙丁".charAt(i % 4), domains.get(i)))
                    .post(websites).then().statusCode(201).extract().path("id"));
        }
        return approveThrough(a, order, ids, domains, atAuthority);
    }

    /**
     * Drives an order of a new-filing type whose websites {@code ids} (on {@code domains}) are saved through its
     * materials, both reviews and the administration to APPROVED: its numbers.
     */
    static Filed approveThrough(Applicant a, String order, List<String> ids, List<String> domains,
            Runnable atAuthority) throws Exception {
        String materials = Stack.MATERIALS + "/api/v1/orders/" + order;
        awaitWebsiteMaterials(a.token(), materials, ids);
        uploadMissing(a.token(), materials, false);
        awaitReady(a.token(), order);
        int known = miitCodes(a.mobile());
        act(a.token(), order, "submit", "INITIAL_REVIEW");
        approve(reviewer(), claimCase(reviewer(), order, "INITIAL"));
        awaitState(a.token(), order, "AWAITING_PHOTO");
        uploadMissing(a.token(), materials, true);
        given().auth().oauth2(a.token()).post(materials + "/photo-submissions").then().statusCode(202);
        awaitState(a.token(), order, "PHOTO_REVIEW");
        approve(reviewer(), claimCase(reviewer(), order, "PHOTO"));
        awaitState(a.token(), order, "AUTHORITY_REVIEW");
        atAuthority.run();
        approveAtAdministration(order, a.mobile(), known);
        awaitState(a.token(), order, "APPROVED");
        Map<String, Object> approval = given().auth().oauth2(a.token()).get(Stack.SUBJECT + "/api/v1/orders/" + order)
                .then().statusCode(200).extract().path("approval");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sites = (List<Map<String, Object>>) approval.get("websites");
        List<String> numbers = new ArrayList<>();
        List<String> numberedIds = new ArrayList<>();
        for (String id : ids) {
            Map<String, Object> site = sites.stream().filter(s -> id.equals(s.get("websiteId"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no number for website " + id + " in " + sites));
            numbers.add((String) site.get("websiteFilingNumber"));
            numberedIds.add(id);
        }
        // website-service keeps its own record of the approved websites (what later orders start from).
        await(() -> given().auth().oauth2(a.token()).queryParam("limit", 100).get(Stack.WEBSITE
                + "/api/v1/filed-websites").then().statusCode(200).extract().jsonPath()
                .getList("items.websiteFilingNumber", String.class).containsAll(numbers));
        return new Filed(a, order, (String) approval.get("subjectFilingNumber"), numbers, numberedIds, domains);
    }

    /**
     * A removing order (cancel access, deregistrations) from DRAFT to APPROVED: its materials uploaded, initial review
     * approved (no curtain photo for these types), the SMS verified where the administration asks for it, approved.
     */
    static void removeThrough(Applicant a, String order) throws Exception {
        String materials = Stack.MATERIALS + "/api/v1/orders/" + order;
        await(() -> given().auth().oauth2(a.token()).get(materials + "/required-materials").statusCode() == 200);
        uploadMissing(a.token(), materials, false);
        awaitReady(a.token(), order);
        int known = miitCodes(a.mobile());
        act(a.token(), order, "submit", "INITIAL_REVIEW");
        approve(reviewer(), claimCase(reviewer(), order, "INITIAL"));
        awaitState(a.token(), order, "AUTHORITY_REVIEW");
        approveAtAdministration(order, a.mobile(), known);
        awaitState(a.token(), order, "APPROVED");
    }

    /**
     * The administration's side of an order in AUTHORITY_REVIEW: once review-service's gateway submitted it, the MIIT
     * code texted to {@code mobile} after its first {@code known} codes is entered (where the administration asks for
     * one), then the administration approves (refused with 409 while the SMS is outstanding, so asked again).
     */
    static void approveAtAdministration(String order, String mobile, int known) {
        String admin = admin();
        String submission = submissionOf(order);
        Set<String> entered = new HashSet<>();
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<String> codes = miitCodeList(mobile);
            for (String code : codes.subList(Math.min(known, codes.size()), codes.size())) {
                if (entered.add(code)) {
                    given().contentType(ContentType.JSON).body(Map.of("mobile", mobile, "code", code))
                            .post(Stack.NATIONAL + "/api/v1/sms-verifications");
                }
            }
            return given().auth().oauth2(admin)
                    .post(Stack.NATIONAL + "/api/v1/admin/submissions/" + submission + "/approve").statusCode() == 200;
        });
    }

    /** The newest submission of the order review-service's gateway made to the administration (waits for one). */
    static String submissionOf(String order) {
        String admin = admin();
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
            List<Map<String, Object>> subs = given().auth().oauth2(admin).queryParam("orderId", order)
                    .get(Stack.REVIEW + "/api/v1/authority-submissions").then().statusCode(200).extract().path("items");
            // The order's latest submission: its id ends with the submission's number (":1", ":2" after a resubmission).
            return subs.stream().map(s -> (String) s.get("submissionId")).filter(id -> id != null)
                    .max(Comparator.comparingInt(id -> Integer.parseInt(id.substring(id.lastIndexOf(':') + 1))))
                    .orElse(null);
        }, s -> s != null);
    }

    /** How many MIIT verification codes were texted to {@code mobile} so far. */
    static int miitCodes(String mobile) {
        return miitCodeList(mobile).size();
    }

    static String admin() {
        return Keycloak.token("ada", "ada-local");
    }

    static String reviewer() {
        return Keycloak.token("rita", "rita-local");
    }

    static String gateway() {
        return Keycloak.clientToken("edge-gateway", "edge-gateway-local-secret");
    }

    /** The access policy's answer for a host, as the edge gateway asks it. */
    static Map<String, Object> access(String host) {
        return given().auth().oauth2(gateway()).queryParam("host", host).get(Stack.WEBSITE + "/api/v1/access-policy")
                .then().statusCode(200).extract().path("$");
    }

    /** Waits until the access policy allows (or refuses) {@code host}. */
    static void awaitAccess(String host, boolean allowed) {
        await(() -> Boolean.valueOf(allowed).equals(access(host).get("allowed")));
    }

    /** The administration's registry record of a website number (the national stand-in's public lookup). */
    static Map<String, Object> registryWebsite(String websiteNumber) {
        return given().auth().oauth2(admin()).get(Stack.NATIONAL + "/api/v1/registry/websites/" + websiteNumber)
                .then().statusCode(200)
                .extract().path("$");
    }

    /** The administration's registry record of the subject holding a resident ID. */
    static Map<String, Object> registrySubject(String cert) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("certificateType", "RESIDENT_ID", "certificateNumber", cert))
                .post(Stack.NATIONAL + "/api/v1/registry/subject-lookups").then().statusCode(200).extract().path("$");
    }

    /** The filing password the administration texted the subject principal on its first approval (the newest). */
    static String filingPassword(String mobile) {
        List<Map<String, Object>> messages = given().queryParam("phone", mobile)
                .get(Stack.SMS + "/api/v1/sms/messages").then().statusCode(200).extract().path("$");
        String password = null;
        for (Map<String, Object> m : messages) {
            if ("MIIT_FILING_PASSWORD".equals(m.get("templateCode")) && m.get("templateParam") instanceof Map<?, ?> p
                    && p.get("password") != null) {
                password = p.get("password").toString();
            }
        }
        return password;
    }

    /** Subjects of every message sent to {@code email}, oldest first. */
    static List<String> mailSubjects(String email) {
        return given().get(Stack.MAIL + "/api/user/" + email + "/messages/INBOX").then().extract().jsonPath()
                .getList("subject", String.class);
    }

    /** The SMS template codes sent to {@code mobile}, oldest first. */
    static List<String> smsTemplates(String mobile) {
        List<Map<String, Object>> messages = given().queryParam("phone", mobile)
                .get(Stack.SMS + "/api/v1/sms/messages").then().statusCode(200).extract().path("$");
        return messages.stream().map(m -> String.valueOf(m.get("templateCode"))).toList();
    }

    /**
     * Waits until materials-service asks for each website's own documents (it learns of the websites from
     * website-service's events, which may trail the websites' creation): what {@link #uploadMissing} then uploads is
     * complete.
     */
    static void awaitWebsiteMaterials(String applicant, String materials, List<String> websiteIds) {
        await(() -> {
            var r = given().auth().oauth2(applicant).get(materials + "/required-materials");
            if (r.statusCode() != 200) {
                return false;
            }
            List<String> owners = r.jsonPath().getList("missing.ownerRef", String.class);
            return websiteIds.stream().allMatch(id -> owners.contains("websites[" + id + "]"));
        });
    }

    /** Uploads an image for every missing material: the first stage's, or (photo) the curtain photos. */
    static void uploadMissing(String applicant, String materials, boolean photo) throws Exception {
        List<Map<String, Object>> missing = given().auth().oauth2(applicant).get(materials + "/required-materials")
                .then().statusCode(200).extract().path("missing");
        boolean any = false;
        for (Map<String, Object> m : missing) {
            boolean curtain = "CURTAIN_PHOTO".equals(m.get("kind"));
            if (curtain != photo) {
                continue;
            }
            any = true;
            given().auth().oauth2(applicant).contentType("image/jpeg").queryParam("kind", m.get("kind"))
                    .queryParam("ownerRef", m.get("ownerRef")).body(MaterialsIT.jpeg(900, 600))
                    .post(materials + "/materials").then().statusCode(201);
        }
        if (photo) {
            assertTrue(any, "the curtain photo is asked for once initial review passed");
        }
    }

    /** Waits for the order's complete, open review case of {@code kind} and claims it. */
    static String claimCase(String reviewer, String order, String kind) {
        String caseId = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
            List<Map<String, Object>> items = given().auth().oauth2(reviewer).queryParam("orderId", order)
                    .queryParam("kind", kind).get(Stack.REVIEW + "/api/v1/review-cases").then().statusCode(200)
                    .extract().path("items");
            return items.stream().filter(c -> Boolean.TRUE.equals(c.get("complete"))
                            && "OPEN".equals(c.get("status")))
                    .map(c -> (String) c.get("id")).findFirst().orElse(null);
        }, id -> id != null);
        given().auth().oauth2(reviewer).post(Stack.REVIEW + "/api/v1/review-cases/" + caseId + "/claim").then()
                .statusCode(200);
        return caseId;
    }

    /**
     * The reviewer approves a claimed case, ticking first every item of its checklist still unanswered (review-service
     * refuses an approval with one unanswered: CHECKLIST_INCOMPLETE).
     */
    static void approve(String reviewer, String caseId) {
        String path = Stack.REVIEW + "/api/v1/review-cases/" + caseId;
        var view = given().auth().oauth2(reviewer).get(path).then().statusCode(200).extract();
        int version = view.path("reviewCase.version");
        List<String> unanswered = view.path("checklist.findAll { it.outcome == null }.itemId");
        for (String item : unanswered) {
            String etag = given().auth().oauth2(reviewer).header("If-Match", "\"" + version + "\"")
                    .contentType(ContentType.JSON).body("{\"outcome\":\"TICKED\"}").put(path + "/checklist/" + item)
                    .then().statusCode(200).extract().header("ETag");
            version = Integer.parseInt(etag.replace("\"", ""));
        }
        decide(reviewer, caseId, "\"decision\":\"APPROVE\"");
    }

    /** The reviewer's decision on a claimed case ({@code decision}: the body's members after the version). */
    static void decide(String reviewer, String caseId, String decision) {
        int version = given().auth().oauth2(reviewer).get(Stack.REVIEW + "/api/v1/review-cases/" + caseId).then()
                .statusCode(200).extract().path("reviewCase.version");
        given().auth().oauth2(reviewer).contentType(ContentType.JSON)
                .body("{\"version\":%d,%s}".formatted(version, decision))
                .post(Stack.REVIEW + "/api/v1/review-cases/" + caseId + "/decision").then().statusCode(200);
    }

    static void act(String applicant, String order, String action, String state) {
        Fixtures.orderAction(applicant, Stack.SUBJECT + "/api/v1/orders/" + order, action).then().statusCode(200)
                .body("state", equalTo(state));
    }

    static void awaitReady(String applicant, String order) {
        await(() -> given().auth().oauth2(applicant).get(Stack.SUBJECT + "/api/v1/orders/" + order)
                .path("readiness.missing").toString().equals("[]"));
    }

    static void awaitState(String applicant, String order, String state) {
        await(() -> state.equals(given().auth().oauth2(applicant).get(Stack.SUBJECT + "/api/v1/orders/" + order)
                .path("state")));
    }

    static void await(Supplier<Boolean> condition) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(condition::get);
    }

    /** The MIIT verification codes texted to {@code mobile}, oldest first. */
    private static List<String> miitCodeList(String mobile) {
        List<Map<String, Object>> messages = given().queryParam("phone", mobile)
                .get(Stack.SMS + "/api/v1/sms/messages").then().statusCode(200).extract().path("$");
        List<String> codes = new ArrayList<>();
        for (Map<String, Object> m : messages) {
            if ("MIIT_SMS_VERIFICATION".equals(m.get("templateCode")) && m.get("templateParam") instanceof Map<?, ?> p
                    && p.get("code") != null) {
                codes.add(p.get("code").toString());
            }
        }
        return codes;
    }

    /** The newest MIIT verification code texted to {@code mobile}, or null. */
    static String smsCode(String mobile) {
        List<String> codes = miitCodeList(mobile);
        return codes.isEmpty() ? null : codes.get(codes.size() - 1);
    }

    /** Sets {@code service}'s business clock {@code offset} ahead of real time ({@link Duration#ZERO} puts it back). */
    static void clockOffset(String service, String admin, Duration offset) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"offset\":\"" + offset + "\"}")
                .put(service + "/api/v1/admin/clock").then().statusCode(200);
    }

    /** Moves {@code service}'s business clock so that its now is {@code to}. */
    static void moveClock(String service, String admin, ZonedDateTime to) {
        clockOffset(service, admin, Duration.between(TestClock.now().toZonedDateTime(), to));
    }

    static void resetClock(String service, String admin) {
        clockOffset(service, admin, Duration.ZERO);
    }

    /**
     * {@code t} in Beijing, moved forward to the next 11:00 where it falls outside 10:00–18:00 (no quiet hours for
     * messages).
     */
    static ZonedDateTime daytime(ZonedDateTime t) {
        // Never earlier than t: "a day later, in the daytime" must still be at least a day later whatever the hour the
        // test runs (after 18:00 in China, the same date's 11:00 was hours short of the day a reminder waits for).
        ZonedDateTime china = t.withZoneSameInstant(ZoneId.of("Asia/Shanghai"));
        LocalTime time = china.toLocalTime();
        if (time.isBefore(LocalTime.of(10, 0))) {
            return china.with(LocalTime.of(11, 0));
        }
        return time.isAfter(LocalTime.of(18, 0)) ? china.plusDays(1).with(LocalTime.of(11, 0)) : china;
    }
}
