package cn.beian.website.rest;

import cn.beian.platform.http.AcceptLanguages;
import cn.beian.platform.problem.Problem;
import cn.beian.platform.security.Roles;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Outcome;
import cn.beian.rules.RuleFinding;
import cn.beian.website.service.PreCheckService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The stateless pre-check: a whole order document in, every rule's finding out, nothing stored. */
@Path("/api/v1/pre-checks")
@Tag(name = "Pre-checks", description = "Every province rule judged on an order as the applicant types it")
public class PreCheckResource {

    /**
     * @param findings     every finding, in the rule data's order
     * @param blocking     how many would refuse submission
     * @param undetermined how many rules could not be judged yet (and why is in their message)
     */
    public record PreCheckView(List<RuleFinding> findings, long blocking, long undetermined) {

        static PreCheckView of(List<RuleFinding> findings) {
            return new PreCheckView(findings, findings.stream().filter(RuleFinding::blocks).count(),
                    findings.stream().filter(f -> f.outcome() == Outcome.UNDETERMINED).count());
        }
    }

    private final PreCheckService service;

    public PreCheckResource(PreCheckService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "preCheckOrder", summary = "Judge a whole order document against every rule of its "
            + "province, nature and filing type; nothing is stored")
    @APIResponse(responseCode = "200", description = "The findings, each with its rule id, field key and severity",
            content = @Content(schema = @Schema(implementation = PreCheckView.class)))
    @APIResponse(responseCode = "400", description = "A malformed document: each bad field named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PreCheckView> check(OrderDocument order, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return service.check(order, AcceptLanguages.english(language)).map(PreCheckView::of);
    }
}
