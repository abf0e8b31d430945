package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.beian.testing.InMemoryEvents;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order view lists the findings the websites' and materials' owners announced with their readiness (next to the
 * subject's), in the caller's language; submission is refused with exactly the blocking ones; warnings alone submit.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class OrderFindingsTest {

    private static final String NAME_BROKEN = """
            {"ruleId":"GD-P-04","fieldKey":"websites[1].name","severity":"BLOCKING","message":"网站名称不符合要求",
             "messageEn":"The website name does not qualify","suggestion":"请改名","suggestionEn":"Rename it",
             "weight":"BLOCKS","outcome":"FAILED"}""";
    private static final String DOMAIN_UNDETERMINED = """
            {"ruleId":"GD-B-03","severity":"WARNING","message":"尚未检查已备案网站","messageEn":"Not probed yet",
             "weight":"BLOCKS","outcome":"UNDETERMINED"}""";
    private static final String OWN_CHECK = """
            {"ruleId":"DOMAIN_DUPLICATED","fieldKey":"websites[0].domains[2]","severity":"BLOCKING",
             "message":"域名已在本订单的其他网站中填写"}""";
    private static final String ID_MISSING = """
            {"ruleId":"MATERIAL_MISSING","fieldKey":"materials.ID_FRONT","severity":"BLOCKING",
             "message":"证件正面：主体负责人证件正面","messageEn":"Missing: the certificate front","weight":"BLOCKS",
             "outcome":"FAILED"}""";

    @Inject
    @Any
    InMemoryConnector connector;

    InMemoryEvents events;

    @BeforeEach
    void events() {
        events = new InMemoryEvents(connector);
    }

    @Test
    void theOrderViewListsEveryPartsFindingsAndSubmitIsRefusedWithExactlyTheBlockingOnes() throws Exception {
        String account = "order-findings-" + UUID.randomUUID();
        as(account, "applicant").contentType(ContentType.JSON).body(SubjectResourceTest.subject("郑廿一"))
                .post("/api/v1/subjects").then().statusCode(201);
        String order = as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        String before = as(account, "applicant").get("/api/v1/orders/" + order).then().statusCode(200)
                .body("findings.findAll { it.part != 'SUBJECT' }", hasSize(0)).extract().header("ETag");

        websites(order, 3, false, NAME_BROKEN, DOMAIN_UNDETERMINED, OWN_CHECK);
        materials(order, 2, false, ID_MISSING);
        String tag = as(account, "applicant").get("/api/v1/orders/" + order).then().statusCode(200)
                .body("findings.find { it.ruleId == 'GD-P-04' }.fieldKey", equalTo("websites[1].name"))
                .body("findings.find { it.ruleId == 'GD-P-04' }.part", equalTo("WEBSITES"))
                .body("findings.find { it.ruleId == 'GD-P-04' }.severity", equalTo("BLOCKS"))
                .body("findings.find { it.ruleId == 'GD-P-04' }.outcome", equalTo("FAILED"))
                .body("findings.find { it.ruleId == 'GD-P-04' }.message", equalTo("网站名称不符合要求"))
                .body("findings.find { it.ruleId == 'GD-P-04' }.suggestion", equalTo("请改名"))
                .body("findings.find { it.ruleId == 'GD-B-03' }.fieldKey", nullValue())
                .body("findings.find { it.ruleId == 'GD-B-03' }.outcome", equalTo("UNDETERMINED"))
                .body("findings.find { it.ruleId == 'DOMAIN_DUPLICATED' }.severity", equalTo("BLOCKS"))
                .body("findings.find { it.fieldKey == 'materials.ID_FRONT' }.ruleId", equalTo("MATERIAL_MISSING"))
                .body("findings.find { it.fieldKey == 'materials.ID_FRONT' }.part", equalTo("MATERIALS"))
                .extract().header("ETag");
        assertNotEquals(before, tag, "the view's ETag moves with its findings");
        as(account, "applicant").header("Accept-Language", "en").get("/api/v1/orders/" + order).then()
                .header("ETag", equalTo(tag))
                .body("findings.find { it.ruleId == 'GD-P-04' }.message", equalTo("The website name does not qualify"))
                .body("findings.find { it.ruleId == 'GD-P-04' }.suggestion", equalTo("Rename it"))
                // a checker without English words falls back to Chinese, as every message does
                .body("findings.find { it.ruleId == 'DOMAIN_DUPLICATED' }.message", equalTo("域名已在本订单的其他网站中填写"));

        // An older version of a part changes nothing.
        websites(order, 2, true);
        as(account, "applicant").get("/api/v1/orders/" + order).then().header("ETag", equalTo(tag))
                .body("findings.ruleId", hasItem("GD-P-04"));

        as(account, "applicant").header("If-Match", tag).header("Accept-Language", "en")
                .post("/api/v1/orders/" + order + "/submit").then().statusCode(409)
                .body("errors", hasSize(3))
                .body("errors.field", equalTo(List.of("websites[1].name", "websites[0].domains[2]",
                        "materials.ID_FRONT")))
                .body("errors.rule", equalTo(List.of("GD-P-04", "DOMAIN_DUPLICATED", "MATERIAL_MISSING")))
                .body("errors.code", equalTo(List.of("RULE_BROKEN", "RULE_BROKEN", "RULE_BROKEN")))
                .body("errors[0].message", equalTo("The website name does not qualify"))
                .body("allowedActions", hasItem("SUBMIT")).body("currentState", equalTo("DRAFT"));
        assertEquals(0, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'order.transitioned.v1' and payload like '%SUBMIT%'"));

        // The websites mended but still judged (a newer version, not ready yet, no findings): the part as a whole.
        websites(order, 4, false);
        tag = as(account, "applicant").get("/api/v1/orders/" + order).then().extract().header("ETag");
        as(account, "applicant").header("If-Match", tag).post("/api/v1/orders/" + order + "/submit").then()
                .statusCode(409).body("errors.code", equalTo(List.of("RULE_BROKEN", "WEBSITES_INCOMPLETE")))
                .body("errors.field", equalTo(List.of("materials.ID_FRONT", "websites")));

        // Only a warning left: the order submits.
        websites(order, 5, true, DOMAIN_UNDETERMINED);
        materials(order, 3, true);
        tag = as(account, "applicant").get("/api/v1/orders/" + order).then()
                .body("findings.findAll { it.part != 'SUBJECT' }.ruleId", equalTo(List.of("GD-B-03")))
                .body("findings.ruleId", not(hasItem("MATERIAL_MISSING"))).extract().header("ETag");
        as(account, "applicant").header("If-Match", tag).post("/api/v1/orders/" + order + "/submit").then()
                .statusCode(200).body("state", equalTo("INITIAL_REVIEW"));
        assertEquals(1, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'order.transitioned.v1' and payload like '%\"websitesVersion\":5%'"
                + " and payload like '%\"materialsVersion\":3%'"));
    }

    private void websites(String order, long version, boolean ready, String... findings) {
        events.ack("website-events", "/beian/website-service", order, "website.order-readiness-changed.v1",
                readiness(order, version, ready, findings));
    }

    private void materials(String order, long version, boolean ready, String... findings) {
        events.ack("materials-events", "/beian/materials-service", order, "material.order-readiness-changed.v1",
                readiness(order, version, ready, findings));
    }

    private static String readiness(String order, long version, boolean ready, String... findings) {
        return "{\"orderId\":\"%s\",\"version\":%d,\"ready\":%s,\"findings\":[%s]}".formatted(order, version, ready,
                String.join(",", findings));
    }
}
