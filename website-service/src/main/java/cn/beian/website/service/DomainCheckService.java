package cn.beian.website.service;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.findings.Finding;
import cn.beian.contract.order.FilingType;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.time.BeianClock;
import cn.beian.validators.domain.DomainNames;
import cn.beian.validators.domain.ParsedDomain;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Judges domains before they go into an order: parsing, suffix, prefix words and the registries' data. */
@ApplicationScoped
public class DomainCheckService {

    /** At most this many domains per check. */
    public static final int MAX_DOMAINS = 10;

    /**
     * @param filingType decides which domains are verified at the registries (docs/domain.md §5.2); null: FIRST_FILING
     * @param nature     null: PERSON
     * @param subject    optional: who files, for registrant matching
     * @param date       optional: judge the suffix lists in force on this date (null: today)
     */
    public record Query(Province province, FilingType filingType, SubjectNature nature, Subject subject,
            LocalDate date, List<String> domains) {
    }

    public record Subject(String name, CertificateType certificateType, String certificateNumber) {
    }

    /** One judged domain; {@code domain} is null when it does not parse (and then it is never acceptable). */
    public record Judged(String input, ParsedDomain domain, boolean acceptable, List<Finding> findings) {
    }

    private final RegistryLookup registry;
    private final BeianClock clock;
    private final WebsiteChecks checks = WebsiteChecks.standard();

    public DomainCheckService(RegistryLookup registry, BeianClock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** One answer per domain, in order; {@code query} null or incomplete is a validation failure. */
    public Uni<List<Judged>> check(Query query) {
        List<FieldViolation> errors = new ArrayList<>();
        if (query == null || query.province() == null) {
            errors.add(FieldViolation.of("province", "REQUIRED", "field.province-required"));
        }
        if (query == null || query.domains() == null || query.domains().isEmpty()) {
            errors.add(FieldViolation.of("domains", "REQUIRED", "field.domains-required"));
        } else if (query.domains().size() > MAX_DOMAINS) {
            errors.add(FieldViolation.of("domains[" + MAX_DOMAINS + "]", "TOO_MANY_DOMAINS",
                    "field.domain-check-too-many", String.valueOf(MAX_DOMAINS)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        FilingType type = query.filingType() == null ? FilingType.FIRST_FILING : query.filingType();
        SubjectNature nature = query.nature() == null ? SubjectNature.PERSON : query.nature();
        LocalDate today = query.date() == null ? LocalDate.now(clock) : query.date();
        // The checks read the subject as an order's outline carries it; here it is only the three fields given.
        OrderSubjectOutlined subject = query.subject() == null ? null : new OrderSubjectOutlined(null, null, null,
                type, query.province(), nature, query.subject().name(), query.subject().certificateType(),
                query.subject().certificateNumber(), null, null, false, 1, clock.now());
        Set<String> registrable = new LinkedHashSet<>();
        boolean verify = type.decided() && type != FilingType.ACCESS_FILING || type == FilingType.CHANGE;
        if (verify) {
            query.domains().forEach(d -> DomainNames.parse(d).domain()
                    .ifPresent(p -> registrable.add(p.registrableDomain())));
        }
        return registry.lookup(registrable).map(facts -> {
            var ctx = new WebsiteChecks.Context(type, query.province(), nature, subject, today, facts, Map.of(),
                    Set.of(), null);
            List<Judged> items = new ArrayList<>();
            for (int i = 0; i < query.domains().size(); i++) {
                String raw = query.domains().get(i);
                List<Finding> findings = checks.checkDomain(raw, "domains[" + i + "]", ctx);
                ParsedDomain d = DomainNames.parse(raw).domain().orElse(null);
                boolean ok = d != null && findings.stream().noneMatch(Finding::blocking);
                items.add(new Judged(raw, d, ok, findings));
            }
            return items;
        });
    }
}
