package cn.beian.subject;

import static cn.beian.testing.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * The cases of issue 17 on subject-service's real endpoints; the edge that answers them is libs/platform's (its own
 * tests cover each class of bad input in depth).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "subject"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class BadInputEdgeTest {

    static final String PROBLEM = "application/problem+json";

    @Test
    void aMalformedAcceptLanguageStillAnswers401() {
        for (String language : new String[] {"en;q=2", "*;q=garbage", ";;;"}) {
            given().header("Accept-Language", language).get("/api/v1/subjects").then().statusCode(401)
                    .contentType(PROBLEM).body("title", equalTo("未登录或令牌无效"));
        }
    }

    @Test
    void aNulInAnEditedSubjectIsA400NamingTheFieldAndNothingChanges() throws Exception {
        String account = "edge-nul-" + UUID.randomUUID();
        Response created = as(account, "applicant").contentType(ContentType.JSON)
                .body(SubjectResourceTest.subject("张三")).post("/api/v1/subjects");
        created.then().statusCode(201);
        String id = created.path("id");
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(SubjectResourceTest.subject("\\u0000")).put("/api/v1/subjects/" + id).then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("name"))
                .body("errors[0].code", equalTo("INVALID_CHARACTER"));
        as(account, "applicant").contentType(ContentType.JSON).header("If-Match", "*")
                .body(SubjectResourceTest.subject("李四")).put("/api/v1/subjects/" + id).then().statusCode(428)
                .contentType(PROBLEM).body("errors[0].field", equalTo("If-Match"));
        as(account, "applicant").urlEncodingEnabled(false).get("/api/v1/subjects/%00").then().statusCode(400)
                .body("errors[0].field", equalTo("subjectId"))
                .contentType(PROBLEM).body("errors[0].code", equalTo("INVALID_CHARACTER"));
        assertEquals(1, SubjectResourceTest.count("select count(*) from subject where account_id = '" + account
                + "' and name = '张三' and version = 0"));
    }

    @Test
    void aDuplicatedKeyIsA400NamingTheField() throws Exception {
        String account = "edge-dup-" + UUID.randomUUID();
        as(account, "applicant").contentType(ContentType.JSON)
                .body(SubjectResourceTest.subject("张三").replace("\"nature\":\"PERSON\",",
                        "\"nature\":\"PERSON\",\"nature\":\"ENTERPRISE\","))
                .post("/api/v1/subjects").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("nature")).body("errors[0].code", equalTo("DUPLICATE_FIELD"));
        assertEquals(0, SubjectResourceTest.count("select count(*) from subject where account_id = '" + account + "'"));
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherSubjectIsA422() throws Exception {
        String account = "edge-idem-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        as(account, "applicant").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(SubjectResourceTest.subject("王五")).post("/api/v1/subjects").then().statusCode(201);
        as(account, "applicant").contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(SubjectResourceTest.subject("赵六").replace("BEIJING", "SHANGHAI")).post("/api/v1/subjects")
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("Idempotency-Key"))
                .body("errors[0].code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertEquals(0, SubjectResourceTest.count("select count(*) from subject where account_id = '" + account
                + "' and name = '赵六'"));
    }
}
