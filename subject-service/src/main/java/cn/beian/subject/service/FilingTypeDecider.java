package cn.beian.subject.service;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.order.FilingType;
import cn.beian.national.client.CertificateMatch;
import cn.beian.national.client.DomainFiling;
import cn.beian.national.client.FilingStatus;
import cn.beian.national.client.InFlightCheckRequest;
import cn.beian.national.client.InFlightReport;
import cn.beian.national.client.NationalSystemsClient;
import cn.beian.national.client.SubjectFiling;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.Messages;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.subject.repository.SubjectRepository;
import cn.beian.validators.domain.ApprovedSuffixes;
import cn.beian.validators.domain.DomainNames;
import cn.beian.validators.domain.DomainParse;
import cn.beian.validators.domain.ParsedDomain;
import cn.beian.validators.domain.SuffixJudgement;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Decides which of the four ways of filing something new applies (docs/domain.md §2) from this provider's records and
 * the national registry, or reports the conflicts: domain filed under another subject, subject or domain in flight
 * elsewhere, certificate held by another account here, old-style certificate number on record, access filing mixed
 * with new websites. A certificate held by another account here is answered with that conflict alone: nothing of the
 * other account's holding (its filing number, filings, domains) is revealed; the caller's own holdings keep their
 * details.
 */
@ApplicationScoped
public class FilingTypeDecider {

    private static final Logger LOG = Logger.getLogger(FilingTypeDecider.class);

    /** "Verify the filing type" (验证备案类型): who files, where, and which domains. */
    public record Question(SubjectNature nature, Province province, CertificateType certificateType,
            String certificateNumber, List<String> domains) {
    }

    /**
     * The decided filing type, or the conflicts that stop any filing.
     *
     * @param type                {@code null} when there are conflicts
     * @param subjectFilingNumber the subject's number where it is already filed (here or elsewhere); absent when the
     *                            certificate is held by another account here (nothing of that holding is revealed)
     * @param subjectName         the subject's name as the registry files it, where it is filed; for this service only
     * @param accessWebsites      for an access filing, the filed websites of the domains asked about that would move
     *                            their access here (website filing numbers); for this service only
     */
    public record Decision(FilingType type, String subjectFilingNumber, List<Conflict> conflicts, String subjectName,
            List<String> accessWebsites) {

        static Decision refused(String subjectFilingNumber, List<Conflict> conflicts) {
            return new Decision(null, subjectFilingNumber, List.copyOf(conflicts), null, List.of());
        }
    }

    /**
     * One reason no filing is possible, and what the applicant can do about it.
     *
     * @param field  the question's field it concerns, e.g. {@code domains[1]}
     * @param code   stable code, e.g. {@code DOMAIN_FILED_UNDER_ANOTHER_SUBJECT}
     * @param action what the applicant can do
     * @param ruleId the docs/province-rules.md id where a province rule is the reason, else {@code null}
     */
    public record Conflict(String field, String code, String message, String action, String ruleId) {

        Conflict(String field, String code, String message, String action) {
            this(field, code, message, action, null);
        }
    }

    private final NationalSystemsClient national;
    private final SubjectRepository subjects;
    private final Messages messages;

    public FilingTypeDecider(@RestClient NationalSystemsClient national, SubjectRepository subjects,
            Messages messages) {
        this.national = national;
        this.subjects = subjects;
        this.messages = messages;
    }

    /** A conflict worded in the caller's language: what stands in the way ({@code what}) and what to do. */
    private static Conflict conflict(boolean en, String field, String code, String what, String todo,
            Object... args) {
        return new Conflict(field, code, Messages.text(en, what, args), Messages.text(en, todo));
    }

    @WithSession
    public Uni<Decision> decide(String accountId, Question r) {
        boolean en = messages.english();
        String certificate = r.certificateNumber().toUpperCase(Locale.ROOT);
        List<String> domains = registrableDomains(r.domains());
        List<Conflict> conflicts = new ArrayList<>(unapprovedSuffixes(en, domains, r.province()));
        return subjects.findByCertificate(r.certificateType(), certificate).chain(local -> {
            boolean mine = local.stream().anyMatch(s -> s.accountId.equals(accountId));
            boolean another = local.stream().anyMatch(s -> !s.accountId.equals(accountId));
            if (another) {
                conflicts.add(conflict(en, "certificateNumber", "CERTIFICATE_HELD_BY_ANOTHER_ACCOUNT",
                        "conflict.certificate-held-by-another-account", "action.log-in-to-holder"));
            }
            if (another && !mine) {
                // Someone else's holding (issue 17 §5): say that it is held, and nothing of it — not its filing
                // number, not its filings, domains or filings in flight. The registry is not even asked.
                return Uni.createFrom().item(Decision.refused(null, conflicts));
            }
            return notFoundAsEmpty(national.subjectByCertificate(r.certificateType(), certificate))
                    .chain(subject -> domainFilings(domains).chain(filings -> national
                            .inFlight(new InFlightCheckRequest(r.certificateType(), certificate, domains))
                            .onFailure().transform(FilingTypeDecider::unavailable)
                            .map(inFlight -> decide(en, subject, domains, filings, inFlight, conflicts))));
        });
    }

    private Decision decide(boolean en, Optional<SubjectFiling> subject, List<String> domains,
            List<Optional<DomainFiling>> filings, InFlightReport inFlight, List<Conflict> conflicts) {
        Optional<SubjectFiling> live = subject.filter(s -> s.status() != FilingStatus.DEREGISTERED);
        if (live.isPresent() && live.get().certificateMatch() == CertificateMatch.OLD_STYLE_NUMBER_ON_RECORD) {
            conflicts.add(conflict(en, "certificateNumber", "OLD_STYLE_CERTIFICATE_ON_RECORD",
                    "conflict.old-style-certificate-on-record", "action.change-to-new-certificate"));
        }
        for (InFlightReport.Item item : inFlight.items() == null ? List.<InFlightReport.Item>of() : inFlight.items()) {
            if (item.heldHere()) {
                continue;
            }
            if ("SUBJECT".equals(item.kind())) {
                conflicts.add(conflict(en, "certificateNumber", "SUBJECT_IN_FLIGHT_ELSEWHERE",
                        "conflict.subject-in-flight-elsewhere", "action.finish-elsewhere"));
            } else {
                conflicts.add(conflict(en, "domains[" + domains.indexOf(item.domain()) + "]",
                        "DOMAIN_IN_FLIGHT_ELSEWHERE", "conflict.domain-in-flight-elsewhere",
                        "action.finish-that-filing", item.domain()));
            }
        }
        int access = 0;
        int fresh = 0;
        List<String> accessWebsites = new ArrayList<>();
        for (int i = 0; i < domains.size(); i++) {
            Optional<DomainFiling> filing = filings.get(i).filter(f -> f.website() == null
                    || f.website().status() != FilingStatus.DEREGISTERED);
            if (filing.isEmpty()) {
                fresh++;
                continue;
            }
            SubjectFiling owner = filing.get().subject();
            boolean ours = live.isPresent() && owner != null
                    && live.get().subjectFilingNumber().equals(owner.subjectFilingNumber());
            if (!ours) {
                conflicts.add(conflict(en, "domains[" + i + "]", "DOMAIN_FILED_UNDER_ANOTHER_SUBJECT",
                        "conflict.domain-filed-under-another-subject", "action.use-own-domain", domains.get(i)));
            } else if (filing.get().website() != null && filing.get().website().heldHere()) {
                conflicts.add(conflict(en, "domains[" + i + "]", "DOMAIN_ALREADY_FILED_HERE",
                        "conflict.domain-already-filed-here", "action.nothing-to-file", domains.get(i)));
            } else {
                access++;
                if (filing.get().website() != null
                        && !accessWebsites.contains(filing.get().website().websiteFilingNumber())) {
                    accessWebsites.add(filing.get().website().websiteFilingNumber());
                }
            }
        }
        if (access > 0 && fresh > 0) {
            conflicts.add(conflict(en, "domains", "ACCESS_AND_NEW_WEBSITE_MIXED",
                    "conflict.access-and-new-website-mixed", "action.access-first"));
        }
        String number = live.map(SubjectFiling::subjectFilingNumber).orElse(null);
        if (!conflicts.isEmpty()) {
            return Decision.refused(number, conflicts);
        }
        FilingType type;
        if (access > 0) {
            type = FilingType.ACCESS_FILING;
        } else if (live.isEmpty()) {
            type = FilingType.FIRST_FILING;
        } else if (live.get().heldHere()) {
            type = FilingType.NEW_WEBSITE;
        } else {
            type = FilingType.NEW_WEBSITE_SUBJECT_ELSEWHERE;
        }
        return new Decision(type, number, List.of(), live.map(SubjectFiling::name).orElse(null),
                List.copyOf(accessWebsites));
    }

    /**
     * Each domain as the registry files it: its registrable domain (a subdomain is filed with it), in ASCII, judged by
     * the shared domain validators. Anything that is not a domain name is the applicant's mistake: 400 naming each.
     */
    private static List<String> registrableDomains(List<String> raw) {
        List<String> domains = new ArrayList<>();
        List<FieldViolation> errors = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            DomainParse parse = DomainNames.parse(raw.get(i));
            int index = i;
            parse.problem().ifPresent(p -> errors.add(FieldViolation.of("domains[" + index + "]", p.code(),
                    p.key(), p.args().toArray())));
            domains.add(parse.domain().map(ParsedDomain::registrableDomain).orElse(null));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.localized(ProblemType.VALIDATION_FAILED, "detail.domains-invalid", errors,
                    String.valueOf(errors.size()));
        }
        return domains;
    }

    /** Suffixes the administration (or the province, e.g. Beijing's BJ-B-02) does not accept, by the newest lists. */
    private static List<Conflict> unapprovedSuffixes(boolean en, List<String> domains, Province province) {
        List<Conflict> conflicts = new ArrayList<>();
        for (int i = 0; i < domains.size(); i++) {
            ParsedDomain d = DomainNames.parse(domains.get(i)).orElseThrow();
            SuffixJudgement j = ApprovedSuffixes.standard().judge(d.suffix(), province);
            if (!j.approved()) {
                conflicts.add(new Conflict("domains[" + i + "]", j.code(), Messages.text(en, j.key(), j.args().toArray()),
                        Messages.text(en, "action.use-allowed-suffix"), j.ruleId()));
            }
        }
        return conflicts;
    }

    private Uni<List<Optional<DomainFiling>>> domainFilings(List<String> domains) {
        List<Uni<Optional<DomainFiling>>> lookups = domains.stream()
                .map(d -> notFoundAsEmpty(national.filingByDomain(d)))
                .toList();
        return Uni.join().all(lookups).andFailFast();
    }

    private static <T> Uni<Optional<T>> notFoundAsEmpty(Uni<T> lookup) {
        return lookup.map(Optional::ofNullable)
                .onFailure(e -> e instanceof WebApplicationException w && w.getResponse().getStatus() == 404)
                .recoverWithItem(Optional.empty())
                .onFailure().transform(FilingTypeDecider::unavailable);
    }

    private static Throwable unavailable(Throwable e) {
        if (e instanceof ProblemException) {
            return e;
        }
        LOG.warnf("National systems unavailable: %s", e.toString());
        return ProblemException.localized(ProblemType.SERVICE_UNAVAILABLE, "detail.registry-unavailable");
    }
}
