package cn.beian.rules;

import cn.beian.contract.domain.CertificateType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the rules need from outside the order, looked up by the caller before judging: the engine itself does no I/O.
 * A {@code null} (or a missing map entry) means "not known": a rule that needs it answers
 * {@link Outcome#UNDETERMINED} with the reason, never a pass or a failure.
 *
 * @param today          the day the order is judged on (Beijing), from the caller's clock
 * @param domains        registry facts by registrable domain (ASCII, lower case)
 * @param existingSites  the subject's already-approved websites with what a probe of each found; {@code null} when not
 *                       probed
 * @param records        what this provider's and the administration's records say about the people in the order
 * @param recordedSubject the subject as the administration has it on record (access, change and deregistration
 *                        orders), {@code null} when there is none or it is not known
 * @param recordedWebsites the websites on record that this order takes over, changes or ends (access, change,
 *                        cancel and deregistration orders); {@code null} when not known
 */
public record Facts(LocalDate today, Map<String, DomainFacts> domains, List<ExistingSite> existingSites,
        Records records, OrderDocument.Subject recordedSubject, List<RecordedWebsite> recordedWebsites) {

    public Facts {
        domains = domains == null ? Map.of() : Map.copyOf(domains);
    }

    public static Facts on(LocalDate today) {
        return new Facts(today, Map.of(), null, null, null, null);
    }

    /**
     * A domain's registration.
     *
     * @param unavailable      the registry did not answer (an outage): every registry rule is undetermined
     * @param privacyProtected the registrar hides the registrant (域名隐私保护)
     */
    public record DomainFacts(boolean unavailable, boolean registered, String registrantName,
            CertificateType registrantCertificateType, String registrantCertificateNumber, Boolean registeredAbroad,
            LocalDate expiresOn, Boolean privacyProtected) {
    }

    /**
     * One approved website of the subject and what fetching its homepage found.
     *
     * @param reachable     it answered with a page
     * @param showsNumber   the page shows the website's filing number
     * @param linksToMiit   that number links to the administration's public site (beian.miit.gov.cn)
     * @param problem       why it could not be judged (timeout, refused), {@code null} when it was
     */
    public record ExistingSite(String filingNumber, String domain, boolean reachable, boolean showsNumber,
            boolean linksToMiit, String problem) {
    }

    /**
     * A website on the administration's record.
     *
     * @param accessActive      whether a provider still serves it (接入) on record
     * @param accessCancelledOn the day its access was cancelled at the previous provider, if it was
     */
    public record RecordedWebsite(String filingNumber, List<String> domains, Boolean accessActive,
            LocalDate accessCancelledOn) {
    }

    /**
     * Who else uses the order's people and numbers, from this provider's and the administration's records (other
     * subjects only, never this one).
     *
     * @param subjectsByMobile          mobile (11 digits) → the other subjects it is given for
     * @param holdersByMobile           mobile → the certificate numbers of the other people who give it
     * @param subjectsByPrincipal       a principal's certificate number → the other subjects where the person is a
     *                                  principal
     */
    public record Records(Map<String, List<String>> subjectsByMobile, Map<String, List<String>> holdersByMobile,
            Map<String, List<String>> subjectsByPrincipal) {

        public Records {
            subjectsByMobile = subjectsByMobile == null ? Map.of() : Map.copyOf(subjectsByMobile);
            holdersByMobile = holdersByMobile == null ? Map.of() : Map.copyOf(holdersByMobile);
            subjectsByPrincipal = subjectsByPrincipal == null ? Map.of() : Map.copyOf(subjectsByPrincipal);
        }
    }
}
