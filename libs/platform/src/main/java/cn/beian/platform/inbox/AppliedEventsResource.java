package cn.beian.platform.inbox;

import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.Page;
import cn.beian.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators' view of what this service consumed and applied, in the order it applied it. */
@Path("/api/v1/admin/applied-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
@RolesAllowed(Roles.ADMIN)
public class AppliedEventsResource {

    private final AppliedEvents applied;

    public AppliedEventsResource(AppliedEvents applied) {
        this.applied = applied;
    }

    @GET
    @Operation(operationId = "listAppliedEvents", summary = "Events this service applied, in the order applied",
            description = "Narrowed by aggregate (e.g. an order id), by event type, or both. Unknown types are "
                    + "listed with known=false: recorded, then skipped.")
    public Uni<Page<AppliedEvents.AppliedEvent>> list(@QueryParam("aggregateId") @Size(max = 200) String aggregateId,
            @QueryParam("type") @Size(max = 200) String type,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Cursor.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        return applied.list(aggregateId, type, Cursor.decode(cursor), limit + 1)
                .map(rows -> Cursor.page(rows, limit, AppliedEvents::position, row -> row));
    }
}
