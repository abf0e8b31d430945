package cn.beian.review;

import static cn.beian.review.ReviewChecklistTest.answer;
import static cn.beian.review.ReviewChecklistTest.claim;
import static cn.beian.review.ReviewChecklistTest.decide;
import static cn.beian.review.ReviewChecklistTest.events;
import static cn.beian.review.ReviewChecklistTest.orderOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** {@code beian.review.require-checklist} (on by default): no approval while an item is unanswered, each one named. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
@WithTestResource(value = InMemoryMessagingResource.class, initArgs = @ResourceArg(name = "incoming",
        value = "subject-events,website-events,materials-events"))
@WithTestResource(OidcTestResource.class)
class ChecklistRequiredTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void anApprovalNamesEveryUnansweredItem() {
        String path = ReviewChecklistTest.openCase(connector, "XINJIANG", ReviewChecklistTest.NO_FINDINGS);
        String order = orderOf(path);
        int version = claim("rita", path);
        decide("rita", path, version, "APPROVE").then().statusCode(409)
                .body("code", equalTo("CHECKLIST_INCOMPLETE"))
                .body("unansweredItems", contains("XJ-B-04", "XJ-B-03"))
                .body("detail", containsString("XJ-B-04, XJ-B-03"));
        version = answer("rita", path, version, "XJ-B-04", "TICKED", null);
        decide("rita", path, version, "APPROVE").then().statusCode(409)
                .body("unansweredItems", contains("XJ-B-03"));
        version = answer("rita", path, version, "XJ-B-03", "TICKED", null);
        decide("rita", path, version, "APPROVE").then().statusCode(200).body("status", equalTo("APPROVED"));
        assertEquals(1, events(order, "review.initial-approved.v1"));
    }
}
