package cn.beian.platform.time;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;

import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The clock's offset travels as the ISO-8601 duration its schema promises, both ways. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class ClockResourceTest {

    @Test
    void theOffsetIsAnIsoDuration() {
        try {
            as("ops", "admin").contentType(ContentType.JSON).body("{\"offset\":\"P45D\"}").put("/api/v1/admin/clock")
                    .then().statusCode(200).body("offset", equalTo("PT1080H")).body("adjustable", equalTo(true));
            as("ops", "admin").get("/api/v1/admin/clock").then().statusCode(200).body("offset", equalTo("PT1080H"));
            as("ops", "admin").contentType(ContentType.JSON).body("{\"offset\":\"45 days\"}")
                    .put("/api/v1/admin/clock").then().statusCode(400).body("errors[0].field", equalTo("offset"));
            as("someone", "applicant").get("/api/v1/admin/clock").then().statusCode(403);
        } finally {
            as("ops", "admin").contentType(ContentType.JSON).body("{\"offset\":\"PT0S\"}").put("/api/v1/admin/clock")
                    .then().statusCode(200).body("offset", equalTo("PT0S"));
        }
    }
}
