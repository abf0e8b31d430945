package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.beian.platform.problem.ProblemException;
import cn.beian.subject.service.AuthorizationCodeService;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import cn.beian.time.BeianClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class ServerResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Object ABSENT = new Object();

    @Inject
    AuthorizationCodeService codes;

    @Inject
    BeianClock clock;

    @AfterEach
    void resetClock() {
        clock.setOffset(Duration.ZERO);
    }

    /** A valid registration for {@code account}, as JSON, with {@code overrides} ("field", value, …) applied. */
    static String server(String account, Object... overrides) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", account);
        body.put("instanceId", "i-" + UUID.randomUUID().toString().substring(0, 18));
        body.put("province", "BEIJING");
        body.put("region", "cn-beijing");
        body.put("publicIp", "47.96.10.20");
        body.put("billing", "PREPAID");
        body.put("purchasedMonths", 12);
        body.put("loadBalancer", false);
        body.put("expiresAt", TestClock.now().plusYears(1).toString());
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == ABSENT) {
                body.remove((String) overrides[i]);
            } else {
                body.put((String) overrides[i], overrides[i + 1]);
            }
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String register(String account, Object... overrides) {
        return as("ada", "admin").contentType(ContentType.JSON).body(server(account, overrides))
                .post("/api/v1/admin/servers").then().statusCode(201).extract().path("id");
    }

    private static <T> T await(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    private static String mint(String account, String serverId) {
        return as(account, "applicant").post("/api/v1/servers/" + serverId + "/authorization-codes")
                .then().statusCode(201).extract().path("code");
    }

    @Test
    void adminsRegisterServersAndOwnersSeeThemWithTheirEligibility() {
        String id = as("ada", "admin").contentType(ContentType.JSON).body(server("srv-owner"))
                .post("/api/v1/admin/servers").then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/servers/" + "[0-9a-f-]{36}"))
                .body("eligible", equalTo(true))
                .body("ineligibleReasons", empty())
                .extract().path("id");
        String bad = register("srv-owner", "billing", "POSTPAID", "purchasedMonths", null, "publicIp", null,
                "loadBalancer", true);
        String shortOne = register("srv-owner", "purchasedMonths", 2);
        as("srv-owner", "applicant").get("/api/v1/servers/" + bad).then().statusCode(200)
                .body("eligible", equalTo(false))
                .body("ineligibleReasons", equalTo(List.of("NOT_PREPAID", "NO_PUBLIC_IP", "LOAD_BALANCER")));
        as("srv-owner", "applicant").get("/api/v1/servers/" + shortOne).then().statusCode(200)
                .body("ineligibleReasons", equalTo(List.of("TOO_SHORT")));
        as("srv-owner", "applicant").get("/api/v1/servers?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].id", equalTo(id)).body("nextCursor", notNullValue());
        as("srv-owner", "applicant").get("/api/v1/servers").then().statusCode(200)
                .body("items.id", containsInAnyOrder(id, bad, shortOne));
        // Others' servers are 404s, malformed ids too; staff see everyone's.
        as("srv-stranger", "applicant").get("/api/v1/servers/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        as("srv-stranger", "applicant").get("/api/v1/servers").then().statusCode(200).body("items", empty());
        as("srv-owner", "applicant").get("/api/v1/servers/not-a-uuid").then().statusCode(404);
        as("rita", "reviewer").get("/api/v1/servers/" + id).then().statusCode(200);
        as("rita", "reviewer").get("/api/v1/servers?accountId=srv-owner").then().statusCode(200)
                .body("items.id", containsInAnyOrder(id, bad, shortOne));
        // Servers expire with the clock.
        clock.setOffset(Duration.ofDays(400));
        as("srv-owner", "applicant").get("/api/v1/servers/" + id).then().statusCode(200)
                .body("eligible", equalTo(false)).body("ineligibleReasons", equalTo(List.of("EXPIRED")));
    }

    @Test
    void registrationRefusesBadInputNamingTheFields() {
        as("srv-owner", "applicant").contentType(ContentType.JSON).body(server("srv-owner"))
                .post("/api/v1/admin/servers").then().statusCode(403);
        as("ada", "admin").contentType(ContentType.JSON)
                .body(server("srv-bad", "publicIp", "192.168.1.10"))
                .post("/api/v1/admin/servers").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("publicIp")).body("errors[0].code", equalTo("IP_ADDRESS_NOT_PUBLIC"));
        as("ada", "admin").contentType(ContentType.JSON)
                .body(server("srv-bad", "publicIp", "example.com"))
                .post("/api/v1/admin/servers").then().statusCode(400)
                .body("errors[0].field", equalTo("publicIp")).body("errors[0].code", equalTo("INVALID_IP_ADDRESS"));
        as("ada", "admin").contentType(ContentType.JSON)
                .body(server("srv-bad", "purchasedMonths", ABSENT))
                .post("/api/v1/admin/servers").then().statusCode(400)
                .body("errors[0].field", equalTo("purchasedMonths")).body("errors[0].code", equalTo("NOT_NULL"));
        as("ada", "admin").contentType(ContentType.JSON)
                .body("{\"accountId\":\"\",\"instanceId\":\"bad id!\",\"province\":\"ATLANTIS\"}")
                .post("/api/v1/admin/servers").then().statusCode(400)
                .body("errors[0].field", equalTo("province")).body("errors[0].code", equalTo("INVALID_VALUE"));
        as("ada", "admin").contentType(ContentType.JSON)
                .body("{\"accountId\":\"\",\"instanceId\":\"bad id!\",\"province\":\"BEIJING\",\"billing\":\"PREPAID\","
                        + "\"purchasedMonths\":0}")
                .post("/api/v1/admin/servers").then().statusCode(400)
                .body("errors.field", hasItems("accountId", "instanceId", "purchasedMonths", "loadBalancer",
                        "expiresAt"));
        as("ada", "admin").contentType(ContentType.JSON)
                .body(server("srv-bad", "cpu", 4))
                .post("/api/v1/admin/servers").then().statusCode(400)
                .body("errors[0].field", equalTo("cpu")).body("errors[0].code", equalTo("UNKNOWN_FIELD"));
        as("ada", "admin").contentType(ContentType.JSON)
                .body(server("srv-bad", "expiresAt", "next year"))
                .post("/api/v1/admin/servers").then().statusCode(400)
                .body("errors[0].field", equalTo("expiresAt"));
        String body = server("srv-bad");
        as("ada", "admin").contentType(ContentType.JSON).body(body).post("/api/v1/admin/servers")
                .then().statusCode(201);
        as("ada", "admin").contentType(ContentType.JSON).body(body).post("/api/v1/admin/servers")
                .then().statusCode(409).body("instanceId", notNullValue());
    }

    @Test
    void problemsAnswerInEnglishWhenAskedAndInChineseOtherwise() {
        String privateIp = server("srv-words", "publicIp", "192.168.1.10");
        as("ada", "admin").contentType(ContentType.JSON).body(privateIp).post("/api/v1/admin/servers")
                .then().statusCode(400)
                .body("detail", equalTo("共有 1 个字段不合法"))
                .body("errors[0].message", equalTo("必须是公网地址（不能是私有、环回、链路本地、共享或保留地址）"));
        as("ada", "admin").contentType(ContentType.JSON).header("Accept-Language", "en").body(privateIp)
                .post("/api/v1/admin/servers").then().statusCode(400)
                .body("detail", equalTo("1 field(s) are invalid"))
                .body("errors[0].message",
                        equalTo("must be a public address (not private, loopback, link-local, shared or reserved)"));
        String body = server("srv-words");
        as("ada", "admin").contentType(ContentType.JSON).body(body).post("/api/v1/admin/servers")
                .then().statusCode(201);
        as("ada", "admin").contentType(ContentType.JSON).body(body).post("/api/v1/admin/servers")
                .then().statusCode(409).body("detail", equalTo("该实例 ID 的服务器已登记"));
        as("ada", "admin").contentType(ContentType.JSON).header("Accept-Language", "en-US,en;q=0.9").body(body)
                .post("/api/v1/admin/servers").then().statusCode(409)
                .body("detail", equalTo("A server with this instance id is already registered"));
        String id = register("srv-words");
        as("srv-words", "applicant").delete("/api/v1/servers/" + id + "/authorization-codes/nope").then()
                .statusCode(404).body("detail", equalTo("授权码不存在"));
        as("srv-words", "applicant").header("Accept-Language", "en")
                .delete("/api/v1/servers/" + id + "/authorization-codes/nope").then()
                .statusCode(404).body("detail", equalTo("Authorization code not found"));
    }

    @Test
    void ownersMintAtMostFiveCodesOnEligibleServersAndRevokeUnusedOnes() {
        String id = register("code-owner");
        String code = mint("code-owner", id);
        assertEquals(16, code.length());
        for (int i = 0; i < 4; i++) {
            mint("code-owner", id);
        }
        as("code-owner", "applicant").post("/api/v1/servers/" + id + "/authorization-codes").then()
                .statusCode(409).contentType("application/problem+json").body("limit", equalTo(5));
        // The owner sees codes in full, staff masked, others nothing.
        as("code-owner", "applicant").get("/api/v1/servers/" + id + "/authorization-codes").then().statusCode(200)
                .body("items", hasSize(5)).body("items[0].code", equalTo(code))
                .body("items[0].state", equalTo("AVAILABLE")).body("items[0].masked", equalTo(false));
        as("ada", "admin").get("/api/v1/servers/" + id + "/authorization-codes").then().statusCode(200)
                .body("items[0].code", equalTo("************" + code.substring(12)))
                .body("items[0].masked", equalTo(true));
        as("code-stranger", "applicant").get("/api/v1/servers/" + id + "/authorization-codes").then()
                .statusCode(404);
        as("code-stranger", "applicant").post("/api/v1/servers/" + id + "/authorization-codes").then()
                .statusCode(404);
        String codeId = as("code-owner", "applicant").get("/api/v1/servers/" + id + "/authorization-codes")
                .then().extract().path("items[0].id");
        as("code-stranger", "applicant").delete("/api/v1/servers/" + id + "/authorization-codes/" + codeId)
                .then().statusCode(404);
        as("code-owner", "applicant").delete("/api/v1/servers/" + id + "/authorization-codes/" + codeId)
                .then().statusCode(204);
        as("code-owner", "applicant").delete("/api/v1/servers/" + id + "/authorization-codes/" + codeId)
                .then().statusCode(404);
        // A revoked code frees its slot.
        mint("code-owner", id);
        as("code-owner", "applicant").get("/api/v1/servers/" + id + "/authorization-codes?limit=3").then()
                .statusCode(200).body("items", hasSize(3)).body("nextCursor", notNullValue());
        as("code-owner", "applicant").get("/api/v1/servers/" + id + "/authorization-codes?limit=0").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
        as("code-owner", "applicant").get("/api/v1/servers/" + id + "/authorization-codes?cursor=garbage").then()
                .statusCode(400).body("errors[0].code", equalTo("INVALID_CURSOR"));
        // Ineligible servers mint nothing and say why.
        String lb = register("code-owner", "loadBalancer", true);
        as("code-owner", "applicant").post("/api/v1/servers/" + lb + "/authorization-codes").then()
                .statusCode(409).body("ineligibleReasons", equalTo(List.of("LOAD_BALANCER")));
    }

    @Test
    void codesAreReservedByAnotherAccountsOrderThenSpentOrReleasedAndDieWithTheirServer() throws Throwable {
        String id = register("life-owner");
        String code = mint("life-owner", id);
        String second = mint("life-owner", id);
        UUID order = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        ProblemException own = assertThrows(ProblemException.class,
                () -> await(() -> codes.reserve(code, order, "life-owner")));
        assertEquals("AUTHORIZATION_CODE_OWN_SERVER", own.errors().get(0).code());
        ProblemException unknown = assertThrows(ProblemException.class,
                () -> await(() -> codes.reserve("NOPE", order, "life-filer")));
        assertEquals("authorizationCode", unknown.errors().get(0).field());
        assertEquals("AUTHORIZATION_CODE_UNKNOWN", unknown.errors().get(0).code());

        // Typed loosely, reserved once; the same order again is a no-op, another order is refused.
        String typed = code.substring(0, 4).toLowerCase() + "-" + code.substring(4);
        await(() -> codes.reserve(typed, order, "life-filer"));
        await(() -> codes.reserve(code, order, "life-filer"));
        ProblemException taken = assertThrows(ProblemException.class,
                () -> await(() -> codes.reserve(code, other, "life-other")));
        assertEquals(409, taken.type().status());
        as("life-owner", "applicant").get("/api/v1/servers/" + id + "/authorization-codes").then()
                .body("items[0].state", equalTo("RESERVED")).body("items[0].orderId", equalTo(order.toString()));
        String firstId = as("life-owner", "applicant").get("/api/v1/servers/" + id + "/authorization-codes")
                .then().extract().path("items[0].id");
        as("life-owner", "applicant").delete("/api/v1/servers/" + id + "/authorization-codes/" + firstId)
                .then().statusCode(409).body("currentState", equalTo("RESERVED"));

        // Abandoned: free again, and another order takes it; approved: spent for good.
        assertEquals(1, await(() -> codes.release(order)).size());
        assertEquals(0, await(() -> codes.release(order)).size(), "releasing twice is a no-op");
        as("life-owner", "applicant").get("/api/v1/servers/" + id + "/authorization-codes").then()
                .body("items[0].state", equalTo("AVAILABLE"));
        await(() -> codes.reserve(code, other, "life-other"));
        assertEquals(1, await(() -> codes.spend(other)).size());
        as("life-owner", "applicant").get("/api/v1/servers/" + id + "/authorization-codes").then()
                .body("items[0].state", equalTo("SPENT")).body("items[0].spentAt", notNullValue());
        ProblemException spent = assertThrows(ProblemException.class,
                () -> await(() -> codes.reserve(code, UUID.randomUUID(), "life-third")));
        assertEquals("AUTHORIZATION_CODE_SPENT", spent.errors().get(0).code());

        // Each step announced, keyed by the server.
        assertEquals(2, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + id
                + "' and aggregate_type = 'server' and event_type = 'server.authorization-code-minted.v1'"));
        assertEquals(2, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + id
                + "' and event_type = 'server.authorization-code-reserved.v1'"));
        assertEquals(1, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + id
                + "' and event_type = 'server.authorization-code-released.v1' and order_id = '" + order + "'"));
        assertEquals(1, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + id
                + "' and event_type = 'server.authorization-code-spent.v1' and order_id = '" + other + "'"));
        assertEquals(0, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + id
                + "' and payload like '%" + code + "%'"), "the code itself never travels");

        // The server expires: its unused code dies with it, the spent one stays spent.
        clock.setOffset(Duration.ofDays(400));
        as("life-owner", "applicant").get("/api/v1/servers/" + id + "/authorization-codes").then()
                .body("items.state", equalTo(List.of("SPENT", "EXPIRED")));
        ProblemException expired = assertThrows(ProblemException.class,
                () -> await(() -> codes.reserve(second, UUID.randomUUID(), "life-third")));
        assertEquals("AUTHORIZATION_CODE_EXPIRED", expired.errors().get(0).code());
        as("life-owner", "applicant").post("/api/v1/servers/" + id + "/authorization-codes").then()
                .statusCode(409).body("ineligibleReasons", equalTo(List.of("EXPIRED")));
    }

    @Test
    void wrongRolesAndMalformedIdsAreProblems() {
        String id = register("role-owner");
        as("rita", "reviewer").post("/api/v1/servers/" + id + "/authorization-codes").then().statusCode(403)
                .contentType("application/problem+json");
        as("role-owner", "applicant").post("/api/v1/admin/order-clock/run").then().statusCode(403);
        as("role-owner", "applicant").post("/api/v1/servers/nope/authorization-codes").then().statusCode(404)
                .contentType("application/problem+json");
        as("role-owner", "applicant").delete("/api/v1/servers/" + id + "/authorization-codes/nope").then()
                .statusCode(404);
        as("role-owner", "applicant").delete("/api/v1/servers/" + id + "/authorization-codes/" + UUID.randomUUID())
                .then().statusCode(404);
        as("role-owner", "applicant").get("/api/v1/servers?limit=101").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().get("/api/v1/servers").then().statusCode(401);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasAnIdAndASummary() {
        Map<String, Object> paths = given().accept("application/json").get("/q/openapi?format=json").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("/api/v1/admin/servers post", "registerServer");
        expected.put("/api/v1/servers get", "listServers");
        expected.put("/api/v1/servers/{serverId} get", "getServer");
        expected.put("/api/v1/servers/{serverId}/authorization-codes post", "mintAuthorizationCode");
        expected.put("/api/v1/servers/{serverId}/authorization-codes get", "listAuthorizationCodes");
        expected.put("/api/v1/servers/{serverId}/authorization-codes/{codeId} delete", "revokeAuthorizationCode");
        expected.put("/api/v1/admin/order-clock/run post", "runOrderClock");
        expected.forEach((key, operationId) -> {
            String[] pm = key.split(" ");
            Map<String, Object> op = ((Map<String, Map<String, Object>>) paths.get(pm[0])).get(pm[1]);
            assertEquals(operationId, op.get("operationId"), key);
            assertEquals(true, op.get("summary") instanceof String s && !s.isBlank(), key);
        });
    }
}
