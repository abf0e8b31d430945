package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The subject as an order files it: the outline other services check against, edits while the order is editable,
 * the snapshot frozen ahead of each submission, and a CHANGE order's draft revision that replaces the approved
 * subject only on approval.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class OrderSubjectTest {

    @Inject
    @Any
    InMemoryConnector connector;

    InMemoryEvents events;

    @BeforeEach
    void events() {
        events = new InMemoryEvents(connector);
    }

    @Test
    void editsReachTheOutlineAndTheSnapshotPrecedesTheSubmission() throws Exception {
        String account = "outline-" + UUID.randomUUID();
        String subject = SubjectResourceTest.subject("冯十二");
        String subjectId = as(account, "applicant").contentType(ContentType.JSON)
                .body(subject).post("/api/v1/subjects").then().statusCode(201)
                .extract().path("id");
        String order = as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        assertEquals(List.of("order.created.v1", "order.subject-outlined.v1"), types(order));

        // A stale edit is refused; a fresh one is announced to the order's other owners as revision 2.
        String edited = subject.replace("北京市海淀区中关村大街1号101室", "北京市海淀区中关村大街2号202室");
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"7\"").body(edited)
                .put("/api/v1/subjects/" + subjectId).then().statusCode(412);
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"0\"").body(edited)
                .put("/api/v1/subjects/" + subjectId).then().statusCode(200)
                .body("communicationAddress", equalTo("北京市海淀区中关村大街2号202室"));
        assertEquals(1, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'order.subject-outlined.v1' and payload like '%\"revision\":2%'"));
        // The identity the filing type was decided on stays fixed within the order.
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(edited.replace("\"PERSON\"", "\"UNIT\"")).put("/api/v1/subjects/" + subjectId).then()
                .statusCode(400).body("errors.field", hasItem("nature"));

        events.ack("website-events", "/beian/website-service", order, "website.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        events.ack("materials-events", "/beian/materials-service", order, "material.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        String etag = as(account, "applicant").get("/api/v1/orders/" + order).then().extract().header("ETag");
        as(account, "applicant").header("If-Match", etag).post("/api/v1/orders/" + order + "/submit").then()
                .statusCode(200);
        List<String> types = types(order);
        assertEquals("subject.snapshot-frozen.v1", types.get(types.size() - 2), "the snapshot comes first");
        assertEquals("order.transitioned.v1", types.get(types.size() - 1));
        assertEquals(1, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'subject.snapshot-frozen.v1' and payload like '%\"submissionCount\":1%'"
                + " and payload like '%中关村大街2号202室%'"));

        // Under review the subject is locked.
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"1\"").body(edited)
                .put("/api/v1/subjects/" + subjectId).then().statusCode(409)
                .body("currentState", equalTo("INITIAL_REVIEW"));
    }

    @Test
    void aChangeOrderRevisesADraftThatReplacesTheApprovedSubjectOnlyOnApproval() throws Exception {
        String account = "change-" + UUID.randomUUID();
        String subject = SubjectResourceTest.subject("卫十三");
        String subjectId = as(account, "applicant").contentType(ContentType.JSON)
                .body(subject).post("/api/v1/subjects").then().statusCode(201)
                .extract().path("id");
        as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"CHANGE\",\"changeKind\":\"SUBJECT\"}").post("/api/v1/orders")
                .then().statusCode(409).body("type", equalTo("CHANGE"));
        SubjectResourceTest.count("with u as (update subject set filing_number = '京ICP备20261124号' "
                + "where id = '" + subjectId + "' returning 1) select count(*) from u");
        String order = as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"CHANGE\",\"changeKind\":\"SUBJECT\"}")
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(subject).put("/api/v1/subjects/" + subjectId).then().statusCode(409)
                .body("filingNumber", equalTo("京ICP备20261124号"));

        // Nothing revised: a subject change that changes nothing is not submitted.
        events.ack("website-events", "/beian/website-service", order, "website.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true,\"changes\":0}".formatted(order));
        events.ack("materials-events", "/beian/materials-service", order, "material.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        String unchanged = as(account, "applicant").get("/api/v1/orders/" + order).then().extract().header("ETag");
        as(account, "applicant").header("If-Match", unchanged).post("/api/v1/orders/" + order + "/submit").then()
                .statusCode(409).body("code", equalTo("CHANGE_CHANGES_NOTHING"))
                .body("errors[0].field", equalTo("subject"));

        String revised = subject.replace("北京市海淀区中关村大街1号101室", "北京市朝阳区建国路8号")
                .replace("13800000013", "13801000019");
        as(account, "applicant").get("/api/v1/orders/" + order + "/subject").then().statusCode(200)
                .header("ETag", "\"0\"");
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"0\"").body(revised)
                .put("/api/v1/orders/" + order + "/subject").then().statusCode(200)
                .body("communicationAddress", equalTo("北京市朝阳区建国路8号")).header("ETag", "\"1\"");
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "\"0\"").body(revised)
                .put("/api/v1/orders/" + order + "/subject").then().statusCode(412);
        as("someone-else", "applicant").get("/api/v1/orders/" + order + "/subject").then().statusCode(404);
        // The approved subject is untouched until the administration approves the change.
        as(account, "applicant").get("/api/v1/subjects/" + subjectId).then().statusCode(200)
                .body("communicationAddress", equalTo("北京市海淀区中关村大街1号101室"));

        events.ack("website-events", "/beian/website-service", order, "website.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        events.ack("materials-events", "/beian/materials-service", order, "material.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        String etag = as(account, "applicant").get("/api/v1/orders/" + order).then().extract().header("ETag");
        as(account, "applicant").header("If-Match", etag).post("/api/v1/orders/" + order + "/submit").then()
                .log().ifValidationFails().statusCode(200);
        assertEquals(1, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'subject.snapshot-frozen.v1' and payload like '%建国路8号%'"),
                "reviewers see the revision");
        // ... and what it changes, field by field, the phone masked.
        assertEquals(1, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'subject.snapshot-frozen.v1' and payload like '%\"changeKind\":\"SUBJECT\"%'"
                + " and payload like '%{\"field\":\"subject.communicationAddress\",\"before\":\"北京市海淀区中关村大街1号101室\","
                + "\"after\":\"北京市朝阳区建国路8号\"}%'"
                + " and payload like '%{\"field\":\"subject.principal.mobile\",\"before\":\"138****0013\","
                + "\"after\":\"138****0019\"}%' and payload not like '%changes%13801000019%'"));
        events.ack("review-events", "/beian/review-service", order, "review.initial-approved.v1",
                "{\"orderId\":\"%s\",\"reviewerId\":\"rita\"}".formatted(order));
        events.ack("materials-events", "/beian/materials-service", order, "material.photo-submitted.v1",
                "{\"orderId\":\"%s\",\"submittedBy\":\"%s\",\"byVerificationPoint\":false}".formatted(order, account));
        events.ack("review-events", "/beian/review-service", order, "review.photo-approved.v1",
                "{\"orderId\":\"%s\",\"reviewerId\":\"rita\"}".formatted(order));
        as(account, "applicant").get("/api/v1/subjects/" + subjectId).then()
                .body("communicationAddress", equalTo("北京市海淀区中关村大街1号101室"));
        events.ack("review-events", "/beian/review-service", order, "authority.approved.v1", """
                {"orderId":"%s","subjectFilingNumber":"京ICP备20261124号","websites":[]}""".formatted(order));
        as(account, "applicant").get("/api/v1/subjects/" + subjectId).then().statusCode(200)
                .body("communicationAddress", equalTo("北京市朝阳区建国路8号"))
                .body("filingNumber", equalTo("京ICP备20261124号"));
    }

    @Test
    void aReturnedOrderIsWithTheApplicantAgain() throws Exception {
        String account = "returned-" + UUID.randomUUID();
        as(account, "applicant").contentType(ContentType.JSON).body(SubjectResourceTest.subject("蒋十四"))
                .post("/api/v1/subjects").then().statusCode(201);
        String order = as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        events.ack("website-events", "/beian/website-service", order, "website.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        events.ack("materials-events", "/beian/materials-service", order, "material.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        String etag = as(account, "applicant").get("/api/v1/orders/" + order).then().extract().header("ETag");
        as(account, "applicant").header("If-Match", etag).post("/api/v1/orders/" + order + "/submit").then()
                .statusCode(200);
        events.ack("review-events", "/beian/review-service", order, "review.initial-approved.v1",
                "{\"orderId\":\"%s\",\"reviewerId\":\"rita\"}".formatted(order));
        events.ack("materials-events", "/beian/materials-service", order, "material.photo-submitted.v1",
                "{\"orderId\":\"%s\",\"submittedBy\":\"%s\",\"byVerificationPoint\":false}".formatted(order, account));
        events.ack("review-events", "/beian/review-service", order, "review.photo-approved.v1",
                "{\"orderId\":\"%s\",\"reviewerId\":\"rita\"}".formatted(order));
        events.ack("review-events", "/beian/review-service", order, "authority.returned.v1", """
                {"orderId":"%s","returned":true,"reasons":[{"fieldKey":"subject.principal.mobile",
                 "code":"SMS_NOT_VERIFIED","suggestion":"请在24小时内完成短信核验"}]}""".formatted(order));
        as(account, "applicant").get("/api/v1/orders/" + order).then().statusCode(200)
                .body("state", equalTo("AUTHORITY_REJECTED"))
                .body("history.reasons.flatten()", hasItem("subject.principal.mobile: SMS_NOT_VERIFIED — 请在24小时内完成短信核验"));
    }

    private static List<String> types(String order) throws Exception {
        List<String> types = new ArrayList<>();
        try (Connection c = PostgresTestResource.connect(); PreparedStatement ps = c.prepareStatement(
                "select event_type from outbox_event where aggregate_id = ? order by id")) {
            ps.setString(1, order);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
        }
        return types;
    }
}
