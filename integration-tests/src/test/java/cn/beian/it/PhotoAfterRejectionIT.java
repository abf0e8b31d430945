package cn.beian.it;

import static cn.beian.it.Journeys.act;
import static cn.beian.it.Journeys.approve;
import static cn.beian.it.Journeys.awaitReady;
import static cn.beian.it.Journeys.awaitState;
import static cn.beian.it.Journeys.claimCase;
import static cn.beian.it.Journeys.reviewer;
import static cn.beian.it.Journeys.uploadMissing;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A first filing rejected by the administration whose applicant then names another website principal: the curtain
 * photo approved before shows someone else, so after the re-review the order asks for a new photo and a new photo
 * review instead of going straight back to the administration; the replaced principal's ID photos are asked for again.
 */
class PhotoAfterRejectionIT {

    @Test
    void aNewWebsitePrincipalAfterTheAuthoritysRejectionNeedsANewCurtainPhoto() throws Exception {
        Journeys.Applicant a = Journeys.applicant("换人");
        String order = Journeys.open(a, "{\"type\":\"FIRST_FILING\"}");
        String domain = "photo-" + Long.toHexString(System.nanoTime()) + ".cn";
        String materials = Stack.MATERIALS + "/api/v1/orders/" + order;
        String websites = Stack.WEBSITE + "/api/v1/orders/" + order + "/websites";
        Journeys.Filed filed = Journeys.fileWebsites(a, order, List.of(domain), () -> {
            String submission = Journeys.submissionOf(order);
            given().auth().oauth2(Journeys.admin()).contentType(ContentType.JSON)
                    .body("{\"reasons\":[{\"code\":\"PRINCIPAL_INFO_WRONG\",\"message\":\"网站负责人信息有误\"}]}")
                    .post(Stack.NATIONAL + "/api/v1/admin/submissions/" + submission + "/reject").then()
                    .statusCode(200);
            awaitState(a.token(), order, "AUTHORITY_REJECTED");

            // The applicant names another person as the website's principal.
            String websiteId = given().auth().oauth2(a.token()).get(websites).then().statusCode(200).extract()
                    .path("websites[0].id");
            String etag = given().auth().oauth2(a.token()).get(websites + "/" + websiteId).then().statusCode(200)
                    .extract().header("ETag");
            String body = Fixtures.website(a.token(), a.name() + "的随笔甲", domain).replace("\"principalSameAsSubject\":true",
                    """
                    "principalSameAsSubject":false,"principal":{"name":"%s","certificateType":"RESIDENT_ID",
                     "certificateNumber":"%s","mobile":"%s","email":"new-principal-%s"}"""
                            .formatted(a.name() + "妹", Fixtures.residentId(), a.mobile(), a.email()));
            given().auth().oauth2(a.token()).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                    .put(websites + "/" + websiteId).then().statusCode(200);
            Journeys.await(() -> given().auth().oauth2(a.token()).get(materials + "/required-materials").then()
                    .extract().jsonPath().getList("missing.ownerRef", String.class)
                    .contains("websites[" + websiteId + "].principal"));
            try {
                uploadMissing(a.token(), materials, false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            awaitReady(a.token(), order);
            act(a.token(), order, "resubmit", "INITIAL_REVIEW");

            // The re-review passes, and the order asks for a photo of the new principal.
            String reReview = claimCase(reviewer(), order, "RE_REVIEW");
            approve(reviewer(), reReview);
            awaitState(a.token(), order, "AWAITING_PHOTO");
            given().auth().oauth2(Journeys.admin()).get(Stack.REVIEW + "/api/v1/review-cases/" + reReview).then()
                    .statusCode(200).body("auditTrail.detail", hasItem(containsString("principals changed")));
            try {
                uploadMissing(a.token(), materials, true);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            given().auth().oauth2(a.token()).post(materials + "/photo-submissions").then().statusCode(202);
            awaitState(a.token(), order, "PHOTO_REVIEW");
            approve(reviewer(), claimCase(reviewer(), order, "PHOTO"));
            awaitState(a.token(), order, "AUTHORITY_REVIEW");
        });
        // Approved by the administration after the second photo review, under the subject's new number.
        assertEquals(filed.subjectNumber() + "-1", filed.websiteNumbers().get(0));
    }
}
