package cn.beian.materials;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Uploads judged by their bytes, the required-materials list, versions, readiness, the frozen manifest, reads by
 * owners and reviewers, and the curtain photo submission, against a real S3 API (s3proxy) and PostgreSQL.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "materials"))
@WithTestResource(value = InMemoryMessagingResource.class,
        initArgs = @ResourceArg(name = "incoming", value = "subject-events,website-events,review-events"))
@WithTestResource(OidcTestResource.class)
@WithTestResource(S3TestResource.class)
class MaterialsTest {

    static final String SH_ID_FROM_JIANGSU = "320102199003070018";

    @Inject
    @Any
    InMemoryConnector connector;

    Events events;

    @BeforeEach
    void setUp() {
        events = new Events(connector);
    }

    @Test
    void aPersonsOrderFromDraftToPhotoSubmission() throws Exception {
        String account = "alice-" + UUID.randomUUID();
        String order = UUID.randomUUID().toString();
        events.created(order, account, "FIRST_FILING", "SHANGHAI", "PERSON");
        events.outlined(order, account, "FIRST_FILING", "SHANGHAI", "PERSON", "RESIDENT_ID", SH_ID_FROM_JIANGSU,
                false, 1);
        events.websites(order, 1, Events.website("w1", true, null, ""));

        Response list = as(account, "applicant").get(base(order) + "/required-materials");
        list.then().statusCode(200).body("complete", equalTo(false))
                .body("missing.kind", hasItem("RESIDENCE_PERMIT"))
                .body("items.find { it.kind == 'RESIDENCE_PERMIT' }.rules", hasItem("SH-P-01"))
                .body("items.find { it.kind == 'VERIFICATION_FORM' }.ownerRef", equalTo("websites[w1]"))
                .body("items.find { it.kind == 'CURTAIN_PHOTO' }.stage", equalTo("PHOTO"));

        // Genuine JPEG with a location in its EXIF: stored without it, digest of the stored bytes.
        byte[] withGps = Images.jpegWithGps(640, 400);
        assertTrue(new String(withGps, StandardCharsets.ISO_8859_1).contains(Images.GPS_MARK));
        String idDoc = upload(account, order, "ID_BOTH_SIDES", "subject.principal", withGps, "photo.jpg")
                .then().statusCode(201).body("version", equalTo(1)).body("contentType", equalTo("image/jpeg"))
                .extract().path("id");
        byte[] stored = as(account, "applicant").get(base(order) + "/materials/" + idDoc + "/content")
                .then().statusCode(200).extract().asByteArray();
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(Images.GPS_MARK), "GPS stripped");
        as(account, "applicant").get(base(order) + "/materials/" + idDoc).then().statusCode(200)
                .body("sha256", equalTo(sha256(stored))).body("sizeBytes", equalTo(stored.length));

        // Judged by the bytes, not the name or declared type.
        upload(account, order, "ID_FRONT", "subject.principal", Images.pdf(), "scan.jpg").then().statusCode(415)
                .contentType("application/problem+json").body("detectedType", equalTo("application/pdf"));
        upload(account, order, "ID_FRONT", "subject.principal", Images.script(), "id.png").then().statusCode(415);
        upload(account, order, "ID_FRONT", "subject.principal", Images.gif(), "id.jpg").then().statusCode(415);
        upload(account, order, "ID_FRONT", "subject.principal", Images.truncated(Images.jpeg(800, 600)), "t.jpg")
                .then().statusCode(400).body("errors[0].code", equalTo("IMAGE_TRUNCATED"));
        upload(account, order, "ID_FRONT", "subject.principal", Images.truncated(Images.png(800, 600)), "t.png")
                .then().statusCode(400).body("errors[0].field", equalTo("file"));
        upload(account, order, "ID_FRONT", "subject.principal", Images.png(9000, 250), "wide.png")
                .then().statusCode(400).body("errors[0].code", equalTo("IMAGE_DIMENSIONS_OUT_OF_RANGE"));
        byte[] oversized = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(Images.jpeg(300, 300), 0, oversized, 0, 1000);
        upload(account, order, "ID_FRONT", "subject.principal", oversized, "big.jpg").then().statusCode(413)
                .contentType("application/problem+json");
        // The same as a form (multipart/form-data), as browsers send files.
        as(account, "applicant").multiPart("file", "scan.jpg", Images.pdf(), "image/jpeg")
                .multiPart("kind", "ID_FRONT").multiPart("ownerRef", "subject.principal")
                .post(base(order) + "/materials").then().statusCode(415).body("detectedType", equalTo("application/pdf"));
        as(account, "applicant").multiPart("kind", "ID_FRONT").post(base(order) + "/materials").then().statusCode(400)
                .body("errors[0].code", equalTo("FILE_MISSING"));
        as(account, "applicant").multiPart("file", "other.png", Images.png(400, 300), "image/png")
                .queryParam("kind", "OTHER").queryParam("ownerRef", "subject")
                .post(base(order) + "/materials").then().statusCode(201).body("contentType", equalTo("image/png"));
        upload(account, order, "NOT_A_KIND", "subject", Images.jpeg(300, 300), "x.jpg").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        upload(account, order, "VERIFICATION_FORM", "websites[nope]", Images.jpeg(300, 300), "x.jpg")
                .then().statusCode(400).body("errors[0].code", equalTo("WEBSITE_NOT_IN_ORDER"));
        assertEquals(0, count("select count(*) from material where order_id = '" + order + "' and status = 'PENDING'"),
                "refused uploads leave nothing behind");

        // Another account sees nothing.
        upload("mallory", order, "ID_FRONT", "subject.principal", Images.jpeg(300, 300), "x.jpg").then().statusCode(404);
        as("mallory", "applicant").get(base(order) + "/required-materials").then().statusCode(404);
        as("mallory", "applicant").get(base(order) + "/materials/" + idDoc + "/content").then().statusCode(404);
        as("rita", "reviewer").get(base(order) + "/materials/" + idDoc + "/download-url").then().statusCode(404);

        upload(account, order, "RESIDENCE_PERMIT", "subject.principal", Images.png(500, 700), "permit.png")
                .then().statusCode(201);
        String form1 = upload(account, order, "VERIFICATION_FORM", "websites[w1]", Images.jpeg(1200, 1600), "f.jpg")
                .then().statusCode(201).extract().path("id");
        as(account, "applicant").get(base(order) + "/required-materials").then().statusCode(200)
                .body("complete", equalTo(true)).body("materialsVersion", equalTo(4))
                .body("missing.kind", equalTo(List.of("CURTAIN_PHOTO")));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'material.order-readiness-changed.v1' and payload like '%\"version\":4,"
                + "\"ready\":true%'"), "ready at version 4");

        // A replacement is a new version; the submission names version 4, so the manifest keeps the first form.
        String form2 = upload(account, order, "VERIFICATION_FORM", "websites[w1]", Images.jpeg(1200, 1601), "f2.jpg")
                .then().statusCode(201).body("version", equalTo(2)).extract().path("id");
        as(account, "applicant").get(base(order) + "/materials?history=true").then().statusCode(200)
                .body("items.id", hasItem(form1)).body("items.find { it.id == '" + form1 + "' }.current",
                        equalTo(false));
        events.transitioned(order, account, "DRAFT", "INITIAL_REVIEW", "SUBMIT", 4L);
        String manifest = single("select payload from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'material.manifest-frozen.v1'");
        assertTrue(manifest.contains(form1) && !manifest.contains(form2), manifest);
        assertTrue(manifest.contains("\"version\":4"), manifest);

        // Locked while under review; the reviewer holding the case's claim may read now, and each read is recorded.
        upload(account, order, "OTHER", "subject", Images.jpeg(300, 300), "x.jpg").then().statusCode(409)
                .body("currentState", equalTo("INITIAL_REVIEW"));
        as("rita", "reviewer").get(base(order) + "/materials/" + idDoc + "/content").then().statusCode(404);
        events.review(order, "review.case-claimed.v1", "rita");
        as("ravi", "reviewer").get(base(order) + "/materials/" + idDoc + "/content").then().statusCode(404);
        as("ravi", "reviewer").get(base(order) + "/materials").then().statusCode(404);
        String url = as("rita", "reviewer").get(base(order) + "/materials/" + idDoc + "/download-url")
                .then().statusCode(200).extract().path("url");
        HttpResponse<byte[]> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, fetched.statusCode());
        assertArrayEquals(stored, fetched.body());
        as("rita", "reviewer").get(base(order) + "/materials/" + idDoc + "/content").then().statusCode(200);
        assertEquals(2, count("select count(*) from material_read where order_id = '" + order
                + "' and reader_id = 'rita'"));
        Thread.sleep(6500); // the test profile's URL lifetime is 6 s
        assertEquals(403, HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "the presigned URL expired");
        events.review(order, "review.case-released.v1", "rita");
        as("rita", "reviewer").get(base(order) + "/materials/" + idDoc + "/content").then().statusCode(404);

        // Initial review passed: the curtain photo, then its submission.
        events.transitioned(order, account, "INITIAL_REVIEW", "AWAITING_PHOTO", "INITIAL_APPROVE", null);
        as(account, "applicant").post(base(order) + "/photo-submissions").then().statusCode(400)
                .body("errors[0].code", equalTo("CURTAIN_PHOTO_MISSING"));
        upload(account, order, "OTHER", "subject", Images.jpeg(300, 300), "x.jpg").then().statusCode(409);
        upload(account, order, "CURTAIN_PHOTO", "websites[w1].principal", Images.jpeg(900, 1200), "me.jpg")
                .then().statusCode(201);
        as(account, "applicant").post(base(order) + "/photo-submissions").then().statusCode(202)
                .body("byVerificationPoint", equalTo(false));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'material.photo-submitted.v1'"));
    }

    @Test
    void aRefusedUploadIsWordedInTheLanguageTheRequestAsksFor() {
        String account = "carol-" + UUID.randomUUID();
        String order = UUID.randomUUID().toString();
        events.created(order, account, "FIRST_FILING", "BEIJING", "PERSON");
        byte[] wide = Images.png(9000, 250);
        upload(account, order, "ID_FRONT", "subject.principal", wide, "wide.png").then().statusCode(400)
                .body("detail", equalTo("图片尺寸 9000×250 超出允许范围"))
                .body("errors[0].code", equalTo("IMAGE_DIMENSIONS_OUT_OF_RANGE"))
                .body("errors[0].message", equalTo("宽 200–8000，高 200–8000 像素，总像素不超过 40000000"));
        upload(account, order, "ID_FRONT", "subject.principal", wide, "wide.png", "en").then().statusCode(400)
                .body("detail", equalTo("The image size 9000×250 is out of the allowed range"))
                .body("errors[0].code", equalTo("IMAGE_DIMENSIONS_OUT_OF_RANGE"))
                .body("errors[0].message", equalTo("Width 200–8000 and height 200–8000 pixels, at most 40000000 "
                        + "pixels in all"));
    }

    @Test
    void aVerificationPointUploadsAndSubmitsTheCurtainPhoto() {
        String account = "bob-" + UUID.randomUUID();
        String order = UUID.randomUUID().toString();
        events.created(order, account, "FIRST_FILING", "BEIJING", "PERSON");
        events.websites(order, 1, Events.website("w1", true, null, ""));
        upload("ravi", order, "CURTAIN_PHOTO", "websites[w1].principal", Images.jpeg(900, 1200), "p.jpg")
                .then().statusCode(404); // not awaiting photos: nothing for a reviewer to see
        events.transitioned(order, account, "DRAFT", "INITIAL_REVIEW", "SUBMIT", 0L);
        events.transitioned(order, account, "INITIAL_REVIEW", "AWAITING_PHOTO", "INITIAL_APPROVE", null);
        upload("ravi", order, "ID_FRONT", "subject.principal", Images.jpeg(900, 1200), "p.jpg").then().statusCode(404);
        upload("ravi", order, "CURTAIN_PHOTO", "websites[w1].principal", Images.jpeg(900, 1200), "p.jpg")
                .then().statusCode(201).body("uploadedByVerificationPoint", equalTo(true));
        as("ravi", "reviewer").post(base(order) + "/photo-submissions").then().statusCode(202)
                .body("byVerificationPoint", equalTo(true));
    }

    @Test
    void theProvidersOwnCancelAccessOrderAsksTheApplicantForNothing() throws Exception {
        String account = "shell-" + UUID.randomUUID();
        String provider = UUID.randomUUID().toString();
        events.createdByProvider(provider, account, "SHANGHAI", "PERSON", "沪ICP备12345678号-1");
        events.outlined(provider, account, "CANCEL_ACCESS", "SHANGHAI", "PERSON", "RESIDENT_ID", SH_ID_FROM_JIANGSU,
                false, 1);
        as(account, "applicant").get(base(provider) + "/required-materials").then().statusCode(200)
                .body("complete", equalTo(true)).body("items", hasSize(0));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = '" + provider
                + "' and event_type = 'material.order-readiness-changed.v1' and payload like '%\"ready\":true%'"));

        // the applicant's own cancel-access order of the same subject asks for the principal's ID
        String own = UUID.randomUUID().toString();
        events.created(own, account, "CANCEL_ACCESS", "SHANGHAI", "PERSON");
        events.outlined(own, account, "CANCEL_ACCESS", "SHANGHAI", "PERSON", "RESIDENT_ID", SH_ID_FROM_JIANGSU,
                false, 1);
        as(account, "applicant").get(base(own) + "/required-materials").then().statusCode(200)
                .body("complete", equalTo(false)).body("missing.kind", hasItem("ID_FRONT"));
    }

    @Test
    void aUnitInHubeiNeedsItsCertificateAndALetterForAnotherWebsitePrincipal() {
        String account = "unit-" + UUID.randomUUID();
        String order = UUID.randomUUID().toString();
        events.created(order, account, "FIRST_FILING", "HUBEI", "ENTERPRISE");
        events.outlined(order, account, "FIRST_FILING", "HUBEI", "ENTERPRISE", "BUSINESS_LICENSE",
                "91420100MA4KXXXX0X", false, 1);
        events.websites(order, 1, Events.website("a", false, "p1", "\"EDUCATION\""),
                Events.website("b", false, "p1", ""));
        as(account, "applicant").get(base(order) + "/required-materials").then().statusCode(200)
                .body("missing.kind", hasItem("UNIT_CERTIFICATE"))
                .body("items.findAll { it.kind == 'AUTHORIZATION_LETTER' }.ownerRef",
                        equalTo(List.of("websites[a]", "websites[b]")))
                .body("items.find { it.kind == 'AUTHORIZATION_LETTER' }.rules", hasItem("HB-U-02"))
                .body("items.findAll { it.kind == 'ID_FRONT' }.ownerRef",
                        equalTo(List.of("subject.principal", "websites[a].principal")))
                .body("items.findAll { it.kind == 'CURTAIN_PHOTO' }.size()", equalTo(1))
                .body("items.find { it.kind == 'PRE_APPROVAL' }.ownerRef",
                        equalTo("websites[a].preApprovals[EDUCATION]"))
                .body("missing.kind", not(hasItem("RESIDENCE_PERMIT")));
    }

    /** A website principal replaced by another person: the documents of the one replaced leave the slot. */
    @Test
    void aReplacedWebsitePrincipalsDocumentsAreAskedForAgain() throws Exception {
        String account = "new-principal-" + UUID.randomUUID();
        String order = UUID.randomUUID().toString();
        events.created(order, account, "FIRST_FILING", "SHANGHAI", "PERSON");
        events.outlined(order, account, "FIRST_FILING", "SHANGHAI", "PERSON", "RESIDENT_ID", "310101199003070016",
                false, 1);
        events.websites(order, 1, Events.website("w1", false, "p1", ""));
        upload(account, order, "ID_FRONT", "websites[w1].principal", Images.jpeg(1200, 800), "p1.jpg").then()
                .statusCode(201);
        String front = "items.find { it.kind == 'ID_FRONT' && it.ownerRef == 'websites[w1].principal' }.provided";
        as(account, "applicant").get(base(order) + "/required-materials").then().statusCode(200)
                .body(front, equalTo(true));

        events.websites(order, 2, Events.website("w1", false, "p2", ""));
        as(account, "applicant").get(base(order) + "/required-materials").then().statusCode(200)
                .body(front, equalTo(false));
        assertEquals(1L, count("select count(*) from material where order_id = '" + order
                + "' and owner_ref = 'websites[w1].principal' and valid_to is not null"), "kept as an old version");

        upload(account, order, "ID_FRONT", "websites[w1].principal", Images.jpeg(1200, 800), "p2.jpg").then()
                .statusCode(201);
        events.websites(order, 3, Events.website("w1", false, "p2", "\"EDUCATION\""));
        as(account, "applicant").get(base(order) + "/required-materials").then().statusCode(200)
                .body(front, equalTo(true));
    }

    /**
     * A kind the rules data added (BJ-U-01: a Beijing unit's principal holding the certificate) from required to
     * uploaded to satisfied, and the readiness announced with it as a finding on its materials.<KIND> key until then.
     */
    @Test
    void aBeijingUnitsHandheldCertificatePhotoIsRequiredThenUploadedThenSatisfied() throws Exception {
        String account = "bj-unit-" + UUID.randomUUID();
        String order = UUID.randomUUID().toString();
        events.created(order, account, "FIRST_FILING", "BEIJING", "ENTERPRISE");
        events.outlined(order, account, "FIRST_FILING", "BEIJING", "ENTERPRISE", "BUSINESS_LICENSE",
                "91110108MA01XXXX0X", false, 1);
        events.websites(order, 1, Events.website("w1", true, null, ""));
        as(account, "applicant").get(base(order) + "/required-materials").then().statusCode(200)
                .body("missing.kind", hasItem("HANDHELD_CERTIFICATE_PHOTO"))
                .body("items.find { it.kind == 'HANDHELD_CERTIFICATE_PHOTO' }.ownerRef", equalTo("subject.principal"))
                .body("items.find { it.kind == 'HANDHELD_CERTIFICATE_PHOTO' }.rules", equalTo(List.of("BJ-U-01")))
                .body("items.find { it.kind == 'HANDHELD_CERTIFICATE_PHOTO' }.blocking", equalTo(true));
        var announced = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lastReadiness(order));
        assertFalse(announced.path("ready").asBoolean());
        var photo = finding(announced, "BJ-U-01");
        assertEquals("materials.HANDHELD_CERTIFICATE_PHOTO", photo.path("fieldKey").asText());
        assertEquals("BLOCKING", photo.path("severity").asText());
        assertEquals("FAILED", photo.path("outcome").asText());
        assertFalse(photo.path("messageEn").asText().isBlank(), "worded in English too");
        assertEquals("websites[0].materials.VERIFICATION_FORM", finding(announced, "X-06").path("fieldKey").asText());
        assertEquals("MATERIAL_MISSING", finding(announced, "MATERIAL_MISSING").path("ruleId").asText(),
                "the unit certificate docs/domain.md asks for");

        upload(account, order, "HANDHELD_CERTIFICATE_PHOTO", "subject.principal", Images.jpeg(900, 1200), "hold.jpg")
                .then().statusCode(201);
        as(account, "applicant").get(base(order) + "/required-materials").then().statusCode(200)
                .body("items.find { it.kind == 'HANDHELD_CERTIFICATE_PHOTO' }.provided", equalTo(true))
                .body("missing.kind", not(hasItem("HANDHELD_CERTIFICATE_PHOTO")));
        announced = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lastReadiness(order));
        assertEquals(1, announced.path("version").asLong());
        for (var f : announced.path("findings")) {
            assertFalse(f.path("ruleId").asText().equals("BJ-U-01"), "no longer missing: " + f);
        }
    }

    private static String lastReadiness(String order) throws Exception {
        return single("select payload from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'material.order-readiness-changed.v1' order by id desc limit 1");
    }

    private static com.fasterxml.jackson.databind.JsonNode finding(com.fasterxml.jackson.databind.JsonNode event,
            String ruleId) {
        for (var f : event.path("findings")) {
            if (f.path("ruleId").asText().equals(ruleId)) {
                return f;
            }
        }
        throw new AssertionError("no " + ruleId + " in " + event);
    }

    static Response upload(String account, String order, String kind, String owner, byte[] bytes, String name) {
        return upload(account, order, kind, owner, bytes, name, null);
    }

    /** An upload asking for the answer in {@code language} (the service's default where null). */
    static Response upload(String account, String order, String kind, String owner, byte[] bytes, String name,
            String language) {
        var request = as(account, account.startsWith("r") && !account.contains("-") ? "reviewer" : "applicant");
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return request
                .contentType(name.endsWith(".png") ? "image/png" : "image/jpeg")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .queryParam("kind", kind).queryParam("ownerRef", owner)
                .body(bytes).post(base(order) + "/materials");
    }

    static String base(String order) {
        return "/api/v1/orders/" + order;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static long count(String sql) throws Exception {
        return Long.parseLong(single(sql));
    }

    static String single(String sql) throws Exception {
        try (Connection c = PostgresTestResource.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row for " + sql);
            }
            return rs.getString(1);
        }
    }
}
