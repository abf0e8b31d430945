package cn.beian.review.rest;

import cn.beian.national.client.FeedEntryType;
import cn.beian.national.client.FilingStatus;
import cn.beian.national.client.IssuedNumbers;
import cn.beian.national.client.Reason;
import cn.beian.platform.problem.Problem;
import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.Page;
import cn.beian.platform.security.CurrentAccount;
import cn.beian.platform.security.Roles;
import cn.beian.review.service.CaseQueries;
import cn.beian.review.service.ManualOutcomes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/authority-submissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authority gateway", description = "Submissions to the administration and their outcomes")
public class AuthorityResource {

    private final CaseQueries queries;
    private final ManualOutcomes manual;
    private final CurrentAccount account;

    public AuthorityResource(CaseQueries queries, ManualOutcomes manual, CurrentAccount account) {
        this.queries = queries;
        this.manual = manual;
        this.account = account;
    }

    @GET
    @RolesAllowed({Roles.AUTHORITY, Roles.REVIEWER, Roles.ADMIN})
    @Operation(operationId = "listAuthoritySubmissions", summary = "Submissions, newest first: all, or an order's")
    public Uni<Page<SubmissionView>> list(@QueryParam("orderId") String orderId,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Cursor.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        return queries.submissions(orderId, Cursor.decode(cursor), limit + 1).map(rows -> Cursor.page(rows, limit,
                s -> new Cursor(s.createdAt, s.submissionId), SubmissionView::of));
    }

    @GET
    @Path("/{submissionId}")
    @RolesAllowed({Roles.AUTHORITY, Roles.REVIEWER, Roles.ADMIN})
    @Operation(operationId = "getAuthoritySubmission", summary = "One submission and where it stands")
    @APIResponse(responseCode = "404", description = "No such submission",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SubmissionView> get(@PathParam("submissionId") String submissionId) {
        return queries.submission(submissionId).map(SubmissionView::of);
    }

    @POST
    @Path("/{submissionId}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUTHORITY)
    @Operation(operationId = "recordAuthorityOutcome", summary = "Record the administration's outcome by hand "
            + "(portal-only administrations): the same events as from the feed, plus an audit entry")
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "400", description = "An approval without the subject number, a rejection without "
            + "reasons (errors[] names the field)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such submission",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already decided (currentStatus)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SubmissionView> record(@PathParam("submissionId") String submissionId,
            @Valid @NotNull OutcomeRequest request) {
        String staff = account.id();
        ManualOutcomes.Outcome outcome = new ManualOutcomes.Outcome(FeedEntryType.valueOf(request.outcome().name()),
                request.subjectFilingNumber(), request.websites() == null ? null : request.websites().stream()
                        .map(w -> new IssuedNumbers.Website(w.name(), w.domains(), w.websiteFilingNumber(),
                                FilingStatus.NORMAL)).toList(),
                request.reasons() == null ? null
                        : request.reasons().stream().map(r -> new Reason(r.code(), r.message(), r.field())).toList());
        return manual.record(submissionId, outcome, staff).map(SubmissionView::of);
    }
}
