package cn.beian.materials;

import static cn.beian.materials.MaterialsTest.base;
import static cn.beian.materials.MaterialsTest.count;
import static cn.beian.materials.MaterialsTest.upload;
import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.materials.domain.Material;
import cn.beian.materials.domain.MaterialKind;
import cn.beian.materials.service.Caller;
import cn.beian.materials.service.MaterialService;
import cn.beian.materials.service.ObjectStore;
import cn.beian.materials.service.SweepJob;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestTokens;
import cn.beian.time.BeianClock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing half-written survives: an upload interrupted between the object's put and the row's completion (as a
 * crash would leave it) is swept with its object; a client that breaks off mid-body leaves nothing; materials of
 * abandoned or expired orders go after the retention period, those of a resubmitted order stay.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "materials"))
@WithTestResource(value = InMemoryMessagingResource.class,
        initArgs = @ResourceArg(name = "incoming", value = "subject-events,website-events,review-events"))
@WithTestResource(OidcTestResource.class)
@WithTestResource(S3TestResource.class)
class HousekeepingTest {

    @Inject
    @Any
    InMemoryConnector connector;
    @Inject
    MaterialService service;
    @Inject
    ObjectStore store;
    @Inject
    SweepJob sweepJob;
    @Inject
    BeianClock clock;

    @TestHTTPResource("/")
    URL root;

    @AfterEach
    void resetClock() {
        clock.setOffset(Duration.ZERO);
    }

    @Test
    void anUploadInterruptedAfterThePutIsSweptWithItsObject() throws Throwable {
        String account = "crash-" + UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Events events = new Events(connector);
        events.created(order.toString(), account, "FIRST_FILING", "BEIJING", "PERSON");
        Caller caller = new Caller(account, false);

        // Steps 1 and 2 of an upload, then the "crash": the row is never completed.
        Material intent = VertxContextSupport.subscribeAndAwait(
                () -> service.begin(order, caller, MaterialKind.ID_FRONT, "subject.principal"));
        store.put(intent.objectKey, Images.jpeg(300, 300), "image/jpeg");
        assertTrue(S3TestResource.objectOnDisk(intent.objectKey));
        assertEquals(1, count("select count(*) from material where id = '" + intent.id + "' and status = 'PENDING'"));
        as(account, "applicant").get(base(order.toString()) + "/materials").then().statusCode(200)
                .body("items", empty());

        assertEquals(0, sweepJob.sweepStaleIntents(), "a fresh intent may still complete");
        clock.setOffset(Duration.ofMinutes(3));
        assertTrue(sweepJob.sweepStaleIntents() >= 1);
        assertFalse(S3TestResource.objectOnDisk(intent.objectKey), "object removed");
        assertEquals(0, count("select count(*) from material where id = '" + intent.id + "'"), "row removed");
    }

    @Test
    void aClientThatBreaksOffMidBodyLeavesNothing() throws Exception {
        String account = "broken-" + UUID.randomUUID();
        String order = UUID.randomUUID().toString();
        new Events(connector).created(order, account, "FIRST_FILING", "BEIJING", "PERSON");
        byte[] image = Images.jpeg(1500, 1500);
        try (Socket s = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/orders/" + order + "/materials?kind=ID_FRONT&ownerRef=subject.principal HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + TestTokens.token(account, "applicant") + "\r\n"
                    + "Content-Type: image/jpeg\r\nContent-Length: " + image.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(image, 0, image.length / 3);
            out.flush();
            Thread.sleep(300);
        } // closed mid-body
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                count("select count(*) from material where order_id = '" + order + "'") == 0);
        assertEquals(0, count("select count(*) from material where order_id = '" + order + "'"));
        assertFalse(java.nio.file.Files.exists(S3TestResource.baseDir.resolve("test-materials/orders/" + order)));
    }

    @Test
    void materialsOfAbandonedOrdersGoAfterTheRetentionPeriodResubmittedOnesStay() throws Throwable {
        Events events = new Events(connector);
        String abandoner = "gone-" + UUID.randomUUID();
        String abandoned = UUID.randomUUID().toString();
        events.created(abandoned, abandoner, "FIRST_FILING", "BEIJING", "PERSON");
        String doc = upload(abandoner, abandoned, "ID_FRONT", "subject.principal", Images.jpeg(300, 300), "a.jpg")
                .then().statusCode(201).extract().path("id");
        String key = Material.objectKey(UUID.fromString(abandoned), UUID.fromString(doc));
        events.transitioned(abandoned, abandoner, "DRAFT", "ABANDONED", "ABANDON", null);

        String keeper = "kept-" + UUID.randomUUID();
        String resubmitted = UUID.randomUUID().toString();
        events.created(resubmitted, keeper, "FIRST_FILING", "BEIJING", "PERSON");
        String kept = upload(keeper, resubmitted, "ID_FRONT", "subject.principal", Images.jpeg(300, 300), "k.jpg")
                .then().statusCode(201).extract().path("id");
        events.transitioned(resubmitted, keeper, "AUTHORITY_REJECTED", "EXPIRED", "EXPIRE", null);

        clock.setOffset(Duration.ofDays(179));
        sweepJob.purgeExpired();
        assertTrue(S3TestResource.objectOnDisk(key), "kept within the retention period");

        clock.setOffset(Duration.ofDays(181));
        events.transitioned(resubmitted, keeper, "EXPIRED", "INITIAL_REVIEW", "RESUBMIT", 1L);
        sweepJob.purgeExpired();
        assertFalse(S3TestResource.objectOnDisk(key), "object purged");
        assertEquals(0, count("select count(*) from material where order_id = '" + abandoned + "'"));
        as(abandoner, "applicant").get(base(abandoned) + "/required-materials").then().statusCode(404);
        assertTrue(S3TestResource.objectOnDisk(Material.objectKey(UUID.fromString(resubmitted),
                UUID.fromString(kept))), "a resubmitted order keeps its materials");
    }
}
