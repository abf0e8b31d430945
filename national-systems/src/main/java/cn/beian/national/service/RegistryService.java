package cn.beian.national.service;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.privacy.Masking;
import cn.beian.national.client.CertificateMatch;
import cn.beian.national.client.DomainFiling;
import cn.beian.national.client.FilingStatus;
import cn.beian.national.client.InFlightCheckRequest;
import cn.beian.national.client.InFlightReport;
import cn.beian.national.client.PasswordCheckRequest;
import cn.beian.national.client.PasswordCheckResult;
import cn.beian.national.client.SubjectFiling;
import cn.beian.national.config.NationalConfig;
import cn.beian.national.domain.CertificateNumbers;
import cn.beian.national.domain.RegistryDomain;
import cn.beian.national.domain.RegistrySubject;
import cn.beian.national.domain.RegistryWebsite;
import cn.beian.national.domain.Submission;
import cn.beian.national.repository.InFlightElsewhereRepository;
import cn.beian.national.repository.RegistryDomainRepository;
import cn.beian.national.repository.RegistrySubjectRepository;
import cn.beian.national.repository.RegistryWebsiteRepository;
import cn.beian.national.repository.SubmissionRepository;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/** Lookups in the national registry, in-flight checks and filing password checks. */
@ApplicationScoped
public class RegistryService {

    private static final Logger LOG = Logger.getLogger(RegistryService.class);

    private final RegistrySubjectRepository subjects;
    private final RegistryWebsiteRepository websites;
    private final RegistryDomainRepository domains;
    private final InFlightElsewhereRepository elsewhere;
    private final SubmissionRepository submissions;
    private final NationalConfig config;
    private final BeianClock clock;
    private final PasswordHashing hashing;

    public RegistryService(RegistrySubjectRepository subjects, RegistryWebsiteRepository websites,
            RegistryDomainRepository domains, InFlightElsewhereRepository elsewhere, SubmissionRepository submissions,
            NationalConfig config, BeianClock clock, PasswordHashing hashing) {
        this.subjects = subjects;
        this.websites = websites;
        this.domains = domains;
        this.elsewhere = elsewhere;
        this.submissions = submissions;
        this.config = config;
        this.clock = clock;
        this.hashing = hashing;
    }

    /** A registry subject found by certificate, and how its number matched. */
    public record Found(RegistrySubject subject, CertificateMatch match) {
    }

    /** The certificate numbers a record may hold for this one: itself and its old-style form. */
    static List<String> candidateNumbers(CertificateType type, String number) {
        List<String> out = new ArrayList<>();
        out.add(number.toUpperCase());
        CertificateNumbers.oldStyleOf(type, number.toUpperCase()).ifPresent(out::add);
        return out;
    }

    /**
     * The live (not deregistered) subject with this certificate, exact number first, else one holding its old-style
     * number; a deregistered one only where no live one exists.
     */
    Uni<Optional<Found>> findByCertificate(CertificateType type, String number) {
        String exact = number.toUpperCase();
        return subjects.findByCertificateNumbers(candidateNumbers(type, number)).map(list -> {
            Found best = null;
            for (RegistrySubject s : list) {
                CertificateMatch m = s.certificateNumber.equals(exact) ? CertificateMatch.EXACT
                        : CertificateMatch.OLD_STYLE_NUMBER_ON_RECORD;
                boolean live = s.status != FilingStatus.DEREGISTERED;
                if (best == null || (live && best.subject().status == FilingStatus.DEREGISTERED)
                        || (live == (best.subject().status != FilingStatus.DEREGISTERED)
                                && m == CertificateMatch.EXACT && best.match() != CertificateMatch.EXACT)) {
                    best = new Found(s, m);
                }
            }
            return Optional.ofNullable(best);
        });
    }

    Uni<SubjectFiling> view(RegistrySubject s, CertificateMatch match) {
        return websites.bySubject(s.id).chain(ws -> domains.byWebsites(ws.stream().map(w -> w.id).toList())
                .map(ds -> Views.subject(s, match, ws, ds, config.ownProvider())));
    }

    @WithSession
    public Uni<SubjectFiling> subjectByCertificate(CertificateType type, String number) {
        if (type == null || number == null || number.isBlank()) {
            List<FieldViolation> errors = new ArrayList<>();
            if (type == null) {
                errors.add(FieldViolation.of("certificateType", "NOT_NULL", "field.parameter-required",
                        "certificateType"));
            }
            if (number == null || number.isBlank()) {
                errors.add(FieldViolation.of("certificateNumber", "NOT_BLANK", "field.parameter-required",
                        "certificateNumber"));
            }
            return Uni.createFrom().failure(
                    ProblemException.invalidFields(errors));
        }
        return findByCertificate(type, number.strip()).chain(found -> found
                .map(f -> view(f.subject(), f.match()))
                .orElseGet(() -> Uni.createFrom().failure(
                        ProblemException.localized(ProblemType.NOT_FOUND, "detail.subject-by-certificate-not-found",
                                Masking.certificateNumber(number)))));
    }

    @WithSession
    public Uni<SubjectFiling> subjectByFilingNumber(String number) {
        return subjects.findByFilingNumber(number.strip()).chain(s -> s == null
                ? Uni.createFrom().failure(
                        ProblemException.localized(ProblemType.NOT_FOUND, "detail.subject-filing-not-found", number))
                : view(s, CertificateMatch.EXACT));
    }

    @WithSession
    public Uni<DomainFiling> websiteByFilingNumber(String number) {
        return websites.byFilingNumber(number.strip()).chain(w -> w == null
                ? Uni.createFrom().failure(
                        ProblemException.localized(ProblemType.NOT_FOUND, "detail.website-filing-not-found", number))
                : domainFiling(w, null));
    }

    private Uni<DomainFiling> domainFiling(RegistryWebsite w, String domain) {
        return subjects.findById(w.subjectId).chain(s -> view(s, CertificateMatch.EXACT)).map(sf -> new DomainFiling(
                domain, sf, sf.websites().stream().filter(x -> x.websiteFilingNumber().equals(w.websiteFilingNumber))
                        .findFirst().orElseThrow()));
    }

    /** The live filing of a domain, or of its closest filed parent ({@code www.example.cn} → {@code example.cn}). */
    @WithSession
    public Uni<DomainFiling> byDomain(String domain) {
        List<String> candidates = Domains.selfAndParents(domain);
        return liveWebsitesHolding(candidates).chain(hits -> {
            for (String c : candidates) {
                for (Hit h : hits) {
                    if (h.domain().equals(c)) {
                        return domainFiling(h.website(), c);
                    }
                }
            }
            return Uni.createFrom().failure(ProblemException.localized(ProblemType.NOT_FOUND,
                    "detail.domain-filing-not-found", Domains.normalize(domain)));
        });
    }

    public record Hit(String domain, RegistryWebsite website) {
    }

    /** Live (not deregistered) websites holding any of these domains. */
    Uni<List<Hit>> liveWebsitesHolding(List<String> names) {
        return domains.byDomains(names).chain(ds -> websites.byIds(ds.stream().map(d -> d.websiteId).distinct().toList())
                .map(ws -> {
                    List<Hit> hits = new ArrayList<>();
                    for (RegistryDomain d : ds) {
                        ws.stream().filter(w -> w.id.equals(d.websiteId) && w.status != FilingStatus.DEREGISTERED)
                                .findFirst().ifPresent(w -> hits.add(new Hit(d.domain, w)));
                    }
                    return hits;
                }));
    }

    @WithSession
    public Uni<InFlightReport> inFlight(InFlightCheckRequest r) {
        List<String> numbers = r.certificateNumber() == null || r.certificateNumber().isBlank() ? List.of()
                : candidateNumbers(r.certificateType(), r.certificateNumber().strip());
        Set<String> names = new LinkedHashSet<>();
        if (r.domains() != null) {
            r.domains().forEach(d -> names.add(Domains.normalize(d)));
        }
        List<InFlightReport.Item> items = new ArrayList<>();
        return elsewhere.byCertificateNumbers(numbers)
                .invoke(l -> l.forEach(e -> items.add(new InFlightReport.Item("SUBJECT", null, e.provider, false, null,
                        e.since))))
                .chain(() -> elsewhere.byDomains(List.copyOf(names)))
                .invoke(l -> l.forEach(e -> items.add(new InFlightReport.Item("DOMAIN", e.domain, e.provider, false,
                        null, e.since))))
                .chain(() -> numbers.isEmpty() ? Uni.createFrom().item(List.<Submission>of())
                        : submissions.openByCertificate(numbers, ""))
                .invoke(l -> l.forEach(s -> items.add(new InFlightReport.Item("SUBJECT", null, config.ownProvider(),
                        true, s.id, s.receivedAt))))
                .chain(() -> submissions.openDomains(List.copyOf(names), ""))
                .chain(ds -> {
                    List<String> ids = ds.stream().map(d -> d.submissionId).distinct().toList();
                    return (ids.isEmpty() ? Uni.createFrom().item(List.<Submission>of())
                            : submissions.list("id in ?1", ids)).map(subs -> {
                                for (var d : ds) {
                                    subs.stream().filter(s -> s.id.equals(d.submissionId)).findFirst().ifPresent(
                                            s -> items.add(new InFlightReport.Item("DOMAIN", d.domain,
                                                    config.ownProvider(), true, s.id, s.receivedAt)));
                                }
                                return new InFlightReport(items.stream().anyMatch(i -> i.kind().equals("SUBJECT")),
                                        items.stream().anyMatch(i -> i.kind().equals("DOMAIN")), items);
                            });
                });
    }

    /**
     * Checks a filing password. Wrong ones are counted on the subject; the {@code maxFailures}-th locks the check for
     * {@code lockFor}; while locked nothing is checked. A match resets the count. The password is never logged.
     */
    @WithTransaction
    public Uni<PasswordCheckResult> checkPassword(PasswordCheckRequest r) {
        Uni<RegistrySubject> target;
        if (r.subjectFilingNumber() != null && !r.subjectFilingNumber().isBlank()) {
            target = subjects.findByFilingNumber(r.subjectFilingNumber().strip());
        } else if (r.certificateType() != null && r.certificateNumber() != null && !r.certificateNumber().isBlank()) {
            target = findByCertificate(r.certificateType(), r.certificateNumber().strip())
                    .map(f -> f.map(Found::subject).orElse(null));
        } else {
            return Uni.createFrom().failure(ProblemException.localized(ProblemType.VALIDATION_FAILED,
                    "detail.password-check-names-no-subject", List.of(FieldViolation.of("subjectFilingNumber",
                            "NOT_BLANK", "field.password-check-subject-required"))));
        }
        return target.chain(found -> {
            if (found == null) {
                return Uni.createFrom().failure(ProblemException.notFound("Subject"));
            }
            return subjects.lock(found.id);
        }).chain(s -> {
            if (s.status == FilingStatus.DEREGISTERED) {
                return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                        "detail.subject-deregistered").with("currentStatus", s.status));
            }
            if (s.passwordHash == null) {
                return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                        "detail.subject-without-password"));
            }
            int max = config.password().maxFailures();
            OffsetDateTime now = clock.now();
            if (s.passwordLockedUntil != null) {
                if (s.passwordLockedUntil.isAfter(now)) {
                    LOG.infof("Password check for %s refused: locked until %s", s.subjectFilingNumber,
                            s.passwordLockedUntil);
                    return Uni.createFrom().item(new PasswordCheckResult(PasswordCheckResult.Result.LOCKED,
                            s.subjectFilingNumber, 0, s.passwordLockedUntil));
                }
                s.passwordLockedUntil = null;
                s.passwordFailures = 0;
            }
            String hash = s.passwordHash;
            String password = r.password();
            return hashing.verify(password, hash)
                    .map(ok -> {
                        s.updatedAt = now;
                        if (ok) {
                            s.passwordFailures = 0;
                            LOG.infof("Password check for %s: match", s.subjectFilingNumber);
                            return new PasswordCheckResult(PasswordCheckResult.Result.MATCH, s.subjectFilingNumber,
                                    max, null);
                        }
                        s.passwordFailures++;
                        if (s.passwordFailures >= max) {
                            s.passwordLockedUntil = now.plus(config.password().lockFor());
                        }
                        LOG.infof("Password check for %s: mismatch %d of %d", s.subjectFilingNumber,
                                s.passwordFailures, max);
                        return new PasswordCheckResult(PasswordCheckResult.Result.MISMATCH, s.subjectFilingNumber,
                                Math.max(0, max - s.passwordFailures), s.passwordLockedUntil);
                    });
        });
    }
}
