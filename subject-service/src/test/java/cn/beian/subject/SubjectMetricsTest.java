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
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * subject-service's business gauges (refreshed every second in tests) follow the orders table as orders are created
 * and abandoned, with bounded labels only.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class SubjectMetricsTest {

    @Test
    void ordersAreCountedByStateAndProvince() throws Exception {
        as("metrics-one", "applicant").contentType(ContentType.JSON).body(SubjectResourceTest.subject("吴十"))
                .post("/api/v1/subjects").then().statusCode(201);
        String id = as("metrics-one", "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        long drafts = orders("DRAFT");
        awaitGauge("DRAFT", drafts);
        assertTrue(Metrics.scrape().has("beian_orders_oldest_in_state_seconds"));

        String etag = as("metrics-one", "applicant").get("/api/v1/orders/" + id).then().extract().header("ETag");
        as("metrics-one", "applicant").header("If-Match", etag).post("/api/v1/orders/" + id + "/abandon").then()
                .statusCode(200);
        assertEquals(drafts - 1, orders("DRAFT"));
        awaitGauge("DRAFT", drafts - 1);
        awaitGauge("ABANDONED", orders("ABANDONED"));
    }

    @Test
    void noLabelLooksLikeAnId() {
        // A request for an id that is no route's (the edge refuses it before routing) must not name a series either.
        as("metrics-two", "applicant").contentType(ContentType.JSON).body("{\"name\":")
                .put("/api/v1/subjects/0eeab9ca-e6d0-49cb-b05b-cb92bb2ec8b7").then().statusCode(400);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Metrics.scrape().has("beian_orders"));
        assertEquals(List.of(), Metrics.scrape().idLikeLabels());
    }

    /** The gauge of Beijing's orders in {@code state} comes to {@code expected} at its next refresh. */
    private static void awaitGauge(String state, long expected) {
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Metrics.scrape().value("beian_orders", "state", state, "province", "BEIJING") == expected);
    }

    private static long orders(String state) throws Exception {
        try (Connection c = PostgresTestResource.connect(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from filing_order where province = 'BEIJING' and state = '" + state + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
