package cn.beian.subject.rest;

import cn.beian.platform.problem.Problem;
import cn.beian.platform.security.CurrentAccount;
import cn.beian.platform.security.Roles;
import cn.beian.subject.service.FilingTypeDecider;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/filing-type-decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class FilingTypeDecisionResource {

    private final FilingTypeDecider decider;
    private final CurrentAccount account;

    public FilingTypeDecisionResource(FilingTypeDecider decider, CurrentAccount account) {
        this.decider = decider;
        this.account = account;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "decideFilingType",
            summary = "Decide the filing type (first filing, new website, access filing) or list the conflicts")
    @APIResponse(responseCode = "200", description = "The type, or the conflicts with what to do about each",
            content = @Content(schema = @Schema(implementation = FilingTypeDecision.class)))
    @APIResponse(responseCode = "503", description = "The national registry cannot be reached",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<FilingTypeDecision> decide(@Valid @NotNull FilingTypeDecisionRequest request) {
        return decider.decide(account.id(), request.toQuestion()).map(FilingTypeDecision::of);
    }
}
