package cn.beian.website.rest;

import cn.beian.platform.security.Roles;
import cn.beian.website.service.AccessDecision;
import cn.beian.website.service.AccessPolicy;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/access-policy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access policy", description = "For the edge gateway: may a host name be served here (domain.md §4)")
public class AccessPolicyResource {

    private final AccessPolicy policy;

    public AccessPolicyResource(AccessPolicy policy) {
        this.policy = policy;
    }

    @GET
    @NonBlocking
    @RolesAllowed({Roles.EDGE_GATEWAY, Roles.ADMIN})
    @Operation(operationId = "decideAccess", summary = "May this host be served here, and why not (answered from "
            + "memory kept current by events)")
    @APIResponse(responseCode = "200", description = "The decision; allowed=false carries the reason")
    public AccessDecision decide(@QueryParam("host") String host) {
        return policy.decide(host);
    }
}
