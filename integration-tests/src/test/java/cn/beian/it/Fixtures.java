package cn.beian.it;

import static io.restassured.RestAssured.given;

import cn.beian.testing.TestClock;
import cn.beian.validators.ResidentIdNumbers;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Valid, fresh test data, so a run never collides with an earlier one on the same stack. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A fresh 18-character resident ID (Beijing Haidian, born 1985–1998) with its GB 11643 check digit. */
    public static String residentId() {
        LocalDate birth = LocalDate.of(1985, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(5000));
        String body = "110108" + birth.toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return body + ResidentIdNumbers.checkDigit(body);
    }

    /** A resident ID of a province (its two-digit code) for someone {@code age} years old on the run's day. */
    public static String residentId(String province2, int age) {
        String body = province2 + "0102" + cn.beian.testing.TestClock.today().minusYears(age)
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "123";
        return body + ResidentIdNumbers.checkDigit(body);
    }

    /** A unified social credit code registered in a province (its two-digit code), with valid check characters. */
    public static String uscc(String province2) {
        String org8 = "MA012345";
        String first17 = "91" + province2 + "0102" + org8 + cn.beian.validators.OrganizationCodes.checkChar(org8);
        return first17 + cn.beian.validators.SocialCreditCodes.checkChar(first17);
    }

    /**
     * POSTs an order action ({@code submit}, {@code withdraw} …) with the order's current ETag in {@code If-Match}, as
     * a front-end does. A 412 means a background event moved the order's version between the read and the action:
     * read it again and retry, a few times.
     */
    public static Response orderAction(String token, String orderUrl, String action) {
        String url = orderUrl + (action.startsWith("/") ? action : "/" + action);
        for (int attempt = 1; ; attempt++) {
            String etag = given().auth().oauth2(token).get(orderUrl).then().statusCode(200).extract().header("ETag");
            Response r = given().auth().oauth2(token).header("If-Match", etag).post(url);
            if (r.statusCode() != 412 || attempt == 5) {
                return r;
            }
        }
    }

    /**
     * Tells the national stand-in's domain registry that {@code registrant} (a person with resident ID {@code cert})
     * holds {@code domain}: registered 1000 days before the run's today, real-name verified 30 days ago (long enough
     * for the administration to see it), expiring in two years.
     */
    public static void registerDomain(String adminToken, String domain, String registrant, String cert) {
        given().auth().oauth2(adminToken).contentType(ContentType.JSON).body("""
                {"registrar":"北京新网数码信息技术有限公司","registrantName":"%s","registrantCertificateType":"RESIDENT_ID",
                 "registrantCertificateNumber":"%s","realNameVerified":true,"realNameVerifiedAt":"%s",
                 "registeredOn":"%s","expiresOn":"%s","registeredAbroad":false}"""
                .formatted(registrant, cert, TestClock.now().minusDays(30), TestClock.date(-1000),
                        TestClock.today().plusYears(2)))
                .put(Stack.NATIONAL + "/api/v1/admin/domain-registrations/" + domain).then().statusCode(200);
    }

    /** A mainland mobile number from a real Beijing mobile block. */
    public static String mobile() {
        return "1380100" + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
    }

    /** A person subject in Beijing, its own principal, with a fresh resident ID and the given e-mail. */
    public static String personSubject(String name, String email) {
        String id = residentId();
        return """
                {"nature":"PERSON","province":"BEIJING","city":"北京市","district":"海淀区","name":"%s",
                 "certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "certificateAddress":"北京市海淀区中关村大街1号","communicationAddress":"北京市海淀区中关村大街1号101室",
                 "principal":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                   "mobile":"%s","email":"%s"}}""".formatted(name, id, name, id, mobile(), email);
    }

    /**
     * A person's reading-notes website on {@code domain}, principal the subject's, hosted on the account's server
     * ({@link #server}: website-service resolves it with subject-service as the website is saved).
     */
    public static String website(String token, String name, String domain) {
        return """
                {"name":"%s","domains":["%s"],"homepageUrls":["http://www.%s"],"serviceContent":"OTHER",
                 "languages":["zh-CN"],"remarks":"个人网站，记录读书笔记与书评，不含任何商业内容","principalSameAsSubject":true,
                 "serverIds":["%s"]}""".formatted(name, domain, domain.replaceFirst("^http://", ""), server(token));
    }

    private static final Map<String, String> SERVERS = new ConcurrentHashMap<>();

    /**
     * The server the account of {@code token} files its websites on: registered in the provider's inventory (as an
     * admin) the first time it is asked for — prepaid for a year, with a public address, expiring three years after
     * the test clock's now.
     */
    public static String server(String token) {
        return SERVERS.computeIfAbsent(Keycloak.accountOf(token), Fixtures::newServer);
    }

    /** Another eligible server of the account {@code accountId} (its OIDC subject). */
    public static String newServer(String accountId) {
        String body = """
                {"accountId":"%s","instanceId":"i-%s","province":"BEIJING","region":"cn-beijing",
                 "publicIp":"47.96.%d.%d","billing":"PREPAID","purchasedMonths":12,"loadBalancer":false,
                 "expiresAt":"%s"}""".formatted(accountId, UUID.randomUUID().toString().substring(0, 18),
                ThreadLocalRandom.current().nextInt(1, 250), ThreadLocalRandom.current().nextInt(1, 250),
                TestClock.now().plusYears(3));
        return given().auth().oauth2(Journeys.admin()).contentType(ContentType.JSON).body(body)
                .post(Stack.SUBJECT + "/api/v1/admin/servers").then().statusCode(201).extract().path("id");
    }
}
