package cn.beian.website.service;

import cn.beian.contract.order.FilingType;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.rules.Facts;
import cn.beian.rules.MaterialRequirements;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Outcome;
import cn.beian.rules.RuleEngine;
import cn.beian.rules.RuleFinding;
import cn.beian.rules.Severity;
import cn.beian.time.BeianClock;
import cn.beian.validators.domain.DomainNames;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The stateless whole-order pre-check: an order document in, every province rule's finding out (machine rules, and each
 * required material not uploaded yet on its {@code materials.<KIND>} key), nothing stored. The
 * registry is asked about the domains the filing type verifies; what no lookup here can know (other subjects'
 * records, probes of the subject's approved sites) leaves those rules undetermined, never passed.
 */
@ApplicationScoped
public class PreCheckService {

    private final RegistryLookup registry;
    private final BeianClock clock;
    private final RuleEngine engine = RuleEngine.standard();

    public PreCheckService(RegistryLookup registry, BeianClock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public Uni<List<RuleFinding>> check(OrderDocument order, boolean english) {
        validate(order);
        Set<String> registrable = new LinkedHashSet<>();
        if (WebsiteChecks.verifiesDomains(order.type())) {
            order.websites().forEach(w -> w.domains().forEach(d -> DomainNames.parse(d).domain()
                    .ifPresent(p -> registrable.add(p.registrableDomain()))));
        }
        LocalDate today = LocalDate.now(clock);
        return registry.lookup(registrable).map(found -> {
            Facts facts = new Facts(today, ProvinceRuleFindings.domainFacts(found), null, null, null, null);
            List<RuleFinding> out = new ArrayList<>(engine.judge(order, facts, english));
            out.addAll(missingMaterials(order, facts, english));
            return out;
        });
    }

    /** Each required material not uploaded yet, as a finding on its field key ({@code materials.<KIND>}). */
    private static List<RuleFinding> missingMaterials(OrderDocument order, Facts facts, boolean english) {
        return MaterialRequirements.of(order, facts, english).stream().filter(r -> !r.uploaded())
                .map(r -> new RuleFinding(r.id(), r.fieldKey(), r.undetermined() ? Severity.WARNS : Severity.BLOCKS,
                        r.undetermined() ? Outcome.UNDETERMINED : Outcome.FAILED, r.instruction(), r.preparedBy()))
                .toList();
    }

    /** What the engine cannot choose rules without, and the limits of an order (the shape an order may take). */
    private static void validate(OrderDocument order) {
        List<FieldViolation> errors = new ArrayList<>();
        if (order == null) {
            throw ProblemException.invalidFields(List.of(FieldViolation.of("$", "REQUIRED", "field.body-required")));
        }
        if (order.type() == null) {
            errors.add(FieldViolation.of("type", "REQUIRED", "field.filing-type-required"));
        }
        if (order.subject() == null) {
            errors.add(FieldViolation.of("subject", "REQUIRED", "field.subject-required"));
        } else {
            if (order.subject().province() == null) {
                errors.add(FieldViolation.of("subject.province", "REQUIRED", "field.province-required"));
            }
            if (order.subject().nature() == null) {
                errors.add(FieldViolation.of("subject.nature", "REQUIRED", "field.nature-required"));
            }
        }
        if (order.type() == FilingType.CHANGE && order.changeKind() == null) {
            errors.add(FieldViolation.of("changeKind", "REQUIRED", "field.change-kind-required"));
        }
        if (order.websites().size() > WebsiteInput.MAX_WEBSITES) {
            errors.add(FieldViolation.of("websites[" + WebsiteInput.MAX_WEBSITES + "]", "TOO_MANY_WEBSITES",
                    "field.order-websites-too-many", String.valueOf(WebsiteInput.MAX_WEBSITES)));
        }
        for (int i = 0; i < order.websites().size(); i++) {
            OrderDocument.Website w = order.websites().get(i);
            if (w == null) {
                errors.add(FieldViolation.of("websites[" + i + "]", "REQUIRED", "field.website-required"));
            } else if (w.domains().size() > WebsiteInput.MAX_DOMAINS) {
                errors.add(FieldViolation.of("websites[" + i + "].domains[" + WebsiteInput.MAX_DOMAINS + "]",
                        "TOO_MANY_DOMAINS", "field.website-domains-too-many",
                        String.valueOf(WebsiteInput.MAX_DOMAINS)));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }
}
