package cn.beian.national.rest;

import cn.beian.national.client.SubmissionRequest;
import cn.beian.national.client.SubmissionView;
import cn.beian.national.service.FeedNotifier;
import cn.beian.national.service.OutgoingMessageJob;
import cn.beian.national.service.SubmissionIntake;
import cn.beian.platform.problem.Problem;
import cn.beian.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/submissions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SERVICE, Roles.ADMIN})
@Tag(name = "Submissions", description = "Order snapshots the provider submits to the administration")
public class SubmissionResource {

    private final SubmissionIntake submissions;
    private final FeedNotifier notifier;
    private final OutgoingMessageJob outgoing;

    public SubmissionResource(SubmissionIntake submissions, FeedNotifier notifier, OutgoingMessageJob outgoing) {
        this.submissions = submissions;
        this.notifier = notifier;
        this.outgoing = outgoing;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitSnapshot",
            summary = "Submit an order snapshot (idempotent by submissionId); SMS codes go to the principals")
    @APIResponse(responseCode = "201", description = "Received",
            content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "200", description = "A replay of the same body: the submission as it stands",
            content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed: each bad field named in errors[]",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409",
            description = "Conflicts with the registry or open submissions (errors[]), or the id was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> submit(@Valid @NotNull SubmissionRequest request, UriInfo uri) {
        return submissions.submit(request).map(result -> {
            if (result.created()) {
                notifier.wake();
                outgoing.kick();
                return Response.created(uri.getAbsolutePathBuilder().path(result.view().submissionId()).build())
                        .entity(result.view()).build();
            }
            return Response.ok(result.view()).build();
        });
    }

    @GET
    @Path("/{submissionId}")
    @Operation(operationId = "getSubmission", summary = "A submission: status, SMS verification, due date, outcome")
    @APIResponse(responseCode = "404", description = "No such submission",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SubmissionView> get(@PathParam("submissionId") String id) {
        return submissions.find(id);
    }
}
