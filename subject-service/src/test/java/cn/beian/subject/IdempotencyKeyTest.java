package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A retried POST with the same Idempotency-Key answers the first result and does nothing twice. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class IdempotencyKeyTest {

    @Test
    void aRetriedCreationReturnsTheFirstOrderAndCreatesNoOther() throws Exception {
        String account = "idem-" + UUID.randomUUID();
        as(account, "applicant").contentType(ContentType.JSON).body(SubjectResourceTest.subject("沈十五"))
                .post("/api/v1/subjects").then().statusCode(201);
        String key = UUID.randomUUID().toString();
        Response first = as(account, "applicant").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"type\":\"FIRST_FILING\"}").post("/api/v1/orders");
        first.then().statusCode(201);
        assertNull(first.header("Idempotent-Replayed"));
        String id = first.path("id");

        Response again = as(account, "applicant").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"type\":\"FIRST_FILING\"}").post("/api/v1/orders");
        again.then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id))
                .header("Location", first.header("Location")).header("ETag", first.header("ETag"));
        assertEquals(1, SubjectResourceTest.count("select count(*) from filing_order where account_id = '" + account + "'"));

        // Without the key the same request is a new one, refused by the one-in-flight rule.
        as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(409);
        // The key is bound to its request: reused for another path it is refused.
        as(account, "applicant").header("Idempotency-Key", key).header("If-Match", first.header("ETag"))
                .post("/api/v1/orders/" + id + "/abandon").then().statusCode(400)
                .body("errors[0].code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        // Another account's identical key is its own.
        as("other-" + UUID.randomUUID(), "applicant").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"type\":\"FIRST_FILING\"}").post("/api/v1/orders").then().statusCode(409)
                .header("Idempotent-Replayed", (String) null);
        as(account, "applicant").header("Idempotency-Key", "bad key with spaces").header("If-Match", first.header("ETag"))
                .post("/api/v1/orders/" + id + "/abandon").then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void aRetriedActionIsNotAppliedTwice() throws Exception {
        String account = "idem-act-" + UUID.randomUUID();
        as(account, "applicant").contentType(ContentType.JSON).body(SubjectResourceTest.subject("韩十六"))
                .post("/api/v1/subjects").then().statusCode(201);
        Response created = as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders");
        created.then().statusCode(201);
        String id = created.path("id");
        String etag = created.header("ETag");
        String key = UUID.randomUUID().toString();
        as(account, "applicant").header("Idempotency-Key", key).header("If-Match", etag)
                .post("/api/v1/orders/" + id + "/abandon").then().statusCode(200).body("state", equalTo("ABANDONED"));
        // Run twice, the second abandon would be a 409 (already terminal); the replay answers the first 200.
        as(account, "applicant").header("Idempotency-Key", key).header("If-Match", etag)
                .post("/api/v1/orders/" + id + "/abandon").then().statusCode(200).body("state", equalTo("ABANDONED"))
                .header("Idempotent-Replayed", "true");
        assertEquals(1, SubjectResourceTest.count("select count(*) from order_transition where order_id = '" + id
                + "' and trigger = 'ABANDON'"));
    }
}
