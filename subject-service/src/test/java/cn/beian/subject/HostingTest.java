package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The servers an order's websites are hosted on, resolved for website-service as a website is saved. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class HostingTest {

    private static String draft(String account) {
        as(account, "applicant").contentType(ContentType.JSON).body(SubjectResourceTest.subject("周九"))
                .post("/api/v1/subjects").then().statusCode(201);
        return as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
    }

    private static String mint(String owner, String serverId) {
        return as(owner, "applicant").post("/api/v1/servers/" + serverId + "/authorization-codes").then()
                .statusCode(201).extract().path("code");
    }

    private static ValidatableResponse settle(String order, String account, List<String> serverIds,
            List<String> codes) {
        String body = "{\"accountId\":\"%s\",\"serverIds\":%s,\"authorizationCodes\":%s}".formatted(account,
                json(serverIds), json(codes));
        return as("website-service", "service").contentType(ContentType.JSON).body(body)
                .put("/api/v1/service/orders/" + order + "/hosting").then();
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").toList().toString();
    }

    private static String state(String code) throws Exception {
        return SubjectResourceTest.text("select state || coalesce(':' || order_id, '') from authorization_code "
                + "where code = '" + code + "'");
    }

    @Test
    void serversResolveCodesAreHeldExactlyAsTheWebsitesNameThemAndRefusalsChangeNothing() throws Exception {
        String owner = "host-owner-" + UUID.randomUUID();
        String filer = "host-filer-" + UUID.randomUUID();
        String theirs = ServerResourceTest.register(owner);
        String c1 = mint(owner, theirs);
        String c2 = mint(owner, theirs);
        String mine = ServerResourceTest.register(filer, "publicIp", "47.96.10.21");
        String balancer = ServerResourceTest.register(filer, "loadBalancer", true);
        String order = draft(filer);

        // every bad entry named; not even the good code is taken
        settle(order, filer, List.of(mine, balancer, "nope", theirs),
                List.of(c1.toLowerCase().substring(0, 4) + "-" + c1.substring(4), "NOSUCHCODE")).statusCode(400)
                .body("errors.field", equalTo(List.of("serverIds[1]", "serverIds[2]", "serverIds[3]",
                        "authorizationCodes[1]")))
                .body("errors.code", equalTo(List.of("SERVER_NOT_ELIGIBLE", "SERVER_NOT_FOUND", "SERVER_NOT_FOUND",
                        "AUTHORIZATION_CODE_UNKNOWN")))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("LOAD_BALANCER"));
        assertEquals("AVAILABLE", state(c1));

        // resolved: the servers' addresses and expiry, the code masked; held by the order
        settle(order, filer, List.of(mine), List.of(c1)).statusCode(200)
                .body("servers[0].serverId", equalTo(mine)).body("servers[0].publicIp", equalTo("47.96.10.21"))
                .body("servers[0].expiresAt", notNullValue())
                .body("authorizationCodes[0].serverId", equalTo(theirs))
                .body("authorizationCodes[0].publicIp", equalTo("47.96.10.20"))
                .body("authorizationCodes[0].maskedCode", endsWith(c1.substring(12)))
                .body("authorizationCodes[0].maskedCode", org.hamcrest.Matchers.startsWith("****"));
        assertEquals("RESERVED:" + order, state(c1));
        settle(order, filer, List.of(mine), List.of(c1)).statusCode(200);
        assertEquals(1, SubjectResourceTest.count("select count(*) from outbox_event where event_type = "
                + "'server.authorization-code-reserved.v1' and order_id = '" + order + "'"), "asking again is a no-op");

        // another order may not have it
        String rival = "host-rival-" + UUID.randomUUID();
        String other = draft(rival);
        settle(other, rival, List.of(), List.of(c1)).statusCode(409)
                .body("errors[0].field", equalTo("authorizationCodes[0]"))
                .body("errors[0].code", equalTo("AUTHORIZATION_CODE_IN_USE"));

        // both orders name c2 at once: exactly one holds it
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> race = new ArrayList<>();
        race.add(pool.submit(() -> settle(order, filer, List.of(), List.of(c1, c2)).extract().statusCode()));
        race.add(pool.submit(() -> settle(other, rival, List.of(), List.of(c2)).extract().statusCode()));
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : race) {
            statuses.add(f.get());
        }
        pool.shutdown();
        statuses.sort(null);
        assertEquals(List.of(200, 409), statuses);
        assertEquals(1, SubjectResourceTest.count("select count(*) from authorization_code where code = '" + c2
                + "' and state = 'RESERVED'"));

        // the websites stop naming c1: it is free again and said so
        String c2Holder = state(c2).substring("RESERVED:".length());
        settle(order, filer, List.of(), c2Holder.equals(order) ? List.of(c2) : List.of()).statusCode(200);
        assertEquals("AVAILABLE", state(c1));
        assertEquals(1, SubjectResourceTest.count("select count(*) from outbox_event where event_type = "
                + "'server.authorization-code-released.v1' and order_id = '" + order + "'"));

        // a code reserved when the order was created stays with it whatever the websites name
        String c3 = mint(owner, theirs);
        String third = "host-third-" + UUID.randomUUID();
        as(third, "applicant").contentType(ContentType.JSON).body(SubjectResourceTest.subject("周九"))
                .post("/api/v1/subjects").then().statusCode(201);
        String pinned = as(third, "applicant").contentType(ContentType.JSON)
                .body("{\"type\":\"FIRST_FILING\",\"authorizationCode\":\"%s\"}".formatted(c3))
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        settle(pinned, third, List.of(), List.of()).statusCode(200);
        assertEquals("RESERVED:" + pinned, state(c3));
    }

    @Test
    void onlyMachineClientsAskAndOnlyForTheAccountsOwnOrder() {
        String filer = "host-guard-" + UUID.randomUUID();
        String order = draft(filer);
        as(filer, "applicant").contentType(ContentType.JSON)
                .body("{\"accountId\":\"%s\",\"serverIds\":[],\"authorizationCodes\":[]}".formatted(filer))
                .put("/api/v1/service/orders/" + order + "/hosting").then().statusCode(403);
        settle(order, "someone-else", List.of(), List.of()).statusCode(404);
        settle(UUID.randomUUID().toString(), filer, List.of(), List.of()).statusCode(404);
        as("website-service", "service").contentType(ContentType.JSON).body("{\"accountId\":\"" + filer + "\"}")
                .put("/api/v1/service/orders/" + order + "/hosting").then().statusCode(400);
    }
}
