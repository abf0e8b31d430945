package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.platform.inbox.OrderCatchUp;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class OrderResourceTest {

    private static String newSubject(String account) {
        return as(account, "applicant").contentType(ContentType.JSON).body(SubjectResourceTest.subject("周九"))
                .post("/api/v1/subjects").then().statusCode(201).extract().path("id");
    }

    private static String newOrder(String account) {
        return as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
    }

    private static void markReady(String orderId) throws Exception {
        try (Connection c = PostgresTestResource.connect()) {
            c.createStatement().executeUpdate("update filing_order set websites_ready_version = 3, "
                    + "materials_ready_version = 5 where id = '" + orderId + "'");
        }
    }

    /** The order's ETag as its owner reads it. */
    private static String etag(String account, String orderId) {
        return as(account, "applicant").get("/api/v1/orders/" + orderId).then().statusCode(200).extract()
                .header("ETag");
    }

    @Test
    void anOrderNeedsASubjectFirst() {
        as("order-nosubject", "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aNewOrderIsADraftWaitingOnTheApplicantAndOnlyOneIsInFlight() {
        newSubject("order-one");
        String id = newOrder("order-one");
        as("order-one", "applicant").get("/api/v1/orders/" + id).then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.matchesPattern("\"[0-9a-f]{24}\""))
                .body("state", equalTo("DRAFT"))
                .body("waitingOn", equalTo("APPLICANT"))
                .body("allowedActions", containsInAnyOrder("SUBMIT", "ABANDON"))
                .body("contentsEditable", equalTo(true))
                .body("authorityEtaBasis", equalTo("FORECAST"))
                .body("authorityEta", org.hamcrest.Matchers.notNullValue())
                .body("history[0].trigger", equalTo("CREATE"));
        as("order-one", "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(409).body("orderId", equalTo(id));
        as("order-other", "applicant").get("/api/v1/orders/" + id).then().statusCode(404);
        as("order-other", "applicant").header("If-Match", etag("order-one", id)).post("/api/v1/orders/" + id + "/abandon")
                .then().statusCode(404);
        as("order-one", "applicant").contentType(ContentType.JSON).body("{\"type\":\"TELEPORT\"}")
                .post("/api/v1/orders").then().statusCode(400).body("errors[0].field", equalTo("type"));
    }

    /** The order's event sequence, for the other services' catch-up wait (OrderCatchUp). */
    @Test
    void everyAnswerAboutAnOrderCarriesItsEventSequence() {
        newSubject("order-sequence");
        String created = as("order-sequence", "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\"}").post("/api/v1/orders").then().statusCode(201)
                .extract().header(OrderCatchUp.HEADER);
        String id = as("order-sequence", "applicant").get("/api/v1/orders").then().statusCode(200)
                .extract().path("items[0].id");
        String viewed = as("order-sequence", "applicant").get("/api/v1/orders/" + id).then().statusCode(200)
                .extract().header(OrderCatchUp.HEADER);
        assertTrue(Long.parseLong(created) >= 1, created);
        assertEquals(created, viewed, "nothing happened to the order in between");
        String etag = as("order-sequence", "applicant").get("/api/v1/orders/" + id).header("ETag");
        String abandoned = as("order-sequence", "applicant").header("If-Match", etag)
                .post("/api/v1/orders/" + id + "/abandon").then().statusCode(200).extract().header(OrderCatchUp.HEADER);
        assertTrue(Long.parseLong(abandoned) > Long.parseLong(viewed), "the abandonment is an event of its own");
        // the move announced the sequence it appended; read back afterwards it is the same
        assertEquals(abandoned, as("order-sequence", "applicant").get("/api/v1/orders/" + id).then().statusCode(200)
                .extract().header(OrderCatchUp.HEADER));
        as("order-other", "applicant").get("/api/v1/orders/" + id).then().statusCode(404)
                .header(OrderCatchUp.HEADER, nullValue());
    }

    @Test
    void submissionWaitsForCompleteWebsitesAndMaterialsAndAFreshVersion() throws Exception {
        newSubject("order-submit");
        String id = newOrder("order-submit");
        as("order-submit", "applicant").post("/api/v1/orders/" + id + "/submit").then().statusCode(428);
        as("order-submit", "applicant").header("If-Match", "\"7\"").post("/api/v1/orders/" + id + "/submit")
                .then().statusCode(412);
        String draft = etag("order-submit", id);
        as("order-submit", "applicant").header("If-Match", draft).post("/api/v1/orders/" + id + "/submit")
                .then().statusCode(409)
                .body("errors.code", hasItems("WEBSITES_INCOMPLETE", "MATERIALS_INCOMPLETE"))
                .body("allowedActions", hasItems("SUBMIT", "ABANDON"));
        // A draft is submitted, not resubmitted: that is what the answer says, whatever its contents.
        as("order-submit", "applicant").header("If-Match", draft).post("/api/v1/orders/" + id + "/resubmit")
                .then().statusCode(409).body("currentState", equalTo("DRAFT"))
                .body("allowedActions", hasItems("SUBMIT", "ABANDON")).body("errors", nullValue());
        markReady(id);
        // Complete now: what the applicant sees changed, so the ETag read before is stale.
        as("order-submit", "applicant").header("If-Match", draft).post("/api/v1/orders/" + id + "/submit")
                .then().statusCode(412);
        String submitted = as("order-submit", "applicant").header("If-Match", etag("order-submit", id))
                .post("/api/v1/orders/" + id + "/submit").then().statusCode(200).extract().header("ETag");
        as("order-submit", "applicant").get("/api/v1/orders/" + id).then()
                .header("ETag", equalTo(submitted))
                .body("state", equalTo("INITIAL_REVIEW"))
                .body("waitingOn", equalTo("PROVIDER"))
                .body("reviewDueAt", org.hamcrest.Matchers.notNullValue())
                .body("allowedActions", containsInAnyOrder("WITHDRAW", "ABANDON"));
        // An illegal move names the state and what is allowed.
        as("order-submit", "applicant").header("If-Match", submitted).post("/api/v1/orders/" + id + "/resubmit")
                .then().statusCode(409)
                .body("currentState", equalTo("INITIAL_REVIEW"))
                .body("allowedActions", containsInAnyOrder("WITHDRAW", "ABANDON"));
        as("order-submit", "applicant").header("If-Match", submitted).post("/api/v1/orders/" + id + "/withdraw")
                .then().statusCode(200).body("state", equalTo("DRAFT"));
        as("order-submit", "applicant").header("If-Match", etag("order-submit", id)).post("/api/v1/orders/" + id + "/abandon")
                .then().statusCode(200).body("state", equalTo("ABANDONED"))
                .body("allowedActions.size()", equalTo(0))
                .body("history.trigger", equalTo(List.of("CREATE", "SUBMIT", "WITHDRAW", "ABANDON")));
        // With the first one abandoned, the account may open another.
        newOrder("order-submit");
        assertEquals(3, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + id
                + "' and event_type = 'order.transitioned.v1'"), "SUBMIT, WITHDRAW and ABANDON announced");
    }

    /** An order moved back and forth: its view lists the latest 20 moves, the history endpoint pages all of them. */
    @Test
    void theViewListsTheLatestMovesAndTheHistoryPagesThemAll() throws Exception {
        newSubject("order-history");
        String id = newOrder("order-history");
        markReady(id);
        for (int i = 0; i < 11; i++) { // CREATE, then 11 × (SUBMIT, WITHDRAW): 23 moves
            as("order-history", "applicant").header("If-Match", etag("order-history", id))
                    .post("/api/v1/orders/" + id + "/submit").then().statusCode(200).body("historyComplete", equalTo(i < 10));
            as("order-history", "applicant").header("If-Match", etag("order-history", id))
                    .post("/api/v1/orders/" + id + "/withdraw").then().statusCode(200);
        }
        as("order-history", "applicant").get("/api/v1/orders/" + id).then().statusCode(200)
                .body("history.size()", equalTo(20))
                .body("historyComplete", equalTo(false))
                .body("history[0].trigger", equalTo("SUBMIT")) // moves 4..23: the oldest shown is the 2nd submission
                .body("history[19].trigger", equalTo("WITHDRAW"));
        List<String> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = as("order-history", "applicant").queryParam("limit", 10)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/v1/orders/" + id + "/history")
                    .then().statusCode(200).extract();
            all.addAll(page.path("items.trigger"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(23, all.size());
        assertEquals(List.of("CREATE", "SUBMIT", "WITHDRAW"), all.subList(0, 3));
        as("order-history", "applicant").queryParam("cursor", "bm90LWEtY3Vyc29y")
                .get("/api/v1/orders/" + id + "/history").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        // a well-formed cursor (the platform's own encoding, the test clock's time) naming no history entry
        String notAnEntry = new cn.beian.platform.rest.Cursor(cn.beian.testing.TestClock.now(), "abc").encode();
        as("order-history", "applicant").queryParam("cursor", notAnEntry)
                .get("/api/v1/orders/" + id + "/history").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        as("order-history", "applicant").queryParam("limit", 101).get("/api/v1/orders/" + id + "/history")
                .then().statusCode(400);
        as("order-other", "applicant").get("/api/v1/orders/" + id + "/history").then().statusCode(404);
        as("order-history-staff", "reviewer").get("/api/v1/orders/" + id + "/history").then().statusCode(200)
                .body("items.size()", equalTo(20));
    }

    @Test
    void concurrentSubmitsOfOneOrderLetExactlyOneThrough() throws Exception {
        newSubject("order-race");
        String id = newOrder("order-race");
        markReady(id);
        String ready = etag("order-race", id);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Callable<Integer> submit = () -> {
                Response r = as("order-race", "applicant").header("If-Match", ready)
                        .post("/api/v1/orders/" + id + "/submit");
                return r.statusCode();
            };
            results.add(pool.submit(submit));
        }
        int ok = 0;
        for (Future<Integer> f : results) {
            int status = f.get();
            assertTrue(status == 200 || status == 412 || status == 409, "unexpected " + status);
            ok += status == 200 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, ok, "exactly one submit succeeds");
        assertEquals(1, SubjectResourceTest.count("select count(*) from order_transition where order_id = '" + id
                + "' and trigger = 'SUBMIT'"));
    }

    @Test
    void anOrderBackedByAnotherAccountsServerHoldsItsCodeUntilAbandoned() throws Exception {
        String serverId = ServerResourceTest.register("code-owner");
        String code = as("code-owner", "applicant").post("/api/v1/servers/" + serverId + "/authorization-codes")
                .then().statusCode(201).extract().path("code");
        newSubject("code-filer");
        as("code-filer", "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\",\"authorizationCode\":\"NOSUCHCODE\"}")
                .post("/api/v1/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("authorizationCode"));
        assertEquals(0, SubjectResourceTest.count("select count(*) from filing_order where account_id = 'code-filer'"),
                "a refused code leaves no order behind");
        String order = as("code-filer", "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\",\"authorizationCode\":\"%s\"}".formatted(code))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        assertEquals(1, SubjectResourceTest.count("select count(*) from authorization_code where order_id = '" + order
                + "' and state = 'RESERVED'"));
        as("code-filer", "applicant").header("If-Match", etag("code-filer", order)).post("/api/v1/orders/" + order + "/abandon")
                .then().statusCode(200);
        assertEquals(1, SubjectResourceTest.count("select count(*) from authorization_code where code = '" + code
                + "' and state = 'AVAILABLE'"), "an abandoned order frees its code");
    }
}
