package cn.beian.national.rest;

import cn.beian.contract.domain.CertificateType;
import cn.beian.national.client.DomainFiling;
import cn.beian.national.client.InFlightCheckRequest;
import cn.beian.national.client.InFlightReport;
import cn.beian.national.client.PasswordCheckRequest;
import cn.beian.national.client.PasswordCheckResult;
import cn.beian.national.client.SubjectFiling;
import cn.beian.national.client.SubjectLookupRequest;
import cn.beian.national.service.RegistryService;
import cn.beian.platform.problem.Problem;
import cn.beian.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/registry")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SERVICE, Roles.ADMIN})
@Tag(name = "Registry", description = "The administration's national filing registry: lookups, in-flight checks, filing passwords")
public class RegistryResource {

    private final RegistryService registry;

    public RegistryResource(RegistryService registry) {
        this.registry = registry;
    }

    @GET
    @Path("/subjects")
    @Operation(operationId = "findSubjectByCertificate",
            summary = "The subject filed with a certificate (an old-style number on record matches too)")
    @APIResponse(responseCode = "200", description = "The subject and its websites")
    @APIResponse(responseCode = "400", description = "certificateType or certificateNumber missing or invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No subject holds this certificate",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SubjectFiling> byCertificate(@QueryParam("certificateType") CertificateType certificateType,
            @QueryParam("certificateNumber") String certificateNumber) {
        return registry.subjectByCertificate(certificateType, certificateNumber);
    }

    @POST
    @Path("/subject-lookups")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "lookUpSubjectByCertificate",
            summary = "As GET /subjects, the certificate in the body (so the number is in no URL, log or span)")
    @APIResponse(responseCode = "200", description = "The subject and its websites")
    @APIResponse(responseCode = "404", description = "No subject holds this certificate",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SubjectFiling> lookUp(@Valid @NotNull SubjectLookupRequest request) {
        return registry.subjectByCertificate(request.certificateType(), request.certificateNumber());
    }

    @GET
    @Path("/subjects/{subjectFilingNumber}")
    @Operation(operationId = "getSubjectFiling", summary = "The subject with a subject filing number, with its websites")
    @APIResponse(responseCode = "404", description = "No such subject filing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SubjectFiling> bySubjectNumber(@PathParam("subjectFilingNumber") String number) {
        return registry.subjectByFilingNumber(number);
    }

    @GET
    @Path("/websites/{websiteFilingNumber}")
    @Operation(operationId = "getWebsiteFiling", summary = "The website with a website filing number, and its subject")
    @APIResponse(responseCode = "404", description = "No such website filing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DomainFiling> byWebsiteNumber(@PathParam("websiteFilingNumber") String number) {
        return registry.websiteByFilingNumber(number);
    }

    @GET
    @Path("/domains/{domain}")
    @Operation(operationId = "getDomainFiling",
            summary = "The live filing holding a domain (or its closest filed parent domain)")
    @APIResponse(responseCode = "404", description = "The domain is filed nowhere",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DomainFiling> byDomain(@PathParam("domain") String domain) {
        return registry.byDomain(domain);
    }

    @POST
    @Path("/in-flight-checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkInFlight",
            summary = "Whether a subject or domains are in an open submission at any provider")
    public Uni<InFlightReport> inFlight(@Valid @NotNull InFlightCheckRequest request) {
        return registry.inFlight(request);
    }

    @POST
    @Path("/password-checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkFilingPassword",
            summary = "Check a subject's filing password; 5 wrong ones lock the check for 24 hours")
    @APIResponse(responseCode = "200", description = "MATCH, MISMATCH (with the tries left) or LOCKED")
    @APIResponse(responseCode = "404", description = "No such subject",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The subject is deregistered or has no password",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PasswordCheckResult> checkPassword(@Valid @NotNull PasswordCheckRequest request) {
        return registry.checkPassword(request);
    }
}
