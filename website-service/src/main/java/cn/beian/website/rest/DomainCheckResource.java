package cn.beian.website.rest;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.findings.Finding;
import cn.beian.contract.order.FilingType;
import cn.beian.platform.problem.Problem;
import cn.beian.platform.security.Roles;
import cn.beian.validators.domain.ParsedDomain;
import cn.beian.website.service.DomainCheckService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Judges domains before they go into an order: parsing, suffix, prefix words and the registries' data. */
@Path("/api/v1/domain-checks")
@Tag(name = "Domain checks", description = "Explained judgements of domains for a province and filing type")
public class DomainCheckResource {

    /**
     * @param province   the province the subject files in (its suffix list and rules)
     * @param filingType decides which domains are verified at the registries (docs/domain.md §5.2); default FIRST_FILING
     * @param nature     the subject's nature (rules for persons or units); default PERSON
     * @param subject    optional: who files, for registrant matching
     * @param date       optional: judge the suffix lists in force on this date (default today)
     */
    public record DomainCheckRequest(Province province, FilingType filingType, SubjectNature nature,
            Subject subject, LocalDate date, List<String> domains) {

        DomainCheckService.Query query() {
            return new DomainCheckService.Query(province, filingType, nature, subject == null ? null
                    : new DomainCheckService.Subject(subject.name(), subject.certificateType(),
                            subject.certificateNumber()), date, domains);
        }
    }

    public record Subject(String name, CertificateType certificateType, String certificateNumber) {
    }

    /** One judged domain; {@code domain} and the others are absent when it does not parse. */
    public record DomainCheck(String input, String domain, String domainUnicode, String registrableDomain,
            String suffix, boolean subdomain, boolean acceptable, List<Finding> findings) {

        static DomainCheck of(DomainCheckService.Judged j) {
            ParsedDomain d = j.domain();
            return d == null ? new DomainCheck(j.input(), null, null, null, null, false, false, j.findings())
                    : new DomainCheck(j.input(), d.ascii(), d.unicode(), d.registrableDomain(), d.suffixUnicode(),
                            d.subdomain(), j.acceptable(), j.findings());
        }
    }

    public record DomainChecks(List<DomainCheck> items) {
    }

    private final DomainCheckService service;

    public DomainCheckResource(DomainCheckService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.APPLICANT, Roles.REVIEWER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "checkDomains", summary = "Judge up to 10 domains, each finding explained")
    @APIResponse(responseCode = "200", description = "One item per input, in order",
            content = @Content(schema = @Schema(implementation = DomainChecks.class)))
    @APIResponse(responseCode = "400", description = "No province, no domains or more than 10",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DomainChecks> check(DomainCheckRequest request) {
        return service.check(request == null ? null : request.query())
                .map(list -> new DomainChecks(list.stream().map(DomainCheck::of).toList()));
    }
}
