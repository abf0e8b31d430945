package cn.beian.subject.rest;

import cn.beian.platform.problem.Problem;
import cn.beian.platform.rest.ETags;
import cn.beian.platform.security.Roles;
import cn.beian.subject.service.ServerService;
import cn.beian.time.BeianClock;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/servers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Servers (admin)", description = "The provider's server inventory")
public class AdminServerResource {

    private final ServerService servers;
    private final BeianClock clock;

    public AdminServerResource(ServerService servers, BeianClock clock) {
        this.servers = servers;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "registerServer", summary = "Register a server of the inventory for an account")
    @APIResponse(responseCode = "201", description = "Registered; Location names the account's view of it",
            content = @Content(schema = @Schema(implementation = ServerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in errors[] (e.g. "
            + "IP_ADDRESS_NOT_PUBLIC, INVALID_IP_ADDRESS on publicIp; NOT_NULL on purchasedMonths for PREPAID)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The instance id is already registered (instanceId names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> register(@Valid @NotNull RegisterServerRequest request) {
        return servers.register(request.toRegistration()).map(s -> Response
                .created(UriBuilder.fromPath("/api/v1/servers/{id}").build(s.id))
                .tag(ETags.of(s.version))
                .entity(ServerView.of(s, clock.now()))
                .build());
    }
}
