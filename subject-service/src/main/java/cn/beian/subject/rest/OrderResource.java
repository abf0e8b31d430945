package cn.beian.subject.rest;

import cn.beian.contract.order.OrderTrigger;
import cn.beian.platform.json.Json;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.http.AcceptLanguages;
import cn.beian.platform.problem.Problem;
import cn.beian.rules.RuleFinding;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.ETags;
import cn.beian.platform.rest.Ids;
import cn.beian.platform.rest.Page;
import cn.beian.platform.security.CurrentAccount;
import cn.beian.platform.security.Roles;
import cn.beian.subject.service.OrderService;
import cn.beian.subject.service.OrderStream;
import cn.beian.time.BeianClock;
import cn.beian.time.BusinessCalendar;
import io.smallrye.mutiny.Multi;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders", description = "Filing orders (备案订单) and the applicant's moves on them")
public class OrderResource {

    private final OrderService orders;
    private final CurrentAccount account;
    private final BusinessCalendar calendar;
    private final BeianClock clock;
    private final OrderStream stream;
    private final Json json;
    @Context
    HttpHeaders headers;

    public OrderResource(OrderService orders, CurrentAccount account, BusinessCalendar calendar, BeianClock clock,
            OrderStream stream, Json json) {
        this.clock = clock;
        this.json = json;
        this.orders = orders;
        this.account = account;
        this.calendar = calendar;
        this.stream = stream;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "createOrder", summary = "Open a filing order (DRAFT) for the account's subject")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or a missing or wrong filing password "
            + "(remainingAttempts says how many tries are left)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No subject yet, another order in flight (orderId names it), "
            + "or the administration locked the password check (code FILING_PASSWORD_LOCKED, lockedUntil): also the "
            + "answer to the wrong try that locked it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Beian's own limit on filing-password tries for this subject is "
            + "used up (code FILING_PASSWORD_TRIES_EXHAUSTED, remainingAttempts 0, retryAt; Retry-After header): the "
            + "administration was not asked. Also the answer to the wrong try that used up the last one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull CreateOrderRequest request, UriInfo uri) {
        return orders.open(account.id(), account.email(), request.toNewOrder(), english()).map(t -> Response
                .created(uri.getAbsolutePathBuilder().path(t.order().id.toString()).build())
                .tag(ETags.of(t.tag()))
                .entity(view(t))
                .build());
    }

    @GET
    @Path("/{orderId}")
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.AUTHORITY, Roles.ADMIN})
    @Operation(operationId = "getOrder", summary = "One order with its state, next actions, deadline, history and "
            + "findings", description = "findings: every finding on the order — the province rules on its subject, "
            + "website-service's on its websites and domains, materials-service's on its materials — each with its "
            + "field key (a JSON path into the order), rule id, severity, outcome, message and suggestion in the "
            + "language Accept-Language asks for; the blocking ones are what submit is refused with. The ETag moves "
            + "when the findings do.")
    @APIResponse(responseCode = "200", description = "The order; ETag for If-Match",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = "No such order, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("orderId") String orderId) {
        return orders.findVisibleTracked(Ids.parseOrNotFound(orderId, "Order"), account.id(), account.isStaff(),
                english()).map(this::ok);
    }

    @GET
    @Path("/{orderId}/history")
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.AUTHORITY, Roles.ADMIN})
    @Operation(operationId = "listOrderHistory", summary = "The order's whole history, oldest move first, paged (the "
            + "order's view lists only its latest moves)")
    @APIResponse(responseCode = "404", description = "No such order, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<OrderView.HistoryEntry>> history(@PathParam("orderId") String orderId,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Cursor.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        UUID id = Ids.parseOrNotFound(orderId, "Order");
        long after = Cursor.sequenceAfter(Cursor.decode(cursor));
        return orders.historyPage(id, account.id(), account.isStaff(), after, limit + 1).map(rows -> Cursor.page(rows,
                limit, t -> new Cursor(t.at, String.valueOf(t.id)), OrderView.HistoryEntry::of));
    }

    /** @param findings every province rule's finding on the subject this order files */
    public record SubjectFindingsView(List<RuleFinding> findings) {
    }

    @GET
    @Path("/{orderId}/subject-findings")
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.AUTHORITY, Roles.ADMIN})
    @Operation(operationId = "getOrderSubjectFindings", summary = "The province rules' findings on the subject the "
            + "order files: each with its rule id, field key, severity and words in the caller's language; a blocking "
            + "one refuses submission")
    @APIResponse(responseCode = "404", description = "No such order, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SubjectFindingsView> subjectFindings(@PathParam("orderId") String orderId) {
        return orders.subjectFindings(Ids.parseOrNotFound(orderId, "Order"), account.id(), account.isStaff(),
                AcceptLanguages.english(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)))
                .map(SubjectFindingsView::new);
    }

    @GET
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.AUTHORITY, Roles.ADMIN})
    @Operation(operationId = "listOrders", summary = "Orders, oldest first: an applicant's own, or all for staff")
    public Uni<Page<OrderView>> list(
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Cursor.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        Cursor after = Cursor.decode(cursor);
        String only = account.isStaff() ? null : account.id();
        OffsetDateTime now = clock.now();
        return orders.page(only, after, limit + 1).map(rows -> Cursor.page(rows, limit,
                o -> new Cursor(o.createdAt, o.id.toString()), o -> OrderView.of(o, now, calendar, json)));
    }

    @GET
    @Path("/{orderId}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.AUTHORITY, Roles.ADMIN})
    @Operation(operationId = "streamOrderEvents",
            summary = "The order's moves as server-sent events (id = history entry; resume with Last-Event-ID)")
    @OwnOrderOnly
    public Multi<OutboundSseEvent> events(@PathParam("orderId") String orderId,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        // Ownership was checked by OrderAccessFilter before the stream's headers went out.
        UUID id = Ids.parseOrNotFound(orderId, "Order");
        long after = parseEventId(lastEventId);
        // A heartbeat is a comment line (": heartbeat"): EventSource clients ignore it, proxies see traffic.
        return stream.follow(id, after).map(item -> item.heartbeat()
                ? sse.newEventBuilder().comment("heartbeat").build()
                : sse.newEventBuilder()
                    .id(String.valueOf(item.move().id))
                    .name("order.transitioned")
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(OrderView.HistoryEntry.class, OrderView.HistoryEntry.of(item.move()))
                    .build());
    }

    @POST
    @Path("/{orderId}/submit")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "submitOrder", summary = "Submit a DRAFT for initial review (needs If-Match)")
    @APIResponse(responseCode = "409", description = "Not possible in this state, or the order has blocking findings: "
            + "errors[] names each (field = its field key, code RULE_BROKEN, rule = its rule id, message in the "
            + "caller's language, as the order view lists it); a part not judged complete that names no finding is "
            + "WEBSITES_INCOMPLETE / MATERIALS_INCOMPLETE; allowedActions and currentState say what is possible",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> submit(@PathParam("orderId") String orderId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(orderId, ifMatch, OrderTrigger.SUBMIT);
    }

    @POST
    @Path("/{orderId}/resubmit")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "resubmitOrder", summary = "Resubmit a rejected or expired order (needs If-Match)")
    public Uni<Response> resubmit(@PathParam("orderId") String orderId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(orderId, ifMatch, OrderTrigger.RESUBMIT);
    }

    @POST
    @Path("/{orderId}/withdraw")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "withdrawOrder", summary = "Take a submission back while initial review is pending")
    public Uni<Response> withdraw(@PathParam("orderId") String orderId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(orderId, ifMatch, OrderTrigger.WITHDRAW);
    }

    @POST
    @Path("/{orderId}/abandon")
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "abandonOrder", summary = "Give the order up (any state before the authority)")
    public Uni<Response> abandon(@PathParam("orderId") String orderId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(orderId, ifMatch, OrderTrigger.ABANDON);
    }

    private static long parseEventId(String lastEventId) {
        try {
            return lastEventId == null || lastEventId.isBlank() ? 0 : Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidFields(List.of(FieldViolation.of("Last-Event-ID", "INVALID_EVENT_ID",
                    "field.last-event-id-invalid")));
        }
    }

    private Uni<Response> act(String orderId, String ifMatch, OrderTrigger trigger) {
        UUID id = Ids.parseOrNotFound(orderId, "Order");
        return orders.act(account.id(), account.email(), id, ifMatch, trigger,
                english()).map(this::ok);
    }

    private boolean english() {
        return AcceptLanguages.english(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private Response ok(OrderService.Tracked t) {
        return Response.ok(view(t)).tag(ETags.of(t.tag())).build();
    }

    private OrderView view(OrderService.Tracked t) {
        return OrderView.of(t, clock.now(), calendar, json);
    }
}
