package cn.beian.platform.inbox;

import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.Page;
import cn.beian.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators' view of the events this service parked (docs/architecture.md → Events): which aggregates wait, on
 * what, and since when; replay an aggregate once its cause is fixed, or skip its first event when it can never
 * apply. The events' data is never shown: it may carry personal data.
 */
@Path("/api/v1/admin/parked-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
@RolesAllowed(Roles.ADMIN)
public class ParkedEventsResource {

    private final ParkedEvents parked;

    public ParkedEventsResource(ParkedEvents parked) {
        this.parked = parked;
    }

    @GET
    @Operation(operationId = "listParkedEvents", summary = "Aggregates whose events are parked, oldest first",
            description = "Narrowed by producer (source), by aggregate (e.g. an order id, every producer's), or both.")
    public Uni<Page<ParkedEvents.ParkedAggregate>> list(@QueryParam("source") @Size(max = 200) String source,
            @QueryParam("aggregateId") @Size(max = 200) String aggregateId,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Cursor.MAX_LIMIT) int limit,
            @QueryParam("cursor") String cursor) {
        Cursor after = Cursor.decode(cursor);
        if (after != null && after.id().indexOf('|') < 0) {
            throw ProblemException.invalid("cursor", "INVALID_CURSOR", "not a cursor this list gave");
        }
        return parked.list(source, aggregateId, after, limit + 1)
                .map(rows -> Cursor.page(rows, limit, ParkedEvents::position, row -> row));
    }

    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replayParkedEvents",
            summary = "Apply an aggregate's parked events in order, up to the first that fails or is missing")
    public Uni<ParkedEvents.Drained> replay(@Valid @NotNull ParkedAggregateRef ref) {
        return parked.drain(ref.source(), ref.aggregateId());
    }

    @POST
    @Path("/skip")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "skipParkedEvent",
            summary = "Record an aggregate's first parked event as handled without applying it, then replay the rest")
    public Uni<ParkedEvents.Drained> skip(@Valid @NotNull ParkedAggregateRef ref) {
        return parked.list(ref.source(), ref.aggregateId(), null, 1).chain(found -> {
            if (found.isEmpty()) {
                throw ProblemException.notFound("Parked aggregate");
            }
            if (!found.get(0).headEventId().equals(ref.eventId())) {
                throw ProblemException.invalid("eventId", "NOT_FIRST_PARKED",
                        "only the aggregate's first parked event (" + found.get(0).headEventId() + ") can be skipped");
            }
            return parked.skipHead(ref.source(), ref.aggregateId());
        });
    }

    /**
     * @param eventId for a skip: the parked event to skip, which must be the aggregate's first (guards against
     *                skipping a different event than the one the operator looked at)
     */
    public record ParkedAggregateRef(@NotBlank @Size(max = 200) String source,
            @NotBlank @Size(max = 200) String aggregateId, @Size(max = 200) String eventId) {
    }
}
