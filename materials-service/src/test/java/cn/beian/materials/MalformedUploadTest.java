package cn.beian.materials;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.Metrics;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Uploads a clumsy client or an attacker sends (issue 17): a Content-Type that is no media type, a multipart body cut
 * short, and an Idempotency-Key reused for another file — each a 4xx problem that stores nothing. The answers come
 * from libs/platform's edge and mappers; nothing here is specific to materials-service.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "materials"))
@WithTestResource(value = InMemoryMessagingResource.class,
        initArgs = @ResourceArg(name = "incoming", value = "subject-events,website-events,review-events"))
@WithTestResource(OidcTestResource.class)
@WithTestResource(S3TestResource.class)
class MalformedUploadTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    @Any
    InMemoryConnector connector;

    private String draftOrder(String account) {
        Events events = new Events(connector);
        String order = UUID.randomUUID().toString();
        events.created(order, account, "FIRST_FILING", "SHANGHAI", "PERSON");
        events.outlined(order, account, "FIRST_FILING", "SHANGHAI", "PERSON", "RESIDENT_ID",
                MaterialsTest.SH_ID_FROM_JIANGSU, false, 1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                as(account, "applicant").get(MaterialsTest.base(order) + "/required-materials").then().statusCode(200));
        return order;
    }

    private static long stored(String order) throws Exception {
        return MaterialsTest.count("select count(*) from material where order_id = '" + order + "'");
    }

    @Test
    void aGarbageContentTypeIsA415Problem() throws Exception {
        String account = "ct-" + UUID.randomUUID();
        String order = draftOrder(account);
        as(account, "applicant").contentType("garbage").queryParam("kind", "ID_FRONT")
                .queryParam("ownerRef", "subject.principal").body(Images.jpeg(300, 300))
                .post(MaterialsTest.base(order) + "/materials").then().statusCode(415).contentType(PROBLEM)
                .body("errors[0].field", equalTo("Content-Type"));
        assertEquals(0, stored(order));
    }

    /** Refused uploads are counted by reason (a bounded code, never the order or the file). */
    @Test
    void aRefusedUploadIsCountedByItsReason() throws Exception {
        String account = "refused-" + UUID.randomUUID();
        String order = draftOrder(account);
        Metrics before = Metrics.scrape();
        as(account, "applicant").contentType("image/jpeg").queryParam("kind", "ID_FRONT")
                .queryParam("ownerRef", "subject.principal").body("not a picture at all".getBytes())
                .post(MaterialsTest.base(order) + "/materials").then().statusCode(415);
        Metrics after = Metrics.scrape();
        assertEquals(before.value("beian_materials_uploads_refused_total") + 1,
                after.value("beian_materials_uploads_refused_total"));
        assertEquals(before.value("beian_materials_uploads_refused_total", "reason", "UNSUPPORTED_FILE_TYPE") + 1,
                after.value("beian_materials_uploads_refused_total", "reason", "UNSUPPORTED_FILE_TYPE"));
        assertEquals(List.of(), after.idLikeLabels());
    }

    @Test
    void aTruncatedMultipartBodyIsA400Problem() throws Exception {
        String account = "mp-" + UUID.randomUUID();
        String order = draftOrder(account);
        byte[] whole = multipart("ID_FRONT", Images.jpeg(300, 300));
        as(account, "applicant").contentType("multipart/form-data; boundary=edge-b0undary")
                .body(Arrays.copyOf(whole, whole.length / 2)).post(MaterialsTest.base(order) + "/materials").then()
                .statusCode(400).contentType(PROBLEM);
        assertEquals(0, stored(order));
        as(account, "applicant").contentType("multipart/form-data; boundary=edge-b0undary").body(whole)
                .post(MaterialsTest.base(order) + "/materials").then().statusCode(201);
        assertEquals(1, stored(order));
    }

    @Test
    void anIdempotencyKeyReusedForAnotherFileIsA422() throws Exception {
        String account = "idem-" + UUID.randomUUID();
        String order = draftOrder(account);
        String key = UUID.randomUUID().toString();
        String id = MaterialsTestUpload.upload(account, order, key, "ID_FRONT", Images.jpeg(300, 300)).then()
                .statusCode(201).extract().path("id");
        MaterialsTestUpload.upload(account, order, key, "ID_FRONT", Images.jpeg(300, 300)).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        MaterialsTestUpload.upload(account, order, key, "ID_FRONT", Images.png(400, 300)).then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("Idempotency-Key"));
        MaterialsTestUpload.upload(account, order, key, "ID_BACK", Images.jpeg(300, 300)).then().statusCode(422)
                .contentType(PROBLEM).body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(1, stored(order));
    }

    private static byte[] multipart(String kind, byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = ("--edge-b0undary\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind
                + "\r\n--edge-b0undary\r\nContent-Disposition: form-data; name=\"ownerRef\"\r\n\r\nsubject.principal"
                + "\r\n--edge-b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\r\n--edge-b0undary--\r\n".getBytes(StandardCharsets.UTF_8);
        out.write(head, 0, head.length);
        out.write(file, 0, file.length);
        out.write(tail, 0, tail.length);
        return out.toByteArray();
    }

    /** The raw upload of MaterialsTest with an Idempotency-Key. */
    static final class MaterialsTestUpload {
        static io.restassured.response.Response upload(String account, String order, String key, String kind,
                byte[] bytes) {
            return as(account, "applicant").contentType("image/jpeg").header("Idempotency-Key", key)
                    .queryParam("kind", kind).queryParam("ownerRef", "subject.principal").body(bytes)
                    .post(MaterialsTest.base(order) + "/materials");
        }
    }
}
