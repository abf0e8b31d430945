package cn.beian.website.rest;

import cn.beian.website.service.AccessDecision;
import cn.beian.website.service.AccessPolicy;
import cn.beian.website.service.EdgeGatekeeper;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/access-policy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access policy", description = "For the edge gateway: may a host name be served here (docs/domain.md §4)")
public class AccessPolicyResource {

    private final AccessPolicy policy;
    private final EdgeGatekeeper gatekeeper;

    public AccessPolicyResource(AccessPolicy policy, EdgeGatekeeper gatekeeper) {
        this.policy = policy;
        this.gatekeeper = gatekeeper;
    }

    /**
     * Authenticated by {@link EdgeGatekeeper} (role edge-gateway or admin, token verified once per token) rather than
     * per request by the framework, and answered on the event loop from memory.
     */
    @GET
    @NonBlocking
    @PermitAll
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(operationId = "decideAccess", summary = "May this host be served here, and why not (edge-gateway "
            + "client; answered from memory kept current by events)")
    @APIResponse(responseCode = "200", description = "The decision; allowed=false carries the reason")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the edge-gateway role")
    public Uni<AccessDecision> decide(@QueryParam("host") String host,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (gatekeeper.known(authorization)) {
            return Uni.createFrom().item(policy.decide(host));
        }
        return gatekeeper.check(authorization).map(x -> policy.decide(host));
    }
}
