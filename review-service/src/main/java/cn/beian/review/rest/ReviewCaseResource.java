package cn.beian.review.rest;

import cn.beian.contract.events.review.ReviewKind;
import cn.beian.platform.http.AcceptLanguages;
import cn.beian.platform.json.Json;
import cn.beian.platform.problem.Problem;
import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.ETags;
import cn.beian.platform.rest.Ids;
import cn.beian.platform.rest.Page;
import cn.beian.platform.security.CurrentAccount;
import cn.beian.platform.security.Roles;
import cn.beian.review.config.ReviewConfig;
import cn.beian.review.domain.CaseStatus;
import cn.beian.review.domain.ReviewCase;
import cn.beian.review.service.CaseQueries;
import cn.beian.review.service.ChecklistService;
import cn.beian.review.service.QueueService;
import cn.beian.time.BeianClock;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/review-cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
@Tag(name = "Review queue", description = "Initial, photo and re-review cases; claim with a lease, release, answer "
        + "the checklist, decide (four-eyes over blocking findings and failed items)")
@APIResponse(responseCode = "401", description = "No or invalid token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a reviewer",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ReviewCaseResource {

    private final String materialsUrl;
    private final QueueService queue;
    private final CaseQueries queries;
    private final ChecklistService checklist;
    private final CurrentAccount account;
    private final BeianClock clock;
    private final Json json;

    public ReviewCaseResource(QueueService queue, CaseQueries queries, ChecklistService checklist,
            CurrentAccount account, BeianClock clock, Json json, ReviewConfig config) {
        this.materialsUrl = config.materialsUrl();
        this.queue = queue;
        this.queries = queries;
        this.checklist = checklist;
        this.account = account;
        this.clock = clock;
        this.json = json;
    }

    @GET
    @Operation(operationId = "listReviewCases", summary = "The queue, oldest first, with SLA due times and overdue "
            + "marks (default status OPEN and ASSEMBLING; cases still waiting for snapshots show complete=false and what "
            + "they miss); filters kind, status (repeatable, e.g. APPROVED for history), orderId")
    public Uni<Page<CaseView>> list(
            @QueryParam("kind") ReviewKind kind,
            @QueryParam("status") List<CaseStatus> status,
            @QueryParam("orderId") String orderId,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Cursor.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        OffsetDateTime now = clock.now();
        return queries.queue(status, kind, orderId, Cursor.decode(cursor), limit + 1).map(rows -> Cursor.page(rows, limit,
                e -> new Cursor(e.c().openedAt, e.c().id.toString()), e -> CaseView.of(e, now, json)));
    }

    @POST
    @Path("/claim")
    @Operation(operationId = "claimNextReviewCase",
            summary = "Claim the oldest claimable case (of a kind, if given) with a lease; 204 when the queue is empty")
    @APIResponse(responseCode = "200", description = "Claimed; ETag = the version a decision must carry",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "204", description = "Nothing to claim")
    public Uni<Response> claimNext(@QueryParam("kind") ReviewKind kind) {
        String reviewer = account.id();
        return queue.claimNext(reviewer, kind).map(e -> e.isEmpty() ? Response.noContent().build()
                : Response.ok(CaseView.of(e.get(), clock.now(), json)).tag(ETags.of(e.get().c().version)).build());
    }

    @GET
    @Path("/{caseId}")
    @Operation(operationId = "getReviewCase", summary = "A case with its snapshot, findings, history, notes and trail; "
            + "personal data in full only for the reviewer holding the case's live claim (the read is recorded in the "
            + "trail as PERSONAL_DATA_READ), masked for everyone else and for closed cases")
    @APIResponse(responseCode = "200", description = "The case; ETag = its version; personalData FULL or MASKED",
            content = @Content(schema = @Schema(implementation = CaseDetailView.class)))
    @APIResponse(responseCode = "404", description = "No such case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("caseId") String caseId,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        UUID id = Ids.parseOrNotFound(caseId, "ReviewCase");
        OffsetDateTime now = clock.now();
        return queries.detail(id, account.id(), now, AcceptLanguages.english(language)).map(d -> Response.ok(CaseDetailView.of(d, now, json,
                materialsUrl)).tag(ETags.of(d.entry().c().version)).build());
    }

    @POST
    @Path("/{caseId}/claim")
    @Operation(operationId = "claimReviewCase", summary = "Claim this case with a lease")
    @APIResponse(responseCode = "200", description = "Claimed",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Claimed by another reviewer, still assembling, or closed "
            + "(code CLAIMED_BY_ANOTHER, CASE_ASSEMBLING, CASE_CLOSED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> claim(@PathParam("caseId") String caseId) {
        String reviewer = account.id();
        return queue.claim(Ids.parseOrNotFound(caseId, "ReviewCase"), reviewer).chain(this::view);
    }

    @POST
    @Path("/{caseId}/release")
    @Operation(operationId = "releaseReviewCase", summary = "Give a claimed case back to the queue")
    @APIResponse(responseCode = "200", description = "Released",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not claimed by you, or your lease ran out "
            + "(code NOT_CLAIMED, LEASE_EXPIRED, CASE_CLOSED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> release(@PathParam("caseId") String caseId) {
        String reviewer = account.id();
        return queue.release(Ids.parseOrNotFound(caseId, "ReviewCase"), reviewer).chain(this::view);
    }

    @POST
    @Path("/{caseId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideReviewCase",
            summary = "Approve or reject (with reasons) the claimed case, naming the version seen. Four-eyes: an "
            + "approval of a case with a blocking finding or a failed checklist item is only requested (202, the claim "
            + "given back); a second, different reviewer claims the case and approves (decided) or rejects it here")
    @APIResponse(responseCode = "200", description = "Decided; the event is in the outbox",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "202", description = "Approval requested: the case stays OPEN, released, with "
            + "approvalRequestedBy, until a second reviewer approves or rejects it",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "A rejection without reasons (REASONS_REQUIRED), a field key not "
            + "in the snapshot (FIELD_KEY_NOT_IN_SNAPSHOT), an unknown code (UNKNOWN_REASON_CODE); each named in errors[]",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not claimed by you (NOT_CLAIMED), lease ran out (LEASE_EXPIRED), "
            + "stale version (STALE_VERSION, currentVersion), already decided (CASE_CLOSED), or the reviewer who "
            + "requested the approval approving again (SECOND_REVIEWER_REQUIRED), or, where the checklist must be "
            + "complete, an item unanswered (CHECKLIST_INCOMPLETE, unansweredItems)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> decide(@PathParam("caseId") String caseId, @Valid @NotNull DecisionRequest request) {
        String reviewer = account.id();
        return queue.decide(Ids.parseOrNotFound(caseId, "ReviewCase"), reviewer, request.version(),
                request.decision() == DecisionRequest.Decision.APPROVE, request.reasons())
                .chain(c -> view(c, c.status == CaseStatus.OPEN ? Response.Status.ACCEPTED : Response.Status.OK));
    }

    @PUT
    @Path("/{caseId}/checklist/{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "answerReviewChecklistItem", summary = "Tick or fail (with a reason) an item of the "
            + "case's checklist; only the reviewer holding the case's claim, with the case's ETag as If-Match. A "
            + "failed item makes an approval need a second reviewer")
    @APIResponse(responseCode = "200", description = "Answered; ETag = the case's new version",
            content = @Content(schema = @Schema(implementation = ChecklistItemView.class)))
    @APIResponse(responseCode = "400", description = "FAILED without a reason (REASON_REQUIRED), a reason too long, "
            + "an unknown outcome; each named in errors[]",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case, or no such item on its checklist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not claimed by you (NOT_CLAIMED), lease ran out "
            + "(LEASE_EXPIRED), still assembling (CASE_ASSEMBLING), closed (CASE_CLOSED), or an approval waits for a "
            + "second reviewer (APPROVAL_REQUESTED: the checklist it rests on is fixed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> answer(@PathParam("caseId") String caseId, @PathParam("itemId") String itemId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @Valid @NotNull AnswerChecklistItemRequest request) {
        String reviewer = account.id();
        return checklist.answer(Ids.parseOrNotFound(caseId, "ReviewCase"), itemId, reviewer, ifMatch,
                        request.outcome(), request.reason(), AcceptLanguages.english(language))
                .map(a -> Response.ok(ChecklistItemView.of(a.line())).tag(ETags.of(a.reviewCase().version)).build());
    }

    @POST
    @Path("/{caseId}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addReviewNote", summary = "Add an internal note (reviewers only, never the applicant)")
    @APIResponse(responseCode = "201", description = "Noted",
            content = @Content(schema = @Schema(implementation = CaseDetailView.NoteView.class)))
    @APIResponse(responseCode = "400", description = "Blank or too long (errors[] names text)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> note(@PathParam("caseId") String caseId, @Valid @NotNull NoteRequest request) {
        String author = account.id();
        return queue.note(Ids.parseOrNotFound(caseId, "ReviewCase"), author, request.text())
                .map(n -> Response.status(201).entity(CaseDetailView.NoteView.of(n)).build());
    }

    private Uni<Response> view(ReviewCase c) {
        return view(c, Response.Status.OK);
    }

    private Uni<Response> view(ReviewCase c, Response.Status status) {
        return queries.entry(c).map(e -> Response.status(status).entity(CaseView.of(e, clock.now(), json))
                .tag(ETags.of(c.version)).build());
    }
}
