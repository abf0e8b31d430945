package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The province rules on the subject: shown for the order, and a blocking one refuses submission until fixed. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class SubjectFindingsTest {

    @Inject
    @Any
    InMemoryConnector connector;

    InMemoryEvents events;

    @BeforeEach
    void events() {
        events = new InMemoryEvents(connector);
    }

    @Test
    void aBeijingPrincipalWithAnXinjiangMobileCannotSubmitUntilTheNumberIsFixed() throws Exception {
        String account = "findings-" + UUID.randomUUID();
        // A Beijing mobile of this test's own (1380000 is Beijing's block), so that only this test's records give it.
        String mobile = "1380000" + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
        String fixed = SubjectResourceTest.subject("钱十二").replace("13800000013", mobile);
        String body = fixed.replace(mobile, "13900000001");
        String subjectId = as(account, "applicant").contentType(ContentType.JSON).body(body)
                .post("/api/v1/subjects").then().statusCode(201).extract().path("id");
        String order = as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");

        as(account, "applicant").get("/api/v1/orders/" + order + "/subject-findings").then().statusCode(200)
                .body("findings.find { it.ruleId == 'BJ-B-01' }.fieldKey", equalTo("subject.principal.mobile"))
                .body("findings.find { it.ruleId == 'BJ-B-01' }.severity", equalTo("BLOCKS"))
                .body("findings.find { it.ruleId == 'BJ-B-01' }.message", startsWith("北京"));
        as(account, "applicant").header("Accept-Language", "en").get("/api/v1/orders/" + order + "/subject-findings")
                .then().statusCode(200)
                .body("findings.find { it.ruleId == 'BJ-B-01' }.message", startsWith("Beijing"));
        as("mallory-" + UUID.randomUUID(), "applicant").get("/api/v1/orders/" + order + "/subject-findings")
                .then().statusCode(404);

        events.ack("website-events", "/beian/website-service", order, "website.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        events.ack("materials-events", "/beian/materials-service", order, "material.order-readiness-changed.v1",
                "{\"orderId\":\"%s\",\"version\":1,\"ready\":true}".formatted(order));
        String etag = as(account, "applicant").get("/api/v1/orders/" + order).then().extract().header("ETag");
        as(account, "applicant").header("If-Match", etag).post("/api/v1/orders/" + order + "/submit").then()
                .statusCode(409).body("errors.find { it.rule == 'BJ-B-01' }.field", equalTo("subject.principal.mobile"))
                .body("errors.find { it.rule == 'BJ-B-01' }.code", equalTo("RULE_BROKEN"));
        as(account, "applicant").get("/api/v1/orders/" + order).then().body("state", equalTo("DRAFT"));
        assertEquals(0, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'subject.snapshot-frozen.v1'"), "a refused submission freezes nothing");

        String subjectTag = as(account, "applicant").get("/api/v1/subjects/" + subjectId).then().extract()
                .header("ETag");
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", subjectTag)
                .body(fixed).put("/api/v1/subjects/" + subjectId).then()
                .statusCode(200);
        as(account, "applicant").get("/api/v1/orders/" + order + "/subject-findings").then().statusCode(200)
                .body("findings.ruleId", not(hasItem("BJ-B-01")));
        // Another person's filed subject here gives the same mobile: a warning that does not stop the submission
        // and that the frozen snapshot must carry.
        String otherId = as("findings-other-" + UUID.randomUUID(), "applicant").contentType(ContentType.JSON)
                .body(SubjectResourceTest.subject("孙十六").replace("13800000013", mobile)).post("/api/v1/subjects")
                .then().statusCode(201).extract().path("id");
        SubjectResourceTest.execute("update subject set filing_number = '京ICP备"
                + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)) + "号' where id = '" + otherId
                + "'");
        as(account, "applicant").get("/api/v1/orders/" + order + "/subject-findings").then().statusCode(200)
                .body("findings.find { it.ruleId == 'X-23' }.severity", equalTo("WARNS"));
        etag = as(account, "applicant").get("/api/v1/orders/" + order).then().extract().header("ETag");
        as(account, "applicant").header("If-Match", etag).post("/api/v1/orders/" + order + "/submit").then()
                .statusCode(200).body("state", equalTo("INITIAL_REVIEW"));
        // The snapshot is frozen now, and what it tells reviewers no longer names the mended rule.
        assertEquals(1, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'subject.snapshot-frozen.v1' and payload like '%\"findings\":[%'"));
        assertEquals(0, SubjectResourceTest.count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'subject.snapshot-frozen.v1' and payload like '%BJ-B-01%'"));
        // The snapshot carries the findings the submission was judged with, in both languages: the same rules, in
        // the same order, as the subject's findings read now, worded as each language reads them.
        List<String> rules = as(account, "applicant").get("/api/v1/orders/" + order + "/subject-findings").then()
                .statusCode(200).extract().path("findings.ruleId");
        List<String> english = as(account, "applicant").header("Accept-Language", "en")
                .get("/api/v1/orders/" + order + "/subject-findings").then().extract().path("findings.message");
        assertTrue(rules.contains("X-23"), "the warning that survives the mend is what the snapshot is compared on: "
                + rules);
        String snapshot = "(select payload::jsonb from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'subject.snapshot-frozen.v1')";
        assertEquals(String.join(",", rules), SubjectResourceTest.text("select coalesce(string_agg(f->>'ruleId', ','"
                + " order by n), '') from jsonb_array_elements(" + snapshot + "->'findings') with ordinality as x(f, n)"));
        assertEquals(String.join("\n", english), SubjectResourceTest.text("select coalesce(string_agg(f->>'messageEn',"
                + " chr(10) order by n), '') from jsonb_array_elements(" + snapshot + "->'findings')"
                + " with ordinality as x(f, n)"));
    }

    @Test
    void aTianjinUnitsPrincipalIsComparedWithItsLegalPersonAndOnlyUnitsHaveOne() throws Exception {
        String account = "findings-unit-" + UUID.randomUUID();
        String unit = """
                {"nature":"ENTERPRISE","province":"TIANJIN","city":"天津市","district":"和平区","name":"天津示例科技有限公司",
                 "certificateType":"BUSINESS_LICENSE","certificateNumber":"91120102MA0123453L",
                 "certificateAddress":"天津市和平区南京路1号","communicationAddress":"天津市和平区南京路1号2楼201室",
                 "investor":"天津示例科技有限公司",
                 "principal":{"name":"孙十七","certificateType":"RESIDENT_ID","certificateNumber":"120102198501011237",
                   "mobile":"13800000013","officePhone":"022-23456789","email":"sun@example.com"},
                 "legalPerson":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s"}}""";
        String subjectId = as(account, "applicant").contentType(ContentType.JSON)
                .body(unit.formatted("李十八", "120102197001014568")).post("/api/v1/subjects").then().statusCode(201)
                .body("legalPerson.name", equalTo("李十八")).extract().path("id");
        String order = as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        as(account, "applicant").get("/api/v1/orders/" + order + "/subject-findings").then().statusCode(200)
                .body("findings.find { it.ruleId == 'TJ-U-03' }.outcome", equalTo("FAILED"))
                .body("findings.find { it.ruleId == 'TJ-U-03' }.severity", equalTo("BLOCKS"));

        String tag = as(account, "applicant").get("/api/v1/subjects/" + subjectId).then().extract().header("ETag");
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", tag)
                .body(unit.formatted("孙十七", "120102198501011237")).put("/api/v1/subjects/" + subjectId).then()
                .statusCode(200);
        as(account, "applicant").get("/api/v1/orders/" + order + "/subject-findings").then().statusCode(200)
                .body("findings.ruleId", not(hasItem("TJ-U-03")));

        String person = SubjectResourceTest.subject("周十九").replace("\"principal\":",
                "\"legalPerson\":{\"name\":\"周十九\",\"certificateType\":\"RESIDENT_ID\","
                        + "\"certificateNumber\":\"110101199003070011\"},\"principal\":");
        as("findings-person-" + UUID.randomUUID(), "applicant").contentType(ContentType.JSON).body(person)
                .post("/api/v1/subjects").then().statusCode(400)
                .body("errors[0].field", equalTo("legalPerson")).body("errors[0].code", equalTo("LEGAL_PERSON_FOR_UNITS_ONLY"));
    }
    @Test
    void aJiangsuPrincipalWhoseMobileAnotherPersonsFiledSubjectHereGivesIsRefusedByTheRecords() throws Exception {
        String mobile = "1380022" + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
        String person = """
                {"nature":"PERSON","province":"JIANGSU","city":"南京市","district":"玄武区","name":"%s",
                 "certificateType":"RESIDENT_ID","certificateNumber":"%s",
                 "certificateAddress":"江苏省南京市玄武区中山路1号","communicationAddress":"江苏省南京市玄武区中山路1号201室",
                 "principal":{"name":"%s","certificateType":"RESIDENT_ID","certificateNumber":"%s",
                   "mobile":"%s","email":"js@example.com"}}""";
        String first = jiangsuId();
        String account = "records-" + UUID.randomUUID();
        as(account, "applicant").contentType(ContentType.JSON).body(person.formatted("吴廿二", first, "吴廿二", first,
                mobile)).post("/api/v1/subjects").then().statusCode(201);
        String order = as(account, "applicant").contentType(ContentType.JSON).body("{\"type\":\"FIRST_FILING\"}")
                .post("/api/v1/orders").then().statusCode(201).extract().path("id");
        // no other subject here gives the number: judged, and it holds (not undetermined for want of records)
        as(account, "applicant").get("/api/v1/orders/" + order + "/subject-findings").then().statusCode(200)
                .body("findings.ruleId", not(hasItem("JS-B-09")));

        // another person's subject, filed here, gives the same mobile
        String second = jiangsuId();
        String otherId = as("records-other-" + UUID.randomUUID(), "applicant").contentType(ContentType.JSON)
                .body(person.formatted("郑廿三", second, "郑廿三", second, mobile)).post("/api/v1/subjects").then()
                .statusCode(201).extract().path("id");
        as(account, "applicant").get("/api/v1/orders/" + order + "/subject-findings").then().statusCode(200)
                .body("findings.ruleId", not(hasItem("JS-B-09")));
        SubjectResourceTest.execute("update subject set filing_number = '苏ICP备" + second.substring(10, 18)
                + "号' where id = '" + otherId + "'");
        as(account, "applicant").get("/api/v1/orders/" + order + "/subject-findings").then().statusCode(200)
                .body("findings.find { it.ruleId == 'JS-B-09' }.outcome", equalTo("FAILED"))
                .body("findings.find { it.ruleId == 'JS-B-09' }.fieldKey", equalTo("subject.principal.mobile"))
                .body("findings.find { it.ruleId == 'JS-B-09' }.severity", equalTo("BLOCKS"));
    }

    private static String jiangsuId() {
        String body = "320102" + java.time.LocalDate.of(1980, 1, 1)
                .plusDays(ThreadLocalRandom.current().nextInt(7000)).toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return body + cn.beian.validators.ResidentIdNumbers.checkDigit(body);
    }
}
