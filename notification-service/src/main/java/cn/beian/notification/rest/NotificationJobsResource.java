package cn.beian.notification.rest;

import cn.beian.notification.service.DeliveryDispatcher;
import cn.beian.notification.service.PoliceReminderJob;
import cn.beian.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs the police-reminder round and a dispatch round now (after moving the clock on the local stack, say). */
@Path("/api/v1/admin/notification-jobs/run")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
@RolesAllowed({Roles.ADMIN, Roles.SERVICE})
public class NotificationJobsResource {

    private final PoliceReminderJob police;
    private final DeliveryDispatcher dispatcher;

    public NotificationJobsResource(PoliceReminderJob police, DeliveryDispatcher dispatcher) {
        this.police = police;
        this.dispatcher = dispatcher;
    }

    public record JobRun(int policeReminders, int sent, int failed) {
    }

    @POST
    @Operation(operationId = "runNotificationJobs", summary = "Run the police-reminder round, then send what is due")
    public Uni<JobRun> run() {
        return police.runRound().chain(n -> dispatcher.runRound().map(r -> new JobRun(n, r.sent(), r.failed())));
    }
}
