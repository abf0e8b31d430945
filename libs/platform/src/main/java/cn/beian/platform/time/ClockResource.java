package cn.beian.platform.time;

import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.platform.security.Roles;
import cn.beian.time.BeianClock;
import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reads and moves this service's clock: tests and demos jump 45 days ahead. Refused (409) wherever the clock
 * is not adjustable, which is the production default.
 */
@Path("/api/v1/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
@RolesAllowed({Roles.ADMIN, Roles.SERVICE})
public class ClockResource {

    private final BeianClock clock;

    public ClockResource(BeianClock clock) {
        this.clock = clock;
    }

    @GET
    @Operation(operationId = "getClock", summary = "This service's current time and offset")
    public ClockView get() {
        return view();
    }

    @PUT
    @Operation(operationId = "setClockOffset", summary = "Move this service's clock (local stack and tests only)")
    public ClockView set(@Valid @NotNull ClockOffset request) {
        if (!clock.isAdjustable()) {
            throw new ProblemException(ProblemType.CONFLICT, "The clock of this deployment cannot be moved")
                    .with("adjustable", false);
        }
        clock.setOffset(request.offset());
        return view();
    }

    private ClockView view() {
        return new ClockView(clock.now(), clock.offset(), clock.shift(), clock.isAdjustable());
    }

    /** @param offset ISO-8601 duration added to real time, e.g. {@code P45D} */
    public record ClockOffset(@NotNull Duration offset) {
    }

    /**
     * @param offset the movable offset
     * @param shift  the fixed shift the service started with (zero but in shifted test runs); the offset is on top
     */
    public record ClockView(OffsetDateTime now, @JsonFormat(shape = JsonFormat.Shape.STRING) Duration offset,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Duration shift, boolean adjustable) {
    }
}
