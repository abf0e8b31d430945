package cn.beian.rules.checks;

import cn.beian.rules.Check;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import java.util.Map;

/**
 * Checks on domains and what is known of them outside the order: registrants, registrars, registry dates,
 * suffixes by date, reserved words in domain labels, the existing-site probe, the verification channel, access and
 * timers of the province.
 */
public final class DomainChecks {

    private DomainChecks() {
    }

    /**
     * Whether a domain's registrant is the subject or one of its people (principal, legal person): the holders one
     * province rule or another accepts. Outside the rules, it tells a filed domain whose registration has moved away
     * from its subject (website-service's probes).
     */
    public static boolean heldBySubject(OrderDocument.Subject subject, Facts.DomainFacts registration) {
        return Registrant.isSubject(subject, registration) || Registrant.samePerson(subject.principal(), registration)
                || Registrant.samePerson(subject.legalPerson(), registration);
    }

    /** The checks of this family by the names rule data uses. */
    public static Map<String, Check> all() {
        return Map.ofEntries(
                Map.entry("REGISTRANT", new Registrant()),
                Map.entry("REGISTERED_ABROAD", new RegisteredAbroad()),
                Map.entry("DOMAIN_MONTHS_LEFT", new DomainMonthsLeft()),
                Map.entry("PRIVACY_PROTECTION_OFF", new PrivacyProtectionOff()),
                Map.entry("SUFFIX_ACCEPTED", new SuffixAccepted()),
                Map.entry("RESERVED_DOMAIN_WORDS", new ReservedDomainWords()),
                Map.entry("EXISTING_SITES_SHOW_NUMBER", new ExistingSitesShowNumber()),
                Map.entry("VERIFICATION_CHANNEL", new VerificationChannel()),
                Map.entry("APP_VERIFICATION_ALLOWED", new AppVerificationAllowed()),
                Map.entry("ACCESS_TAKEOVER_WITHIN", new AccessTakeoverWithin()),
                Map.entry("MATERIAL_SIGNED_WITHIN", new MaterialSignedWithin()));
    }
}
