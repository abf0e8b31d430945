package cn.beian.website.rest;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.findings.Finding;
import cn.beian.contract.order.FilingType;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.Problem;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.platform.security.Roles;
import cn.beian.time.BeianClock;
import cn.beian.validators.domain.DomainNames;
import cn.beian.validators.domain.ParsedDomain;
import cn.beian.website.service.RegistryLookup;
import cn.beian.website.service.WebsiteChecks;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    }

    public record Subject(String name, CertificateType certificateType, String certificateNumber) {
    }

    /** One judged domain; {@code domain} and the others are absent when it does not parse. */
    public record DomainCheck(String input, String domain, String domainUnicode, String registrableDomain,
            String suffix, boolean subdomain, boolean acceptable, List<Finding> findings) {
    }

    public record DomainChecks(List<DomainCheck> items) {
    }

    private final RegistryLookup registry;
    private final BeianClock clock;
    private final WebsiteChecks checks = WebsiteChecks.standard();

    public DomainCheckResource(RegistryLookup registry, BeianClock clock) {
        this.registry = registry;
        this.clock = clock;
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
        List<FieldViolation> errors = new ArrayList<>();
        if (request == null || request.province() == null) {
            errors.add(new FieldViolation("province", "REQUIRED", "请选择备案省份"));
        }
        if (request == null || request.domains() == null || request.domains().isEmpty()) {
            errors.add(new FieldViolation("domains", "REQUIRED", "请至少填写一个域名"));
        } else if (request.domains().size() > 10) {
            errors.add(new FieldViolation("domains[10]", "TOO_MANY_DOMAINS", "一次最多检查 10 个域名"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, errors.size() + " field(s) are invalid", errors);
        }
        FilingType type = request.filingType() == null ? FilingType.FIRST_FILING : request.filingType();
        SubjectNature nature = request.nature() == null ? SubjectNature.PERSON : request.nature();
        LocalDate today = request.date() == null ? LocalDate.now(clock) : request.date();
        OrderSubjectOutlined subject = request.subject() == null ? null : new OrderSubjectOutlined(null, null, null,
                type, request.province(), nature, request.subject().name(), request.subject().certificateType(),
                request.subject().certificateNumber(), null, null, false, 1, clock.now());
        Set<String> registrable = new LinkedHashSet<>();
        boolean verify = type.decided() && type != FilingType.ACCESS_FILING || type == FilingType.CHANGE;
        if (verify) {
            request.domains().forEach(d -> DomainNames.parse(d).domain()
                    .ifPresent(p -> registrable.add(p.registrableDomain())));
        }
        return registry.lookup(registrable).map(facts -> {
            var ctx = new WebsiteChecks.Context(type, request.province(), nature, subject, today, facts, Map.of(),
                    Set.of());
            List<DomainCheck> items = new ArrayList<>();
            for (int i = 0; i < request.domains().size(); i++) {
                String raw = request.domains().get(i);
                List<Finding> findings = checks.checkDomain(raw, "domains[" + i + "]", ctx);
                ParsedDomain d = DomainNames.parse(raw).domain().orElse(null);
                boolean ok = findings.stream().noneMatch(Finding::blocking);
                items.add(d == null ? new DomainCheck(raw, null, null, null, null, false, false, findings)
                        : new DomainCheck(raw, d.ascii(), d.unicode(), d.registrableDomain(), d.suffixUnicode(),
                                d.subdomain(), ok, findings));
            }
            return new DomainChecks(items);
        });
    }
}
