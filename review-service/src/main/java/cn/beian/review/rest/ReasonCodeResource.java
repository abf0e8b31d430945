package cn.beian.review.rest;

import cn.beian.platform.rest.Page;
import cn.beian.platform.security.Roles;
import cn.beian.review.domain.ReasonCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/review-reason-codes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review queue")
public class ReasonCodeResource {

    /** A reason code and the suggestion applicants see when the reviewer writes none. */
    public record ReasonCodeView(String code, String defaultSuggestion) {
    }

    @GET
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.AUTHORITY, Roles.ADMIN})
    @Operation(operationId = "listReviewReasonCodes", summary = "The documented rejection reason codes")
    public Page<ReasonCodeView> list() {
        return new Page<>(Arrays.stream(ReasonCode.values())
                .map(c -> new ReasonCodeView(c.name(), c.defaultSuggestion())).toList(), null);
    }
}
