package cn.beian.subject.rest;

import cn.beian.platform.problem.Problem;
import cn.beian.platform.rest.Ids;
import cn.beian.platform.security.Roles;
import cn.beian.subject.service.HostingService;
import cn.beian.subject.service.HostingService.Hosting;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The servers an order's websites are hosted on, for website-service (machine clients only). */
@Path("/api/v1/service/orders/{orderId}/hosting")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Hosting (service)", description = "Servers and authorization codes resolved when a website is saved")
public class HostingResource {

    private final HostingService hosting;

    public HostingResource(HostingService hosting) {
        this.hosting = hosting;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SERVICE)
    @Operation(operationId = "settleHosting", summary = "Resolve a website's servers and make the order's websites "
            + "hold exactly these authorization codes (idempotent)")
    @APIResponse(responseCode = "200", description = "The servers and codes resolved, in the order asked",
            content = @Content(schema = @Schema(implementation = Hosting.class)))
    @APIResponse(responseCode = "400", description = "Refused entries, each named in errors[] (serverIds[k]: "
            + "SERVER_NOT_FOUND, SERVER_NOT_ELIGIBLE; authorizationCodes[k]: AUTHORIZATION_CODE_UNKNOWN, _OWN_SERVER, "
            + "_EXPIRED, _SPENT, SERVER_NOT_ELIGIBLE); no code changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such order of that account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The order may not be edited, or another order holds a code "
            + "(AUTHORIZATION_CODE_IN_USE in errors[]); no code changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Hosting> settle(@PathParam("orderId") String orderId, @Valid @NotNull HostingRequest request) {
        return hosting.settle(request.accountId(), Ids.parseOrNotFound(orderId, "Order"), request.serverIds(),
                request.authorizationCodes());
    }
}
