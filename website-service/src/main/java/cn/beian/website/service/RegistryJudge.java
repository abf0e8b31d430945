package cn.beian.website.service;

import cn.beian.national.client.DomainRegistration;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.checks.DomainChecks;
import cn.beian.website.domain.ProbeFindingKind;
import cn.beian.website.service.PageJudge.Observation;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a filed domain's registration as the national registries report it (pure): expiry approaching (60, 30 and
 * 7 days, each its own finding so that crossing a threshold is told again) or past, the registrant no longer the
 * filing's subject or one of its people (as the province rules match holders: {@link DomainChecks#heldBySubject}),
 * real-name verification lost. A registry that cannot answer judges nothing.
 */
public final class RegistryJudge {

    private RegistryJudge() {
    }

    /** {@code subject}: the filing's subject as the rules read it; {@code null} when not known (no holder judged). */
    public static List<Observation> judge(String domain, RegistryFacts facts, OrderDocument.Subject subject,
            LocalDate today) {
        List<Observation> out = new ArrayList<>();
        if (facts == null || facts.unavailable()) {
            return out;
        }
        DomainRegistration r = facts.registration();
        if (r == null) {
            out.add(new Observation(ProbeFindingKind.DOMAIN_EXPIRED, domain + " is no longer registered"));
            return out;
        }
        if (r.expired() || r.expiresOn() != null && r.expiresOn().isBefore(today)) {
            out.add(new Observation(ProbeFindingKind.DOMAIN_EXPIRED, domain + " expired on " + r.expiresOn()));
        } else if (r.expiresOn() != null) {
            long days = ChronoUnit.DAYS.between(today, r.expiresOn());
            ProbeFindingKind k = days <= 7 ? ProbeFindingKind.DOMAIN_EXPIRES_IN_7_DAYS
                    : days <= 30 ? ProbeFindingKind.DOMAIN_EXPIRES_IN_30_DAYS
                    : days <= 60 ? ProbeFindingKind.DOMAIN_EXPIRES_IN_60_DAYS : null;
            if (k != null) {
                out.add(new Observation(k, domain + " expires on " + r.expiresOn() + " (" + days + " days)"));
            }
        }
        if (subject != null && r.registrantName() != null && !r.registrantName().isBlank()
                && !DomainChecks.heldBySubject(subject, ProvinceRuleFindings.domainFacts(facts))) {
            out.add(new Observation(ProbeFindingKind.REGISTRANT_CHANGED, domain
                    + " is registered to someone else than the filing's subject"));
        }
        if (!r.realNameVerified()) {
            out.add(new Observation(ProbeFindingKind.REAL_NAME_LOST, domain + " has lost its real-name verification"));
        }
        return out;
    }
}
