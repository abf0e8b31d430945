package cn.beian.review;

import static cn.beian.review.ReviewChecklistTest.answer;
import static cn.beian.review.ReviewChecklistTest.claim;
import static cn.beian.review.ReviewChecklistTest.decide;
import static cn.beian.review.TestEvents.count;
import static cn.beian.testing.TestTokens.as;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A re-review's approval says whether the curtain photo approved before the administration's rejection still holds:
 * only while the websites name the same principals (subject-service then skips the photo review, or asks again).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
@WithTestResource(value = InMemoryMessagingResource.class, initArgs = @ResourceArg(name = "incoming",
        value = "subject-events,website-events,materials-events"))
@WithTestResource(OidcTestResource.class)
class PhotoValidityTest {

    static final String PHOTOGRAPHED = "110101199003070011";

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void aNewPrincipalAfterTheAuthoritysRejectionNeedsANewPhoto() {
        String order = reReviewApproved("110101198506120318");
        assertEquals(1, approvals(order, "\"photoStillHolds\":false"));
        as("ada", "admin").get(caseOf(order, "RE_REVIEW")).then().statusCode(200)
                .body("auditTrail.find { it.action == 'APPROVED' }.detail",
                        containsString("the principals changed since the curtain photo was approved"));
    }

    @Test
    void theSamePrincipalsKeepThePhoto() {
        String order = reReviewApproved(PHOTOGRAPHED);
        assertEquals(1, approvals(order, "\"photoStillHolds\":true"));
        assertEquals(2, approvals(order, ""), "the first initial approval and the re-review's");
        assertEquals(1, approvals(order, "photoStillHolds"), "only the re-review's approval says it");
    }

    /** A Beijing first filing through initial and photo review, rejected by the administration, resubmitted with
     * {@code principalId} as its website's principal, and the re-review approved. */
    private String reReviewApproved(String principalId) {
        String order = UUID.randomUUID().toString();
        String account = "acc-" + order;
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "subject.snapshot-frozen.v1",
                TestEvents.subjectSnapshot(order, account, "FIRST_FILING", "BEIJING", 1, "[]"));
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "order.transitioned.v1",
                TestEvents.transitioned(order, account, "FIRST_FILING", "BEIJING", "DRAFT", "INITIAL_REVIEW", "SUBMIT",
                        4L, 9L));
        TestEvents.send(connector, "website-events", TestEvents.WEBSITE, order, "website.snapshot-frozen.v1",
                TestEvents.websitesSnapshot(order, 4, PHOTOGRAPHED));
        TestEvents.send(connector, "materials-events", TestEvents.MATERIALS, order, "material.manifest-frozen.v1",
                TestEvents.materialsManifest(order, 9));
        String initial = caseOf(order, "INITIAL");
        decide("rita", initial, claim("rita", initial), "APPROVE").then().statusCode(200);

        TestEvents.send(connector, "materials-events", TestEvents.MATERIALS, order, "material.photo-submitted.v1",
                "{\"orderId\":\"%s\",\"submittedBy\":\"%s\",\"byVerificationPoint\":false}".formatted(order, account));
        String photo = caseOf(order, "PHOTO");
        int version = claim("rita", photo);
        for (String item : List.of("X-05", "BJ-B-09")) {
            version = answer("rita", photo, version, item, "TICKED", null);
        }
        decide("rita", photo, version, "APPROVE").then().statusCode(200);

        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "subject.snapshot-frozen.v1",
                TestEvents.subjectSnapshot(order, account, "FIRST_FILING", "BEIJING", 2, "[]"));
        TestEvents.send(connector, "subject-events", TestEvents.SUBJECT, order, "order.transitioned.v1",
                TestEvents.transitioned(order, account, "FIRST_FILING", "BEIJING", "AUTHORITY_REJECTED",
                        "INITIAL_REVIEW", "RESUBMIT", 5L, 9L));
        TestEvents.send(connector, "website-events", TestEvents.WEBSITE, order, "website.snapshot-frozen.v1",
                TestEvents.websitesSnapshot(order, 5, principalId));
        String reReview = caseOf(order, "RE_REVIEW");
        as("rita", "reviewer").get(reReview).then().statusCode(200).body("reviewCase.status", equalTo("OPEN"));
        decide("rita", reReview, claim("rita", reReview), "APPROVE").then().statusCode(200);
        return order;
    }

    private static String caseOf(String order, String kind) {
        return "/api/v1/review-cases/" + TestEvents.string("select cast(id as text) from review_case where order_id = '"
                + order + "' and kind = '" + kind + "'");
    }

    private static long approvals(String order, String fragment) {
        return count("select count(*) from outbox_event where aggregate_id = '" + order
                + "' and event_type = 'review.initial-approved.v1' and payload like '%" + fragment + "%'");
    }
}
