package cn.beian.subject.rest;

import cn.beian.platform.security.Roles;
import cn.beian.subject.service.OrderClockJob;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/order-clock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Order clock (admin)", description = "Idle milestones and 45-day expiry of orders")
public class AdminOrderClockResource {

    private final OrderClockJob job;

    public AdminOrderClockResource(OrderClockJob job) {
        this.job = job;
    }

    @POST
    @Path("/run")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "runOrderClock", summary = "Run a round of the order clock now (it also runs every "
            + "10 s): reminders at 7/15/30 idle days, expiry at 45; safe alongside other replicas")
    public Uni<OrderClockRoundView> run() {
        return job.runRound().map(OrderClockRoundView::of);
    }
}
