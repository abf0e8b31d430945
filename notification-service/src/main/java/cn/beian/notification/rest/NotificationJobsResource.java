package cn.beian.notification.rest;

import cn.beian.notification.service.DeliveryDispatcher;
import cn.beian.notification.service.PoliceReminderJob;
import cn.beian.notification.service.SmsReportJob;
import cn.beian.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Runs the police-reminder round, a dispatch round and a round of the SMS delivery reports now (after moving the clock
 * on the local stack, say).
 */
@Path("/api/v1/admin/notification-jobs/run")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
@RolesAllowed({Roles.ADMIN, Roles.SERVICE})
public class NotificationJobsResource {

    private final PoliceReminderJob police;
    private final DeliveryDispatcher dispatcher;
    private final SmsReportJob reports;

    public NotificationJobsResource(PoliceReminderJob police, DeliveryDispatcher dispatcher, SmsReportJob reports) {
        this.police = police;
        this.dispatcher = dispatcher;
        this.reports = reports;
    }

    /** What ran: reminders written, messages sent and failed, SMS reports recorded, mobiles found undeliverable. */
    public record JobRun(int policeReminders, int sent, int failed, int smsReports, int mobilesUndeliverable) {
    }

    @POST
    @Operation(operationId = "runNotificationJobs", summary = "Run the police-reminder round, send what is due, "
            + "then read the SMS provider's delivery reports")
    public Uni<JobRun> run() {
        return police.runRound().chain(n -> dispatcher.runRound().chain(d -> reports.runRound()
                .map(r -> new JobRun(n, d.sent(), d.failed(), r.recorded(), r.undeliverable()))));
    }
}
