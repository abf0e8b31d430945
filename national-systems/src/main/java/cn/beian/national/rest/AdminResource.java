package cn.beian.national.rest;

import cn.beian.national.client.DomainRegistration;
import cn.beian.national.client.SubjectFiling;
import cn.beian.national.client.SubmissionView;
import cn.beian.national.service.AdminService;
import cn.beian.national.service.FeedNotifier;
import cn.beian.national.service.OutgoingMessageJob;
import cn.beian.national.service.SubmissionDecisions;
import cn.beian.platform.problem.Problem;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.platform.rest.Page;
import cn.beian.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The stand-in's operator API: edit registry data, decide a submission now. Tests and demos only. */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.SERVICE})
@Tag(name = "Operations", description = "Stand-in operator API (tests and demos only)")
public class AdminResource {

    private final AdminService admin;
    private final SubmissionDecisions decisions;
    private final FeedNotifier notifier;
    private final OutgoingMessageJob outgoing;

    public AdminResource(AdminService admin, SubmissionDecisions decisions, FeedNotifier notifier,
            OutgoingMessageJob outgoing) {
        this.admin = admin;
        this.decisions = decisions;
        this.notifier = notifier;
        this.outgoing = outgoing;
    }

    @POST
    @Path("/registry/subjects")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminCreateRegistrySubject", summary = "Add a filed subject (with websites) to the registry")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = SubjectFiling.class)))
    @APIResponse(responseCode = "409", description = "The subject filing number exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createSubject(@Valid @NotNull CreateRegistrySubjectRequest request) {
        return admin.createSubject(request.toEdit()).map(s -> Response.status(201).entity(s).build());
    }

    @PATCH
    @Path("/registry/subjects/{subjectFilingNumber}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminPatchRegistrySubject",
            summary = "Change a registry subject (status, name, provider, principal, password, unlock)")
    @APIResponse(responseCode = "404", description = "No such subject",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SubjectFiling> patchSubject(@PathParam("subjectFilingNumber") String number,
            @Valid @NotNull PatchRegistrySubjectRequest patch) {
        return admin.patchSubject(number, patch.toEdit());
    }

    @POST
    @Path("/registry/subjects/{subjectFilingNumber}/websites")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminAddRegistryWebsite", summary = "Add a filed website to a registry subject")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = SubjectFiling.class)))
    public Uni<Response> addWebsite(@PathParam("subjectFilingNumber") String number,
            @Valid @NotNull AddRegistryWebsiteRequest request) {
        return admin.addWebsite(number, request.toEdit()).map(s -> Response.status(201).entity(s).build());
    }

    @PATCH
    @Path("/registry/websites/{websiteFilingNumber}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminPatchRegistryWebsite", summary = "Change a registry website (status, provider, domains)")
    @APIResponse(responseCode = "404", description = "No such website",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SubjectFiling> patchWebsite(@PathParam("websiteFilingNumber") String number,
            @Valid @NotNull PatchRegistryWebsiteRequest patch) {
        return admin.patchWebsite(number, patch.toEdit());
    }

    @PUT
    @Path("/domain-registrations/{domain}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminPutDomainRegistration", summary = "Set what the registries say about a domain")
    public Uni<DomainRegistration> putRegistration(@PathParam("domain") String domain,
            @Valid @NotNull PutDomainRegistrationRequest request) {
        return admin.putRegistration(domain, request.toEdit());
    }

    @DELETE
    @Path("/domain-registrations/{domain}")
    @Operation(operationId = "adminDeleteDomainRegistration", summary = "Forget a domain's registration")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Unknown domain",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> deleteRegistration(@PathParam("domain") String domain) {
        return admin.deleteRegistration(domain).map(deleted -> {
            if (!deleted) {
                throw ProblemException.localized(ProblemType.NOT_FOUND, "detail.domain-registration-not-found", domain);
            }
            return Response.noContent().build();
        });
    }

    @GET
    @Path("/in-flight")
    @Operation(operationId = "adminListInFlight", summary = "Subjects and domains in open submissions at other providers")
    public Uni<Page<InFlightView>> inFlight() {
        return admin.inFlight().map(l -> new Page<>(l.stream().map(InFlightView::of).toList(), null));
    }

    @POST
    @Path("/in-flight")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminAddInFlight", summary = "Mark a subject and/or domain as in flight at another provider")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = InFlightView.class)))
    public Uni<Response> addInFlight(@Valid @NotNull AddInFlightRequest request) {
        return admin.addInFlight(request.toEdit()).map(e -> Response.status(201).entity(InFlightView.of(e)).build());
    }

    @DELETE
    @Path("/in-flight/{id}")
    @Operation(operationId = "adminRemoveInFlight", summary = "That other provider's submission is closed")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Response> removeInFlight(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(
                    ProblemException.localized(ProblemType.NOT_FOUND, "detail.in-flight-record-not-found", id));
        }
        return admin.removeInFlight(uuid).map(deleted -> {
            if (!deleted) {
                throw ProblemException.localized(ProblemType.NOT_FOUND, "detail.in-flight-record-not-found", id);
            }
            return Response.noContent().build();
        });
    }

    @POST
    @Path("/submissions/{submissionId}/approve")
    @Operation(operationId = "adminApproveSubmission",
            summary = "The authority approves now (numbers, password); the registry is re-checked first")
    @APIResponse(responseCode = "409", description = "Not under review (currentState says where it is)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SubmissionView> approve(@PathParam("submissionId") String id) {
        return decisions.approveNow(id).invoke(this::after);
    }

    @POST
    @Path("/submissions/{submissionId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "adminRejectSubmission", summary = "The authority rejects now, with reasons")
    @APIResponse(responseCode = "409", description = "Already decided or returned",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SubmissionView> reject(@PathParam("submissionId") String id,
            @Valid @NotNull RejectSubmissionRequest request) {
        return decisions.rejectNow(id, request.reasons()).invoke(this::after);
    }

    private void after() {
        notifier.wake();
        outgoing.kick();
    }
}
