package cn.beian.national.rest;

import cn.beian.national.client.DomainRegistration;
import cn.beian.national.service.AdminService;
import cn.beian.platform.problem.Problem;
import cn.beian.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/domain-registrations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SERVICE, Roles.ADMIN})
@Tag(name = "Domain registries", description = "What WHOIS and the registries' real-name system say about a domain")
public class DomainRegistrationResource {

    private final AdminService admin;

    public DomainRegistrationResource(AdminService admin) {
        this.admin = admin;
    }

    @GET
    @Path("/{domain}")
    @Operation(operationId = "getDomainRegistration",
            summary = "Registrar, registrant, real-name status (and when the administration sees it), dates, abroad")
    @APIResponse(responseCode = "404", description = "The domain is not registered (unknown domains are not invented)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DomainRegistration> get(@PathParam("domain") String domain) {
        return admin.registration(domain);
    }
}
