package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.Metrics;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * subject-service's business gauges (refreshed every second in tests) count what happens to orders, with bounded
 * labels only.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class SubjectMetricsTest {

    @Test
    void ordersAreCountedByStateAndProvince() {
        as("metrics-one", "applicant").contentType(ContentType.JSON).body(SubjectResourceTest.subject("吴十"))
                .post("/api/v1/subjects").then().statusCode(201);
        String id = as("metrics-one", "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        double drafts = awaitValue(v -> v >= 1, "beian_orders", "state", "DRAFT", "province", "BEIJING");
        assertTrue(Metrics.scrape().has("beian_orders_oldest_in_state_seconds"));

        String etag = as("metrics-one", "applicant").get("/api/v1/orders/" + id).then().extract().header("ETag");
        as("metrics-one", "applicant").header("If-Match", etag).post("/api/v1/orders/" + id + "/abandon").then()
                .statusCode(200);
        awaitValue(v -> v >= 1, "beian_orders", "state", "ABANDONED", "province", "BEIJING");
        awaitValue(v -> v == drafts - 1, "beian_orders", "state", "DRAFT", "province", "BEIJING");
    }

    @Test
    void noLabelLooksLikeAnId() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Metrics.scrape().has("beian_orders"));
        assertEquals(List.of(), Metrics.scrape().idLikeLabels());
    }

    private static double awaitValue(java.util.function.DoublePredicate until, String name, String... labels) {
        return Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Metrics.scrape().value(name, labels), until::test);
    }
}
