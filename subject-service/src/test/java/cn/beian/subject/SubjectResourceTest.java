package cn.beian.subject;

import static io.restassured.RestAssured.given;
import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class SubjectResourceTest {

    @Inject
    @Any
    InMemoryConnector connector;

    private InMemorySink<String> events;

    @BeforeEach
    void clearSink() {
        events = connector.sink("beian-outbox");
        events.clear();
    }

    /** The certificate the subjects of this class's own tests hold (their answers are asserted with it). */
    static final String CERTIFICATE = "110101199003070011";

    /**
     * A person subject in Beijing, its own principal, with a fresh resident ID: each account holds its own certificate,
     * as opening an order requires (a certificate held by another account here is a conflict, docs/domain.md §2).
     */
    static String subject(String name) {
        java.time.LocalDate birth = java.time.LocalDate.of(1985, 1, 1)
                .plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(5000));
        String body = "110101" + birth.toString().replace("-", "")
                + String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
        return subjectWith(name, body + cn.beian.validators.ResidentIdNumbers.checkDigit(body));
    }

    /** As {@link #subject(String)}, holding {@code certificate}. */
    static String subjectWith(String name, String certificate) {
        return """
                {"nature":"PERSON","province":"BEIJING","city":"北京市","district":"海淀区","name":"%s",
                 "certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "certificateAddress":"北京市海淀区中关村大街1号","communicationAddress":"北京市海淀区中关村大街1号101室",
                 "principal":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                   "mobile":"13800000013","email":"alice@example.com"}}""".formatted(name, certificate, name,
                certificate);
    }

    @Test
    void createsTheSubjectAndPublishesItsEventThroughTheOutbox() throws Exception {
        String id = as("account-create", "applicant").contentType(ContentType.JSON).body(subjectWith("张三", CERTIFICATE))
                .when().post("/api/v1/subjects")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/subjects/"))
                .header("ETag", equalTo("\"0\""))
                .body("certificateNumber", equalTo("110101199003070011"))
                .body("principal.mobile", equalTo("13800000013"))
                .extract().path("id");

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !events.received().isEmpty());
        Message<String> event = events.received().get(0);
        OutgoingCloudEventMetadata<?> ce = event.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
        assertEquals("subject.created.v1", ce.getType());
        assertEquals(id, ce.getSubject().orElseThrow());
        assertEquals("1", ce.getExtension("sequence").orElseThrow());
        assertEquals(id, ce.getExtension("aggregateid").orElseThrow());
        OutgoingKafkaRecordMetadata<?> kafka = event.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertEquals(id, kafka.getKey());
        assertEquals("beian.subject.events.v1", kafka.getTopic());
        assertTrue(event.getPayload().contains("\"certificateNumberMasked\":\"110101********0011\""));
        assertTrue(!event.getPayload().contains("110101199003070011"), "full certificate number must not travel");

        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> count("select count(*) from outbox_event where aggregate_id = '" + id
                        + "' and published_at is not null") == 1);
    }

    @Test
    void aSecondSubjectForTheSameAccountIsAConflictNamingTheFirst() {
        String first = as("account-twice", "applicant").contentType(ContentType.JSON).body(subjectWith("李四", CERTIFICATE))
                .post("/api/v1/subjects").then().statusCode(201).extract().path("id");
        as("account-twice", "applicant").contentType(ContentType.JSON).body(subjectWith("李四", CERTIFICATE))
                .post("/api/v1/subjects")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("subjectId", equalTo(first))
                .body("status", equalTo(409));
    }

    @Test
    void malformedJsonIsA400AndWritesNothing() throws Exception {
        long before = count("select count(*) from subject");
        as("account-malformed", "applicant").contentType(ContentType.JSON).body("{\"nature\": \"PERSON\", ")
                .post("/api/v1/subjects")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", containsString("malformed-request"))
                .body("detail", notNullValue());
        assertEquals(before, count("select count(*) from subject"));
    }

    @Test
    void missingFieldsAreEachNamed() throws Exception {
        long before = count("select count(*) from outbox_event");
        as("account-missing", "applicant").contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"nature\":\"PERSON\",\"province\":\"BEIJING\",\"principal\":{\"mobile\":\"12\"}}")
                .post("/api/v1/subjects")
                .then().statusCode(400)
                .body("title", equalTo("The request is invalid"))
                .body("errors.field", hasItems("name", "certificateType", "certificateNumber",
                        "certificateAddress", "communicationAddress", "principal.name", "principal.mobile",
                        "principal.email"))
                .body("errors.find { it.field == 'principal.mobile' }.code", equalTo("PATTERN"));
        assertEquals(before, count("select count(*) from outbox_event"));
    }

    @Test
    void wrongTypesUnknownFieldsAndBadEnumsAreNamed() {
        as("account-types", "applicant").contentType(ContentType.JSON).body("{\"nature\":\"PERSON\",\"principal\":\"x\"}")
                .post("/api/v1/subjects")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("principal"))
                .body("errors[0].code", equalTo("INVALID_TYPE"));
        as("account-types", "applicant").contentType(ContentType.JSON).body("{\"nature\":\"ALIEN\"}")
                .post("/api/v1/subjects")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("nature"))
                .body("errors[0].code", equalTo("INVALID_VALUE"))
                .body("errors[0].message", containsString("PERSON"));
        as("account-types", "applicant").contentType(ContentType.JSON).body("{\"nature\":3}")
                .post("/api/v1/subjects")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("nature"));
        as("account-types", "applicant").contentType(ContentType.JSON).body("{\"name\":42}")
                .post("/api/v1/subjects")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        as("account-types", "applicant").contentType(ContentType.JSON).body("{\"nickname\":\"x\"}")
                .post("/api/v1/subjects")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("nickname"))
                .body("errors[0].code", equalTo("UNKNOWN_FIELD"));
    }

    @Test
    void aPersonCannotFileWithAUnitCertificate() {
        as("account-kinds", "applicant").contentType(ContentType.JSON)
                .body(subjectWith("王五", CERTIFICATE).replaceFirst("\"certificateType\":\"RESIDENT_ID\"", "\"certificateType\":\"BUSINESS_LICENSE\""))
                .post("/api/v1/subjects")
                .then().statusCode(400)
                .body("errors.field", hasItem("certificateType"))
                .body("errors.code", hasItem("CERTIFICATE_TYPE_NOT_FOR_NATURE"));
    }

    @Test
    void oversizedBodiesAreRefused() {
        String huge = subject("x".repeat(2_000_000));
        // Expect: 100-continue lets the server refuse before the client streams 2 MB it would then break on.
        as("account-huge", "applicant").contentType(ContentType.JSON).header("Expect", "100-continue").body(huge)
                .post("/api/v1/subjects")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void forgedTokensGet401() {
        given().auth().oauth2(TestTokens.forgedToken("mallory", "admin")).get("/api/v1/subjects")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anonymousCallersGet401AsProblemDetails() {
        given().contentType(ContentType.JSON).body(subjectWith("赵六", CERTIFICATE))
                .post("/api/v1/subjects")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void reviewersCannotCreateSubjects() {
        as("reviewer-1", "reviewer").contentType(ContentType.JSON).body(subjectWith("赵六", CERTIFICATE))
                .post("/api/v1/subjects")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void ownersSeeTheirSubjectOthersGet404() {
        String id = as("account-owner", "applicant").contentType(ContentType.JSON).body(subjectWith("钱七", CERTIFICATE))
                .post("/api/v1/subjects").then().statusCode(201).extract().path("id");
        as("account-owner", "applicant").get("/api/v1/subjects/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("principal.mobile", equalTo("13800000013"));
        as("account-owner", "applicant").get("/api/v1/subjects/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        as("account-owner", "applicant").get("/api/v1/subjects").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(id))
                .body("nextCursor", nullValue());
        as("someone-else", "applicant").get("/api/v1/subjects/" + id).then().statusCode(404);
        as("admin-2", "admin").get("/api/v1/subjects/" + id).then().statusCode(200)
                .body("certificateNumber", equalTo("110101********0011"))
                .body("principal.mobile", equalTo("138****0013"))
                .body("name", equalTo("钱*"));
    }

    @Test
    void listsArePagedWithACursorAndRejectBadLimits() {
        as("account-page-1", "applicant").contentType(ContentType.JSON).body(subjectWith("孙一", CERTIFICATE)).post("/api/v1/subjects")
                .then().statusCode(201);
        as("account-page-2", "applicant").contentType(ContentType.JSON).body(subjectWith("孙二", CERTIFICATE)).post("/api/v1/subjects")
                .then().statusCode(201);
        as("admin-1", "admin").queryParam("limit", 0).get("/api/v1/subjects").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as("admin-1", "admin").queryParam("cursor", "!!!").get("/api/v1/subjects").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        List<String> firstPage = as("admin-1", "admin").queryParam("limit", 1).get("/api/v1/subjects").then().statusCode(200)
                .body("items.size()", equalTo(1)).extract().path("items.id");
        String cursor = as("admin-1", "admin").queryParam("limit", 1).get("/api/v1/subjects").then().extract().path("nextCursor");
        assertTrue(cursor != null, "two subjects exist, so a second page must be offered");
        List<String> second = as("admin-1", "admin").queryParam("limit", 1).queryParam("cursor", cursor)
                .get("/api/v1/subjects").then().statusCode(200).extract().path("items.id");
        assertEquals(1, second.size());
        assertTrue(!second.contains(firstPage.get(0)), "pages must not overlap");
    }

    static void execute(String sql) throws SQLException {
        try (Connection c = PostgresTestResource.connect()) {
            c.createStatement().execute(sql);
        }
    }

    static long count(String sql) throws SQLException {
        try (Connection c = PostgresTestResource.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The first column of the first row, as text; {@code null} for none. */
    static String text(String sql) throws SQLException {
        try (Connection c = PostgresTestResource.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
