package cn.beian.review.rest;

import cn.beian.platform.json.Json;
import cn.beian.platform.problem.Problem;
import cn.beian.platform.rest.Page;
import cn.beian.platform.security.CurrentAccount;
import cn.beian.platform.security.Roles;
import cn.beian.review.service.CaseQueries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/orders/{orderId}/rejections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rejections", description = "Why an order was rejected, for its applicant")
public class RejectionResource {

    private final CaseQueries queries;
    private final CurrentAccount account;
    private final Json json;

    public RejectionResource(CaseQueries queries, CurrentAccount account, Json json) {
        this.queries = queries;
        this.account = account;
        this.json = json;
    }

    @GET
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.AUTHORITY, Roles.ADMIN})
    @Operation(operationId = "listOrderRejections", summary = "The order's rejections, oldest first: reviewers' and "
            + "the administration's, each reason with its field key, code and suggestion")
    @APIResponse(responseCode = "200", description = "The rejections, all on one page (none: empty items)")
    @APIResponse(responseCode = "404", description = "No such order, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<RejectionView>> list(@PathParam("orderId") String orderId) {
        return queries.rejections(orderId, account.id(), account.isStaff())
                .map(list -> new Page<>(list.stream().map(r -> RejectionView.of(r, json)).toList(), null));
    }
}
