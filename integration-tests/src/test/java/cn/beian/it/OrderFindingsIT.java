package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The order view's findings on the real stack: an order whose second website's domain breaks a Beijing rule (BJ-B-06)
 * and whose first website lacks its verification form (X-06, and Beijing's BJ-B-08 on the same document) lists them, each on its JSON path with its rule id, as
 * the stateless pre-check lists them for the same order; submit is refused naming each; once both are mended, the
 * order submits.
 */
class OrderFindingsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final String RESERVED = "BJ-B-06";
    private static final String FORM = "X-06";

    @Test
    void anOrderIsRefusedWithExactlyItsBlockingFindingsUntilTheyAreMended() throws Exception {
        String applicant = Keycloak.newApplicant();
        String admin = Keycloak.token("ada", "ada-local");
        String name = "发现" + (char) (0x4e00 + ThreadLocalRandom.current().nextInt(0x100, 0x1000));
        String cert = Fixtures.residentId();
        String mobile = Fixtures.mobile();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String good = "notes-" + run + ".cn";
        String reserved = "zhongguo-" + run + ".cn";
        String mended = "essays-" + run + ".cn";
        for (String d : List.of(good, reserved, mended)) {
            Fixtures.registerDomain(admin, d, name, cert);
        }
        String subject = """
                {"nature":"PERSON","province":"BEIJING","city":"北京市","district":"海淀区","name":"%s",
                 "certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "certificateAddress":"北京市海淀区中关村大街1号","communicationAddress":"北京市海淀区中关村大街1号101室",
                 "principal":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                   "mobile":"%s","email":"findings-%s@beian.local"}}""".formatted(name, cert, name, cert, mobile, run);
        given().auth().oauth2(applicant).contentType(ContentType.JSON).body(subject)
                .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201);
        Journeys.confirmMobile(applicant, mobile);
        String order = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\"}").post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(201)
                .extract().path("id");
        String orderUrl = Stack.SUBJECT + "/api/v1/orders/" + order;

        // Two websites; the second's domain carries 中国 in pinyin, which only national-level units may file.
        String websites = Stack.WEBSITE + "/api/v1/orders/" + order + "/websites";
        await(() -> given().auth().oauth2(applicant).get(websites).statusCode() == 200);
        String first = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body(Fixtures.website(applicant, name + "的读书笔记", good)).post(websites).then().statusCode(201)
                .extract().path("id");
        String second = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body(Fixtures.website(applicant, name + "的随笔", reserved)).post(websites).then().statusCode(201)
                .extract().path("id");

        // Every material but the first website's verification form.
        String materials = Stack.MATERIALS + "/api/v1/orders/" + order;
        await(() -> given().auth().oauth2(applicant).get(materials + "/required-materials").path("items")
                .toString().contains("websites[" + second + "]"));
        List<Map<String, Object>> missing = given().auth().oauth2(applicant).get(materials + "/required-materials")
                .then().statusCode(200).extract().path("missing");
        for (Map<String, Object> m : missing) {
            boolean withheld = "VERIFICATION_FORM".equals(m.get("kind")) && ("websites[" + first + "]").equals(
                    m.get("ownerRef"));
            if (!withheld && !"CURTAIN_PHOTO".equals(m.get("kind"))) {
                upload(applicant, materials, (String) m.get("kind"), (String) m.get("ownerRef"));
            }
        }

        // The order view lists both findings, each on its JSON path with its rule id.
        await(() -> {
            List<Map<String, Object>> f = findings(applicant, orderUrl, "zh-CN");
            return has(f, RESERVED, "websites[1].domains[0]") && has(f, FORM, "websites[0].materials.VERIFICATION_FORM")
                    && f.stream().filter(x -> "MATERIALS".equals(x.get("part")))
                            .allMatch(x -> "websites[0].materials.VERIFICATION_FORM".equals(x.get("fieldKey")));
        });
        List<Map<String, Object>> listed = findings(applicant, orderUrl, "zh-CN");
        Map<String, Object> domainFinding = find(listed, RESERVED);
        assertEquals("WEBSITES", domainFinding.get("part"));
        assertEquals("BLOCKS", domainFinding.get("severity"));
        assertEquals("FAILED", domainFinding.get("outcome"));
        assertTrue(domainFinding.get("message").toString().startsWith("北京"), domainFinding.toString());
        List<Map<String, Object>> english = findings(applicant, orderUrl, "en");
        assertTrue(find(english, RESERVED).get("message").toString().startsWith("Beijing"), "in the caller's language");
        assertTrue(find(english, FORM).get("message").toString().startsWith("One verification form"),
                find(english, FORM).toString());
        assertEquals("MATERIALS", find(listed, FORM).get("part"));

        // The stateless pre-check of the same order lists the same catalogue findings.
        String document = """
                {"type":"FIRST_FILING","subject":%s,
                 "websites":[%s,%s],
                 "materials":%s}""".formatted(subject, preCheckWebsite(name + "的读书笔记", good),
                preCheckWebsite(name + "的随笔", reserved), uploaded(applicant, materials, first, second));
        List<Map<String, Object>> preChecked = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body(document).post(Stack.WEBSITE + "/api/v1/pre-checks").then().statusCode(200).extract()
                .path("findings");
        // The stateless document carries no filing records: the rules that read them (one principal, one mobile) are
        // undetermined there, and decided in the view from this provider's records (this fresh mobile is on no other
        // filed subject, so they hold).
        List<Map<String, Object>> decidable = preChecked.stream().filter(f -> !("UNDETERMINED".equals(f.get("outcome"))
                && String.valueOf(f.get("message")).contains("records not looked up"))).toList();
        assertTrue(decidable.size() < preChecked.size(), "the pre-check cannot judge the records rules");
        assertTrue(listed.stream().noneMatch(f -> String.valueOf(f.get("message")).contains("records not looked up")),
                "the order view judges them with the records");
        assertEquals(catalogue(decidable), catalogue(listed), "the order view agrees with the pre-check");

        // Submit names each blocking finding, and only those.
        List<String> blocking = listed.stream().filter(f -> "BLOCKS".equals(f.get("severity"))
                && "FAILED".equals(f.get("outcome"))).map(f -> f.get("fieldKey") + " " + f.get("ruleId")).toList();
        List<Map<String, Object>> errors = Fixtures.orderAction(applicant, orderUrl, "submit").then().statusCode(409)
                .body("currentState", equalTo("DRAFT")).extract().path("errors");
        assertEquals(blocking, errors.stream().map(e -> e.get("field") + " " + e.get("rule")).toList());
        assertTrue(blocking.containsAll(List.of("websites[1].domains[0] " + RESERVED,
                "websites[0].materials.VERIFICATION_FORM " + FORM)), blocking.toString());
        assertTrue(errors.stream().allMatch(e -> "RULE_BROKEN".equals(e.get("code"))), errors.toString());

        // Mended: another domain for the second website, the form for the first.
        String etag = given().auth().oauth2(applicant).get(websites + "/" + second).then().statusCode(200).extract()
                .header("ETag");
        given().auth().oauth2(applicant).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Fixtures.website(applicant, name + "的随笔", mended)).put(websites + "/" + second).then().statusCode(200);
        upload(applicant, materials, "VERIFICATION_FORM", "websites[" + first + "]");
        await(() -> findings(applicant, orderUrl, "zh-CN").stream().noneMatch(f -> "BLOCKS".equals(f.get("severity"))
                && "FAILED".equals(f.get("outcome"))) && given().auth().oauth2(applicant).get(orderUrl)
                .path("readiness.missing").toString().equals("[]"));
        Fixtures.orderAction(applicant, orderUrl, "submit").then().statusCode(200)
                .body("state", equalTo("INITIAL_REVIEW"));
    }

    private static void upload(String applicant, String materials, String kind, String ownerRef) throws Exception {
        given().auth().oauth2(applicant).contentType("image/jpeg").queryParam("kind", kind)
                .queryParam("ownerRef", ownerRef).body(MaterialsIT.jpeg(900, 600))
                .post(materials + "/materials").then().statusCode(201);
    }

    /** The order's uploads as the pre-check's document names them: owner {@code subject} or {@code websites[i]}. */
    private static String uploaded(String applicant, String materials, String first, String second) {
        List<Map<String, Object>> items = given().auth().oauth2(applicant).get(materials + "/required-materials")
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> Boolean.TRUE.equals(i.get("provided"))).map(i -> {
            String owner = (String) i.get("ownerRef");
            String path = owner.startsWith("websites[" + first + "]") ? "websites[0]"
                    : owner.startsWith("websites[" + second + "]") ? "websites[1]" : "subject";
            return "{\"kind\":\"%s\",\"owner\":\"%s\"}".formatted(i.get("kind"), path);
        }).collect(Collectors.joining(",", "[", "]"));
    }

    private static String preCheckWebsite(String name, String domain) {
        return """
                {"name":"%s","domains":["%s"],"homepageUrls":["http://www.%s"],"serviceContent":"OTHER",
                 "languages":["zh-CN"],"remarks":"个人网站，记录读书笔记与书评，不含任何商业内容","principalSameAsSubject":true}"""
                .formatted(name, domain, domain);
    }

    /** The findings of catalogue rules (the checkers' own ids aside), as rule, field key, severity and outcome. */
    private static Set<String> catalogue(List<Map<String, Object>> findings) {
        return findings.stream().filter(f -> String.valueOf(f.get("ruleId")).matches("[A-Z]{1,2}(-[A-Z])?-\\d{2}"))
                .map(f -> f.get("ruleId") + " " + ("$".equals(f.get("fieldKey")) ? null : f.get("fieldKey")) + " "
                        + f.get("severity") + " " + f.get("outcome"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Map<String, Object>> findings(String applicant, String orderUrl, String language) {
        return given().auth().oauth2(applicant).header("Accept-Language", language).get(orderUrl).then()
                .statusCode(200).extract().path("findings");
    }

    private static boolean has(List<Map<String, Object>> findings, String rule, String fieldKey) {
        return findings.stream().anyMatch(f -> rule.equals(f.get("ruleId")) && fieldKey.equals(f.get("fieldKey")));
    }

    private static Map<String, Object> find(List<Map<String, Object>> findings, String rule) {
        return findings.stream().filter(f -> rule.equals(f.get("ruleId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " in " + findings));
    }

    private static void await(Supplier<Boolean> condition) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(condition::get);
    }
}
