package cn.beian.website.service;

import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.events.snapshot.Person;
import cn.beian.contract.findings.Finding;
import cn.beian.contract.order.FilingType;
import cn.beian.national.client.DomainRegistration;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.Rule;
import cn.beian.rules.RuleEngine;
import cn.beian.website.domain.WebsiteContent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The province rules (libs/rules) on an order's websites, as website-service knows the order: its websites, the
 * subject's outline and the registry's answers. Findings on the subject itself are subject-service's and are left
 * out here; what no lookup here knows (other subjects' records, probes of approved sites) stays undetermined, shown as
 * a warning.
 */
final class ProvinceRuleFindings {

    private final RuleEngine engine;

    ProvinceRuleFindings(RuleEngine engine) {
        this.engine = engine.only(ProvinceRuleFindings::onWebsites);
    }

    /** Every province rule's finding on the websites (and on the whole order), with its words in zh-CN and en. */
    List<Finding> judge(List<WebsiteContent> websites, WebsiteChecks.Context ctx) {
        if (ctx.province() == null || ctx.nature() == null || ctx.type() == null) {
            return List.of();
        }
        OrderDocument doc = new OrderDocument(ctx.type(), ctx.changeKind() == null ? null
                : OrderDocument.ChangeKind.valueOf(ctx.changeKind().name()), subject(ctx), websites.stream()
                .map(ProvinceRuleFindings::website).toList(), List.of(), null);
        return engine.findings(doc, facts(ctx)).stream()
                .filter(f -> f.fieldKey() == null || f.fieldKey().startsWith("websites")).toList();
    }

    /** Whether a rule judged by {@code check} holds for this order's province, nature, type and day. */
    boolean applies(String check, WebsiteChecks.Context ctx) {
        return engine.book().rules().stream().anyMatch(r -> r.check().equals(check)
                && r.appliesTo(ctx.province(), ctx.nature(), ctx.type(), ctx.today()));
    }

    /** The ids of the rules that judge who may hold a domain. */
    Set<String> registrantRuleIds() {
        return Set.copyOf(engine.book().rules().stream().filter(r -> r.check().equals("REGISTRANT"))
                .map(Rule::id).toList());
    }

    static boolean onWebsites(Rule rule) {
        return rule.fields().stream().anyMatch(f -> f.equals("$") || f.startsWith("websites"));
    }

    /** The registry's answers as the rules read them. */
    static Map<String, Facts.DomainFacts> domainFacts(Map<String, RegistryFacts> registry) {
        Map<String, Facts.DomainFacts> domains = new HashMap<>();
        registry.forEach((d, f) -> domains.put(d, domainFacts(f)));
        return domains;
    }

    private static Facts facts(WebsiteChecks.Context ctx) {
        Map<String, Facts.DomainFacts> domains = domainFacts(ctx.registry());
        // A first filing's subject has no approved site to probe; for the other types, what the last probes of the
        // subject's approved websites found (null, undetermined, until they have been probed).
        List<Facts.ExistingSite> existing = ctx.type() == FilingType.FIRST_FILING ? List.of() : ctx.existingSites();
        List<Facts.RecordedWebsite> recorded = ctx.alreadyFiledDomains().isEmpty() ? null
                : List.of(new Facts.RecordedWebsite(null, List.copyOf(ctx.alreadyFiledDomains()), null, null));
        return new Facts(ctx.today(), domains, existing, null, null, recorded);
    }

    static Facts.DomainFacts domainFacts(RegistryFacts f) {
        DomainRegistration r = f.registration();
        if (f.unavailable()) {
            return new Facts.DomainFacts(true, false, null, null, null, null, null, null);
        }
        return r == null ? new Facts.DomainFacts(false, false, null, null, null, null, null, null)
                : new Facts.DomainFacts(false, true, r.registrantName(), r.registrantCertificateType(),
                        r.registrantCertificateNumber(), r.registeredAbroad(), r.expiresOn(), null);
    }

    private static OrderDocument.Subject subject(WebsiteChecks.Context ctx) {
        return subject(ctx.subject(), ctx.province(), ctx.nature());
    }

    /** The subject as the rules read it, from what subject-service outlined of it. */
    static OrderDocument.Subject subject(OrderSubjectOutlined s, Province province, SubjectNature nature) {
        if (s == null) {
            return new OrderDocument.Subject(nature, province, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null);
        }
        return new OrderDocument.Subject(nature, province, null, null, s.name(), s.certificateType(),
                s.certificateNumber(), null, s.certificateAddress(), null, null, null, null, null, null,
                person(s.principal()), null);
    }

    private static OrderDocument.Website website(WebsiteContent c) {
        var p = c.principal();
        return new OrderDocument.Website(c.name(), c.domains(), c.homepageUrls(), c.serviceContent(), List.of(),
                c.preApprovals().stream().map(a -> new OrderDocument.PreApproval(a.type(), a.documentNumber()))
                        .toList(), c.languages(), c.remarks(), c.principalSameAsSubject(),
                p == null ? null : new OrderDocument.Person(p.name(), p.certificateType(), p.certificateNumber(),
                        p.certificateValidUntil(), p.mobile(), null, p.email()), null);
    }

    private static OrderDocument.Person person(Person p) {
        return p == null ? null : new OrderDocument.Person(p.name(), p.certificateType(), p.certificateNumber(),
                null, p.mobile(), null, p.email());
    }
}
