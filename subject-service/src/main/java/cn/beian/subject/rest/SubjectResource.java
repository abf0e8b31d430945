package cn.beian.subject.rest;

import cn.beian.platform.problem.Problem;
import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.ETags;
import cn.beian.platform.rest.Ids;
import cn.beian.platform.rest.Page;
import cn.beian.platform.security.CurrentAccount;
import cn.beian.platform.security.Roles;
import cn.beian.subject.service.SubjectService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subjects", description = "The account's filing subject (主体) and its principal")
public class SubjectResource {

    private final SubjectService subjects;
    private final CurrentAccount account;

    public SubjectResource(SubjectService subjects, CurrentAccount account) {
        this.subjects = subjects;
        this.account = account;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "createSubject", summary = "Register the account's subject (one per account)")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set",
            content = @Content(schema = @Schema(implementation = SubjectView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in errors[]",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The account already has a subject (subjectId names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull CreateSubjectRequest request, UriInfo uri) {
        return subjects.create(account.id(), request.toInput()).map(s -> Response
                .created(uri.getAbsolutePathBuilder().path(s.id.toString()).build())
                .tag(ETags.of(s.version))
                .entity(SubjectView.full(s))
                .build());
    }

    @PUT
    @Path("/{subjectId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "updateSubject", summary = "Edit the account's subject (If-Match required)",
            description = "Allowed until the subject is approved, and while an order is in flight only when its "
                    + "contents are editable; nature, province and certificate then stay fixed. An approved subject "
                    + "changes through a CHANGE order: PUT /api/v1/orders/{orderId}/subject.")
    @APIResponse(responseCode = "200", description = "Edited; new ETag set",
            content = @Content(schema = @Schema(implementation = SubjectView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in errors[]",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subject, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Approved subject, or its order is not editable now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> update(@PathParam("subjectId") String subjectId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull CreateSubjectRequest request) {
        UUID id = Ids.parseOrNotFound(subjectId, "Subject");
        return subjects.update(account.id(), id, ifMatch, request.toInput())
                .map(s -> Response.ok(SubjectView.full(s)).tag(ETags.of(s.version)).build());
    }

    @GET
    @Path("/{subjectId}")
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.AUTHORITY, Roles.ADMIN})
    @Operation(operationId = "getSubject", summary = "One subject: full values for its owner, masked for staff")
    @APIResponse(responseCode = "200", description = "The subject; ETag set",
            content = @Content(schema = @Schema(implementation = SubjectView.class)))
    @APIResponse(responseCode = "404", description = "No such subject, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("subjectId") String subjectId) {
        UUID id = Ids.parseOrNotFound(subjectId, "Subject");
        String caller = account.id();
        return subjects.findVisible(id, caller, account.isStaff()).map(s -> {
            SubjectView view = s.accountId.equals(caller) ? SubjectView.full(s) : SubjectView.masked(s);
            return Response.ok(view).tag(ETags.of(s.version)).build();
        });
    }

    @GET
    @Path("/{subjectId}/findings")
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.AUTHORITY, Roles.ADMIN})
    @Operation(operationId = "getSubjectFindings", summary = "The subject checks' findings, newest first: a "
            + "principal's certificate past its validity (PRINCIPAL_CERTIFICATE_EXPIRED) needs a change filing while "
            + "open; a principal's mobile that no longer receives SMS (MOBILE_UNDELIVERABLE) a change filing or a new "
            + "confirmation of the mobile")
    @APIResponse(responseCode = "404", description = "No such subject, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<SubjectFindingView>> findings(@PathParam("subjectId") String subjectId) {
        return subjects.findings(Ids.parseOrNotFound(subjectId, "Subject"), account.id(), account.isStaff())
                .map(list -> list.stream().map(SubjectFindingView::of).toList());
    }

    @GET
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.AUTHORITY, Roles.ADMIN})
    @Operation(operationId = "listSubjects",
            summary = "Subjects, oldest first: an applicant's own, or every account's (masked) for staff")
    public Uni<Page<SubjectView>> list(
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Cursor.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        Cursor after = Cursor.decode(cursor);
        String caller = account.id();
        String only = account.isStaff() ? null : caller;
        return subjects.page(only, after, limit + 1).map(rows -> Cursor.page(rows, limit,
                s -> new Cursor(s.createdAt, s.id.toString()),
                s -> s.accountId.equals(caller) ? SubjectView.full(s) : SubjectView.masked(s)));
    }
}
