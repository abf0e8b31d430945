package cn.beian.national.client;

import cn.beian.contract.domain.CertificateType;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The national systems as Beian sees them: the administration's filing system (registry lookups, password checks,
 * submissions and their outcome feed) and the domain registries' real-name data.
 *
 * <p>Configure with {@code quarkus.rest-client.national-systems.url} (locally {@code http://localhost:8106}). Calls
 * need a bearer token of a machine client (role {@code service}): register a request filter that adds one, e.g.
 * {@code quarkus.rest-client.national-systems.providers=io.quarkus.oidc.client.filter.OidcClientRequestFilter}
 * with quarkus-oidc-client-filter. Errors come back as RFC 9457 problem details: a 404 (unknown subject, domain,
 * submission) surfaces as a {@code WebApplicationException} unless the caller maps it.
 */
@RegisterRestClient(configKey = "national-systems")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface NationalSystemsClient {

    /**
     * The subject filed with a certificate (404 when none; an old-style number on record still matches). Asked with a
     * body: the certificate number is personal data and must be in no URL, span or request log.
     */
    @POST
    @Path("/registry/subject-lookups")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<SubjectFiling> findSubject(SubjectLookupRequest request);

    /** {@link #findSubject} by certificate type and number. */
    default Uni<SubjectFiling> subjectByCertificate(CertificateType certificateType, String certificateNumber) {
        return findSubject(new SubjectLookupRequest(certificateType, certificateNumber));
    }

    /** The subject with this subject filing number, e.g. 京ICP备12345678号 (404 when none). */
    @GET
    @Path("/registry/subjects/{subjectFilingNumber}")
    Uni<SubjectFiling> subjectByFilingNumber(@PathParam("subjectFilingNumber") String subjectFilingNumber);

    /** The website with this website filing number, e.g. 京ICP备12345678号-1, and its subject (404 when none). */
    @GET
    @Path("/registry/websites/{websiteFilingNumber}")
    Uni<DomainFiling> websiteByFilingNumber(@PathParam("websiteFilingNumber") String websiteFilingNumber);

    /** The filing that holds this domain (404 when the domain is filed nowhere). */
    @GET
    @Path("/registry/domains/{domain}")
    Uni<DomainFiling> filingByDomain(@PathParam("domain") String domain);

    /** Whether the subject or any of the domains is in an open submission anywhere. */
    @POST
    @Path("/registry/in-flight-checks")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<InFlightReport> inFlight(InFlightCheckRequest request);

    /** Checks a filing password; 5 wrong ones lock the check for 24 hours. */
    @POST
    @Path("/registry/password-checks")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<PasswordCheckResult> checkPassword(PasswordCheckRequest request);

    /** The registries' real-name data of a domain (404 when the domain is not registered). */
    @GET
    @Path("/domain-registrations/{domain}")
    Uni<DomainRegistration> domainRegistration(@PathParam("domain") String domain);

    /**
     * Submits an order snapshot: 201 when new, 200 for a replay of the same body; 400 malformed, 409 conflicting
     * (with the reasons in the problem's errors) or the same id with a different body.
     */
    @POST
    @Path("/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<SubmissionView>> submit(SubmissionRequest request);

    @GET
    @Path("/submissions/{submissionId}")
    Uni<SubmissionView> submission(@PathParam("submissionId") String submissionId);

    /**
     * Changes of the provider's submissions after {@code after}, oldest first. With {@code wait} > 0 (seconds, at most
     * 30) the call is held until an entry arrives or the wait ends (then the page is empty and the cursor unchanged).
     */
    @GET
    @Path("/feed")
    Uni<FeedPage> feed(@QueryParam("after") long after, @QueryParam("limit") Integer limit,
            @QueryParam("wait") Integer waitSeconds);
}
