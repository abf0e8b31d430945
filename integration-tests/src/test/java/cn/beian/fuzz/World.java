package cn.beian.fuzz;

import static io.restassured.RestAssured.given;

import cn.beian.it.Fixtures;
import cn.beian.it.Mobiles;
import cn.beian.it.Keycloak;
import cn.beian.it.Stack;
import cn.beian.testing.TestClock;
import io.restassured.http.ContentType;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;

/**
 * What the corpus needs to exist before it runs, so that a valid request is valid and path ids exist: applicant A
 * (the account every mutation is sent as) with a subject, a draft first filing, a website, a material, a server and
 * an authorization code; applicant B (another account, for cross-account reads and writes of A's ids); staff tokens.
 * Tokens are fetched again before they expire (Keycloak's 15 minutes).
 */
final class World {

    /** A realm user whose token is refreshed every 10 minutes. */
    static final class Account {
        final String username;
        private final String password;
        private String token;
        private long fetchedAt;

        Account(String username, String password) {
            this.username = username;
            this.password = password;
        }

        synchronized String token() {
            if (token == null || System.currentTimeMillis() - fetchedAt > 600_000) {
                token = Keycloak.token(username, password);
                fetchedAt = System.currentTimeMillis();
            }
            return token;
        }
    }

    final Account a;
    final Account b;
    // ravi, not rita: the ITs' reviewer never finds a case leased by the corpus's claims.
    final Account reviewer = new Account("ravi", "ravi-local");
    final Account authority = new Account("arthur", "arthur-local");
    final Account admin = new Account("ada", "ada-local");
    final String accountA;
    final String certA;
    final String mobileA;
    final String nameA = "张三";
    final String emailA;
    final String domainA;
    final String subjectBodyA;
    final byte[] jpeg;
    /** Path parameter name → A's resource id. */
    final Map<String, String> ids = new LinkedHashMap<>();
    /** Path parameter name → B's own resource id (subject and order). */
    final Map<String, String> idsB = new LinkedHashMap<>();

    private static final Pattern CERT = Pattern.compile("\"certificateNumber\":\"([0-9X]{18})\"");
    private static final Pattern MOBILE = Pattern.compile("\"mobile\":\"([0-9]+)\"");

    private World(long seed) throws Exception {
        a = newApplicant();
        b = newApplicant();
        accountA = Keycloak.accountOf(a.token());
        emailA = a.username + "@beian.local";
        subjectBodyA = Fixtures.personSubject(nameA, emailA);
        Matcher m = CERT.matcher(subjectBodyA);
        m.find();
        certA = m.group(1);
        Matcher mm = MOBILE.matcher(subjectBodyA);
        mm.find();
        mobileA = mm.group(1);
        domainA = "fuzz-" + UUID.randomUUID().toString().substring(0, 8) + ".cn";
        jpeg = jpeg(new Random(seed), 900, 600);
    }

    static World create(long seed) throws Exception {
        World w = new World(seed);
        w.build();
        return w;
    }

    String token(String role) {
        return switch (role) {
            case "b" -> b.token();
            case "reviewer" -> reviewer.token();
            case "authority" -> authority.token();
            case "admin" -> admin.token();
            default -> a.token();
        };
    }

    private void build() {
        String subject = given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(subjectBodyA)
                .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201).extract().path("id");
        ids.put("subjectId", subject);
        // A's principal mobile confirmed by its code (issue 15), and one more code asked for: the confirmation the
        // mobile-confirmation operations are fuzzed with.
        Mobiles.confirm(a.token(), mobileA);
        ids.put("confirmationId", given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body("{\"mobile\":\"" + Fixtures.mobile() + "\"}").post(Stack.NOTIFICATION + "/api/v1/mobile-confirmations")
                .then().statusCode(201).extract().path("id"));
        String order = given().auth().oauth2(a.token()).contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(201).extract().path("id");
        ids.put("orderId", order);
        Fixtures.registerDomain(admin.token(), domainA, nameA, certA);
        String server = given().auth().oauth2(admin.token()).contentType(ContentType.JSON).body("""
                {"accountId":"%s","instanceId":"i-fuzz%s","province":"BEIJING","region":"cn-beijing",
                 "publicIp":"47.95.10.20","billing":"PREPAID","purchasedMonths":12,"loadBalancer":false,
                 "expiresAt":"%s"}""".formatted(accountA, UUID.randomUUID().toString().substring(0, 8),
                        TestClock.now().plusYears(1)))
                .post(Stack.SUBJECT + "/api/v1/admin/servers").then().statusCode(201).extract().path("id");
        ids.put("serverId", server);
        String code = given().auth().oauth2(a.token()).post(Stack.SUBJECT + "/api/v1/servers/" + server
                + "/authorization-codes").then().statusCode(201).extract().path("id");
        ids.put("codeId", code);

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                given().auth().oauth2(a.token()).get(Stack.WEBSITE + "/api/v1/orders/" + order + "/websites")
                        .statusCode() == 200);
        String website = given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(websiteBody())
                .post(Stack.WEBSITE + "/api/v1/orders/" + order + "/websites").then().statusCode(201).extract()
                .path("id");
        ids.put("websiteId", website);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                given().auth().oauth2(a.token()).get(Stack.MATERIALS + "/api/v1/orders/" + order
                        + "/required-materials").statusCode() == 200);
        String material = given().auth().oauth2(a.token()).contentType("image/jpeg").queryParam("kind", "ID_FRONT")
                .queryParam("ownerRef", "subject.principal").body(jpeg)
                .post(Stack.MATERIALS + "/api/v1/orders/" + order + "/materials").then().statusCode(201).extract()
                .path("id");
        ids.put("materialId", material);

        // B is an ordinary applicant with data of its own.
        idsB.put("subjectId", given().auth().oauth2(b.token()).contentType(ContentType.JSON)
                .body(Fixtures.personSubject("李四", b.username + "@beian.local"))
                .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201).extract().path("id"));
        String orderB = given().auth().oauth2(b.token()).contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(201).extract().path("id");
        idsB.put("orderId", orderB);
        idsB.put("confirmationId", given().auth().oauth2(b.token()).contentType(ContentType.JSON)
                .body("{\"mobile\":\"" + Fixtures.mobile() + "\"}").post(Stack.NOTIFICATION + "/api/v1/mobile-confirmations")
                .then().statusCode(201).extract().path("id"));
    }

    String websiteBody() {
        return """
                {"name":"%s的读书笔记","domains":["%s"],"homepageUrls":["http://www.%s"],"serviceContent":"OTHER",
                 "languages":["zh-CN"],"remarks":"个人网站，记录读书笔记与书评，不含任何商业内容","principalSameAsSubject":true,
                 "serverIds":["%s"]}""".formatted(nameA, domainA, domainA, ids.get("serverId"));
    }

    /** Hand-kept valid bodies where the schema alone cannot make one (path → JSON), checked against A's data. */
    Map<String, String> validBodies() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("POST /api/v1/subjects", subjectBodyA);
        m.put("PUT /api/v1/subjects/{subjectId}", subjectBodyA);
        m.put("PUT /api/v1/orders/{orderId}/subject", subjectBodyA);
        m.put("POST /api/v1/orders", "{\"type\":\"FIRST_FILING\"}");
        m.put("POST /api/v1/mobile-confirmations", "{\"mobile\":\"" + mobileA + "\"}");
        m.put("POST /api/v1/mobile-confirmations/{confirmationId}/confirm", "{\"code\":\"000000\"}");
        m.put("POST /api/v1/filing-type-decisions", """
                {"nature":"PERSON","province":"BEIJING","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "domains":["%s"]}""".formatted(certA, domainA));
        m.put("POST /api/v1/orders/{orderId}/websites", websiteBody());
        m.put("PUT /api/v1/orders/{orderId}/websites/{websiteId}", websiteBody());
        m.put("POST /api/v1/admin/servers", """
                {"accountId":"%s","instanceId":"i-fuzz-base","province":"BEIJING","region":"cn-beijing",
                 "publicIp":"47.95.10.21","billing":"PREPAID","purchasedMonths":12,"loadBalancer":false,
                 "expiresAt":"%s"}""".formatted(accountA, TestClock.now().plusYears(1)));
        m.put("POST /api/v1/review-cases/{caseId}/decision",
                "{\"version\":1,\"decision\":\"REJECT\",\"reasons\":[{\"fieldKey\":\"subject.name\",\"code\":\"OTHER\","
                        + "\"suggestion\":\"请核对\"}]}");
        m.put("POST /api/v1/review-cases/{caseId}/notes", "{\"text\":\"请核对证件\"}");
        m.put("POST /api/v1/authority-submissions/{submissionId}/outcome", """
                {"outcome":"REJECTED","reasons":[{"code":"OTHER","message":"材料不清晰","field":"subject.name"}]}""");
        return m;
    }

    /** Hand-kept values of parameters no schema can guess (name → value). */
    Map<String, String> knownParams() {
        Map<String, String> m = new LinkedHashMap<>(ids);
        m.put("kind", "ID_BACK");
        m.put("ownerRef", "subject.principal");
        m.put("domain", domainA);
        m.put("host", domainA);
        m.put("websiteFilingNumber", "京ICP备12345678号-1");
        m.put("submissionId", ids.get("orderId") + ":1");
        m.put("itemId", "X-05"); // a checklist item every first filing has (review-service's PUT …/checklist/{itemId})
        m.put("limit", "20");
        return m;
    }

    private static Account newApplicant() {
        String[] user = Keycloak.newUser("fuzz", "applicant");
        return new Account(user[0], user[1]);
    }

    static byte[] jpeg(Random random, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(random.nextInt(0xFFFFFF)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(random.nextInt(0xFFFFFF)));
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }
}
