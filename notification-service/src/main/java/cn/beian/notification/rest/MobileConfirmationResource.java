package cn.beian.notification.rest;

import cn.beian.notification.service.MobileConfirmationService;
import cn.beian.platform.problem.Problem;
import cn.beian.platform.rest.Ids;
import cn.beian.platform.security.CurrentAccount;
import cn.beian.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An applicant confirms the mobile numbers it enters (subject principal, website principals) with a code texted to
 * them, so that a wrong number is caught at the form rather than when the administration's SMS verification fails.
 */
@Path("/api/v1/mobile-confirmations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Mobile confirmations", description = "Confirming an applicant's mobile numbers by an SMS code")
@RolesAllowed(Roles.APPLICANT)
public class MobileConfirmationResource {

    private final MobileConfirmationService confirmations;
    private final CurrentAccount account;

    public MobileConfirmationResource(MobileConfirmationService confirmations, CurrentAccount account) {
        this.confirmations = confirmations;
        this.account = account;
    }

    @POST
    @Operation(operationId = "requestMobileConfirmation", summary = "Texts a 6-digit code to the mobile at once "
            + "(valid 10 minutes)")
    @APIResponse(responseCode = "201", description = "The code was handed to the SMS gateway",
            content = @Content(schema = @Schema(implementation = MobileConfirmationView.class)))
    @APIResponse(responseCode = "400", description = "Not a mainland mobile number (field mobile)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "A code was sent to this mobile within 60 s, or 10 today, or "
            + "this account asked for 20 within an hour; Retry-After says when to ask again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The SMS gateway did not take the code; ask again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> request(RequestMobileConfirmationRequest body) {
        return confirmations.issue(account.id(), body == null ? null : body.mobile())
                .map(i -> Response.created(URI.create("/api/v1/mobile-confirmations/" + i.confirmation().id))
                        .entity(MobileConfirmationView.of(i)).build());
    }

    @POST
    @Path("/{confirmationId}/confirm")
    @Operation(operationId = "confirmMobile", summary = "Enters the code texted to the mobile")
    @APIResponse(responseCode = "200", description = "Confirmed (also when it was confirmed already)",
            content = @Content(schema = @Schema(implementation = MobileConfirmationView.class)))
    @APIResponse(responseCode = "400", description = "The code is wrong (CONFIRMATION_CODE_WRONG, field code, "
            + "attemptsLeft) or missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such confirmation, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The code expired (MOBILE_CONFIRMATION_EXPIRED) or too many "
            + "wrong codes were entered (MOBILE_CONFIRMATION_SPENT): ask for a new code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MobileConfirmationView> confirm(@PathParam("confirmationId") String confirmationId,
            ConfirmMobileRequest body) {
        return confirmations.confirm(account.id(), Ids.parseOrNotFound(confirmationId, "MobileConfirmation"),
                body == null ? null : body.code()).map(MobileConfirmationView::of);
    }
}
