package cn.beian.subject.rest;

import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.Problem;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.ETags;
import cn.beian.platform.rest.Ids;
import cn.beian.platform.rest.Page;
import cn.beian.platform.security.CurrentAccount;
import cn.beian.platform.security.Roles;
import cn.beian.subject.domain.PreparedOrder;
import cn.beian.subject.service.PreparedOrderService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/prepared-orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Prepared orders (staff)", description = "Cancel-access orders prepared for empty shells past their "
        + "grace period, for staff to confirm or dismiss")
public class AdminPreparedOrderResource {

    private final PreparedOrderService prepared;
    private final CurrentAccount account;

    public AdminPreparedOrderResource(PreparedOrderService prepared, CurrentAccount account) {
        this.prepared = prepared;
        this.account = account;
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(operationId = "listPreparedOrders", summary = "Prepared cancel-access orders, oldest first "
            + "(state PREPARED: those waiting for staff)")
    @APIResponse(responseCode = "400", description = "An unknown state (PREPARED_ORDER_STATE_UNKNOWN) or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<PreparedOrderView>> list(@QueryParam("state") String state,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Cursor.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        PreparedOrder.State only = state(state);
        Cursor after = Cursor.decode(cursor);
        return prepared.page(only, after, limit + 1).map(rows -> Cursor.page(rows, limit,
                p -> new Cursor(p.preparedAt, p.id.toString()), PreparedOrderView::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(operationId = "getPreparedOrder", summary = "One prepared cancel-access order; ETag for If-Match")
    @APIResponse(responseCode = "404", description = "No such prepared order",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return prepared.find(Ids.parseOrNotFound(id, "PreparedOrder")).map(AdminPreparedOrderResource::ok);
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(operationId = "confirmPreparedOrder", summary = "Confirm: open the provider's cancel-access order for "
            + "the website (orderId), which the provider submits once its parts are complete")
    @APIResponse(responseCode = "200", description = "Confirmed; orderId names the cancel-access order",
            content = @Content(schema = @Schema(implementation = PreparedOrderView.class)))
    @APIResponse(responseCode = "409", description = "Already decided or withdrawn (PREPARED_ORDER_DECIDED, "
            + "currentState, orderId), or refused as an applicant's cancel-access order would be (another order in "
            + "flight, the website closed or held by an order)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> confirm(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return prepared.confirm(Ids.parseOrNotFound(id, "PreparedOrder"), ifMatch, account.id())
                .map(AdminPreparedOrderResource::ok);
    }

    @POST
    @Path("/{id}/dismiss")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(operationId = "dismissPreparedOrder", summary = "Dismiss: no cancel-access order for this finding")
    @APIResponse(responseCode = "200", description = "Dismissed",
            content = @Content(schema = @Schema(implementation = PreparedOrderView.class)))
    @APIResponse(responseCode = "409", description = "Already decided or withdrawn (PREPARED_ORDER_DECIDED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> dismiss(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return prepared.dismiss(Ids.parseOrNotFound(id, "PreparedOrder"), ifMatch, account.id())
                .map(AdminPreparedOrderResource::ok);
    }

    private static Response ok(PreparedOrder p) {
        return Response.ok(PreparedOrderView.of(p)).tag(ETags.of(p.version)).build();
    }

    private static PreparedOrder.State state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        return Arrays.stream(PreparedOrder.State.values()).filter(s -> s.name().equals(state)).findFirst()
                .orElseThrow(() -> ProblemException.invalidFields(List.of(FieldViolation.of("state",
                        "PREPARED_ORDER_STATE_UNKNOWN", "field.prepared-order-state-unknown"))));
    }
}
