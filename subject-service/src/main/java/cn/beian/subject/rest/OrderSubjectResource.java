package cn.beian.subject.rest;

import cn.beian.platform.problem.Problem;
import cn.beian.platform.rest.ETags;
import cn.beian.platform.rest.Ids;
import cn.beian.platform.security.CurrentAccount;
import cn.beian.platform.security.Roles;
import cn.beian.subject.service.SubjectRevisions;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The subject as an order files it. For a CHANGE order, the draft revision of the approved subject that the applicant
 * edits here and that replaces the approved subject only when the administration approves the change.
 */
@Path("/api/v1/orders/{orderId}/subject")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderSubjectResource {

    private final SubjectRevisions revisions;
    private final CurrentAccount account;

    public OrderSubjectResource(SubjectRevisions revisions, CurrentAccount account) {
        this.revisions = revisions;
        this.account = account;
    }

    @GET
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.AUTHORITY, Roles.ADMIN})
    @Operation(operationId = "getOrderSubject",
            summary = "The subject as this order files it (a CHANGE order's draft revision where it has one)")
    @APIResponse(responseCode = "200", description = "The subject (masked for staff); ETag for the revision",
            content = @Content(schema = @Schema(implementation = SubjectView.class)))
    @APIResponse(responseCode = "404", description = "No such order, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("orderId") String orderId) {
        String caller = account.id();
        return revisions.find(caller, account.isStaff(), Ids.parseOrNotFound(orderId, "Order"))
                .map(f -> Response.ok(f.subject().accountId.equals(caller) ? SubjectView.full(f.subject())
                        : SubjectView.masked(f.subject())).tag(ETags.of(f.etagVersion())).build());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "reviseOrderSubject", summary = "Revise the approved subject in a CHANGE order",
            description = "Send the ETag of GET as If-Match (\"0\" before the first revision). Nature, province and "
                    + "certificate stay fixed.")
    @APIResponse(responseCode = "200", description = "The revised subject; new ETag",
            content = @Content(schema = @Schema(implementation = SubjectView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields or a changed identity, each named in errors[]",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such order, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a CHANGE order, or its contents are locked now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> revise(@PathParam("orderId") String orderId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull CreateSubjectRequest request) {
        return revisions.revise(account.id(), Ids.parseOrNotFound(orderId, "Order"), ifMatch, request.toInput())
                .map(f -> Response.ok(SubjectView.full(f.subject())).tag(ETags.of(f.etagVersion())).build());
    }
}
