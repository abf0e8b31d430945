package cn.beian.notification.rest;

import cn.beian.notification.service.ReceivedEventService;
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

@Path("/api/v1/admin/received-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "What this service has consumed")
@RolesAllowed(Roles.ADMIN)
public class ReceivedEventResource {

    private final ReceivedEventService received;

    public ReceivedEventResource(ReceivedEventService received) {
        this.received = received;
    }

    @GET
    @Operation(operationId = "listReceivedEvents", summary = "Events applied by notification-service, in arrival order")
    public Uni<Page<ReceivedEventView>> list(
            @QueryParam("aggregateId") @Size(max = 100) String aggregateId,
            @QueryParam("type") @Size(max = 100) String type,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Cursor.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        Cursor after = Cursor.decode(cursor);
        return received.page(aggregateId, type, after, limit + 1).map(rows -> Cursor.page(rows, limit,
                e -> new Cursor(e.receivedAt, e.id.toString()), ReceivedEventView::of));
    }
}
