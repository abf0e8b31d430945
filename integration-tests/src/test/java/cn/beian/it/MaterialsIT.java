package cn.beian.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.beian.testing.TestClock;
import cn.beian.validators.ResidentIdNumbers;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * materials-service on the real stack (s3proxy, Kafka, PostgreSQL, Keycloak tokens): an order created at
 * subject-service becomes known to materials-service through Kafka; files are judged by their bytes; the missing
 * list; presigned URLs that stop working after their lifetime (30 s on the local stack); another account sees 404.
 */
public class MaterialsIT {

    private static String applicant;
    private static String order;

    @BeforeAll
    static void anOrder() {
        applicant = Keycloak.newApplicant();
        order = newOrder(applicant);
    }

    @Test
    void theMissingListOfAPersonsFirstFilingInBeijing() {
        given().auth().oauth2(applicant).get(Stack.MATERIALS + "/api/v1/orders/" + order + "/required-materials")
                .then().statusCode(200).body("state", equalTo("DRAFT")).body("complete", equalTo(false))
                .body("missing.kind", hasItems("ID_FRONT", "ID_BACK"))
                .body("missing.kind", not(hasItem("UNIT_CERTIFICATE")))
                .body("missing.ownerRef", hasItem("subject.principal"));
    }

    @Test
    void filesAreJudgedByTheirBytes() throws Exception {
        upload(applicant, "ID_FRONT", jpeg(900, 600), "image/jpeg").then().statusCode(201)
                .body("contentType", equalTo("image/jpeg")).body("version", equalTo(1));
        upload(applicant, "ID_BACK", png(900, 600), "image/png").then().statusCode(201)
                .body("contentType", equalTo("image/png"));
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        upload(applicant, "ID_FRONT", pdf, "image/jpeg").then().statusCode(415)
                .contentType("application/problem+json").body("detectedType", equalTo("application/pdf"));
        byte[] genuine = jpeg(900, 600);
        upload(applicant, "ID_FRONT", Arrays.copyOf(genuine, genuine.length / 2), "image/jpeg").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        upload(applicant, "ID_FRONT", png(9000, 220), "image/png").then().statusCode(400)
                .body("errors[0].code", equalTo("IMAGE_DIMENSIONS_OUT_OF_RANGE"));
        byte[] oversized = new byte[2 * 1024 * 1024 + 10];
        System.arraycopy(genuine, 0, oversized, 0, 100);
        upload(applicant, "ID_FRONT", oversized, "image/jpeg").then().statusCode(413)
                .contentType("application/problem+json");
        given().auth().oauth2(applicant).get(Stack.MATERIALS + "/api/v1/orders/" + order + "/required-materials")
                .then().statusCode(200).body("missing.kind", not(hasItems("ID_FRONT")));
    }

    @Test
    void anotherAccountGets404AndAPresignedUrlExpires() throws Exception {
        byte[] image = jpeg(700, 500);
        String id = upload(applicant, "OTHER", image, "image/jpeg").then().statusCode(201).extract().path("id");
        String other = Keycloak.newApplicant();
        String base = Stack.MATERIALS + "/api/v1/orders/" + order;
        given().auth().oauth2(other).get(base + "/required-materials").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(other).get(base + "/materials/" + id + "/content").then().statusCode(404);
        given().auth().oauth2(other).get(base + "/materials/" + id + "/download-url").then().statusCode(404);
        upload(other, "OTHER", image, "image/jpeg").then().statusCode(404);
        String rita = Keycloak.token("rita", "rita-local");
        given().auth().oauth2(rita).get(base + "/materials/" + id + "/download-url").then().statusCode(404);

        Response r = given().auth().oauth2(applicant).get(base + "/materials/" + id + "/download-url");
        r.then().statusCode(200);
        String url = r.path("url");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> now = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, now.statusCode());
        byte[] streamed = given().auth().oauth2(applicant).get(base + "/materials/" + id + "/content").then()
                .statusCode(200).extract().asByteArray();
        assertArrayEquals(streamed, now.body());
        long lifetime = Duration.between(TestClock.now(),
                java.time.OffsetDateTime.parse(r.path("expiresAt"))).toMillis();
        Thread.sleep(Math.max(0, lifetime) + 2_000);
        assertEquals(403, http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "the presigned URL stopped working");
    }

    static Response upload(String token, String kind, byte[] bytes, String type) {
        return given().auth().oauth2(token).contentType(type).queryParam("kind", kind)
                .queryParam("ownerRef", "subject.principal").body(bytes)
                .post(Stack.MATERIALS + "/api/v1/orders/" + order + "/materials");
    }

    /** A person's subject and first filing in Beijing at subject-service; waits until materials-service knows it. */
    public static String newOrder(String token) {
        String cert = residentId();
        String mobile = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"nature":"PERSON","province":"BEIJING","city":"北京市","district":"海淀区","name":"材料测试",
                 "certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "certificateAddress":"北京市海淀区中关村大街1号","communicationAddress":"北京市海淀区中关村大街1号101室",
                 "principal":{"name":"材料测试","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                   "mobile":"%s","email":"materials-it@example.com"}}""".formatted(cert, cert, mobile))
                .post(Stack.SUBJECT + "/api/v1/subjects").then().statusCode(201);
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post(Stack.SUBJECT + "/api/v1/orders").then().statusCode(201).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().auth().oauth2(token).get(Stack.MATERIALS + "/api/v1/orders/" + id + "/required-materials")
                        .statusCode() == 200);
        return id;
    }

    static String residentId() {
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(10000));
        String body = "110108" + birth.toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return body + ResidentIdNumbers.checkDigit(body);
    }

    public static byte[] jpeg(int w, int h) throws Exception {
        return encode(w, h, "jpg");
    }

    static byte[] png(int w, int h) throws Exception {
        return encode(w, h, "png");
    }

    private static byte[] encode(int w, int h, String format) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(ThreadLocalRandom.current().nextInt(0xFFFFFF)));
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }
}
