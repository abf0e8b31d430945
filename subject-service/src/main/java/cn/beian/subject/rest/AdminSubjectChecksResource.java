package cn.beian.subject.rest;

import cn.beian.platform.security.Roles;
import cn.beian.subject.service.SubjectChecks;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/subject-checks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subject checks (admin)", description = "Approved subjects whose principal's certificate expired")
public class AdminSubjectChecksResource {

    /** What a round did: findings raised and resolved. */
    public record RoundView(int raised, int resolved) {
    }

    private final SubjectChecks checks;

    public AdminSubjectChecksResource(SubjectChecks checks) {
        this.checks = checks;
    }

    @POST
    @Path("/run")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "runSubjectChecks", summary = "Run a round of the subject checks now (they also run "
            + "every hour): an approved subject's principal certificate past its validity raised once; safe alongside "
            + "other replicas")
    public Uni<RoundView> run() {
        return checks.runRound().map(r -> new RoundView(r.raised(), r.resolved()));
    }
}
