package cn.beian.national.service;

import cn.beian.national.client.CertificateMatch;
import cn.beian.national.client.DomainRegistration;
import cn.beian.national.client.FilingStatus;
import cn.beian.national.client.SubjectFiling;
import cn.beian.national.config.NationalConfig;
import cn.beian.national.domain.DomainRegistrationRecord;
import cn.beian.national.domain.FilingNumbers;
import cn.beian.national.domain.InFlightElsewhere;
import cn.beian.national.domain.RegistryDomain;
import cn.beian.national.domain.RegistrySubject;
import cn.beian.national.domain.RegistryWebsite;
import cn.beian.national.repository.DomainRegistrationRepository;
import cn.beian.national.repository.InFlightElsewhereRepository;
import cn.beian.national.repository.Persist;
import cn.beian.national.repository.RegistryDomainRepository;
import cn.beian.national.repository.RegistrySubjectRepository;
import cn.beian.national.repository.RegistryWebsiteRepository;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.time.BeianClock;
import cn.beian.time.BusinessCalendar;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The stand-in's admin API: adds and edits registry and domain-registry records (tests and demos). */
@ApplicationScoped
public class AdminService {

    private static final Logger LOG = Logger.getLogger(AdminService.class);

    private final RegistrySubjectRepository subjects;
    private final RegistryWebsiteRepository websites;
    private final RegistryDomainRepository domains;
    private final DomainRegistrationRepository registrations;
    private final InFlightElsewhereRepository elsewhere;
    private final RegistryService registry;
    private final NationalConfig config;
    private final BeianClock clock;
    private final BusinessCalendar calendar;
    private final PasswordHashing hashing;

    public AdminService(RegistrySubjectRepository subjects, RegistryWebsiteRepository websites,
            RegistryDomainRepository domains, DomainRegistrationRepository registrations,
            InFlightElsewhereRepository elsewhere, RegistryService registry, NationalConfig config, BeianClock clock,
            BusinessCalendar calendar, PasswordHashing hashing) {
        this.subjects = subjects;
        this.websites = websites;
        this.domains = domains;
        this.registrations = registrations;
        this.elsewhere = elsewhere;
        this.registry = registry;
        this.config = config;
        this.clock = clock;
        this.calendar = calendar;
        this.hashing = hashing;
    }

    @WithTransaction
    public Uni<SubjectFiling> createSubject(RegistryEdits.NewSubject r) {
        OffsetDateTime now = StoredTime.now(clock);
        String number = r.subjectFilingNumber() != null ? r.subjectFilingNumber() : FilingNumbers.candidate(r.province());
        if (!FilingNumbers.SUBJECT.matcher(number).matches()) {
            return Uni.createFrom().failure(ProblemException.invalidFields(List.of(
                    FieldViolation.of("subjectFilingNumber", "PATTERN", "field.subject-filing-number-pattern"))));
        }
        return subjects.countByFilingNumber(number).chain(n -> {
            if (n > 0) {
                return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                        "detail.subject-filing-exists", number).with("subjectFilingNumber", number));
            }
            RegistrySubject s = new RegistrySubject();
            s.id = UUID.randomUUID();
            s.subjectFilingNumber = number;
            s.status = r.status() == null ? FilingStatus.NORMAL : r.status();
            s.nature = r.nature();
            s.name = r.name();
            s.province = r.province();
            s.certificateType = r.certificateType();
            s.certificateNumber = r.certificateNumber().toUpperCase();
            s.provider = r.provider();
            principal(s, r.principal());
            s.filedOn = r.filedOn() == null ? now.toLocalDate() : r.filedOn();
            s.updatedAt = now;
            return hash(r.password()).chain(h -> {
                s.passwordHash = h;
                return subjects.persist(s);
            }).chain(() -> addWebsites(s, r.websites() == null ? List.of() : r.websites(), now))
                    .invoke(() -> LOG.infof("Admin added registry subject %s", s.subjectFilingNumber))
                    .chain(() -> registry.view(s, CertificateMatch.EXACT));
        });
    }

    @WithTransaction
    public Uni<SubjectFiling> addWebsite(String subjectNumber, RegistryEdits.NewWebsite w) {
        OffsetDateTime now = StoredTime.now(clock);
        return subject(subjectNumber).chain(s -> subjects.lock(s.id))
                .chain(s -> addWebsites(s, List.of(w), now).chain(() -> registry.view(s, CertificateMatch.EXACT)));
    }

    private Uni<Void> addWebsites(RegistrySubject s, List<RegistryEdits.NewWebsite> records, OffsetDateTime now) {
        List<RegistryWebsite> ws = new ArrayList<>();
        List<RegistryDomain> ds = new ArrayList<>();
        for (RegistryEdits.NewWebsite r : records) {
            RegistryWebsite w = new RegistryWebsite();
            w.id = UUID.randomUUID();
            w.subjectId = s.id;
            if (r.websiteFilingNumber() != null) {
                if (!r.websiteFilingNumber().startsWith(s.subjectFilingNumber + "-")) {
                    throw ProblemException.invalidFields(List.of(FieldViolation.of("websiteFilingNumber",
                            "WEBSITE_NOT_UNDER_SUBJECT", "field.website-number-form", s.subjectFilingNumber)));
                }
                w.websiteFilingNumber = r.websiteFilingNumber();
                int seq = Integer.parseInt(w.websiteFilingNumber.substring(w.websiteFilingNumber.lastIndexOf('-') + 1));
                s.lastWebsiteSequence = Math.max(s.lastWebsiteSequence, seq);
            } else {
                w.websiteFilingNumber = s.nextWebsiteFilingNumber();
            }
            w.name = r.name();
            w.status = r.status() == null ? FilingStatus.NORMAL : r.status();
            w.provider = w.status == FilingStatus.EMPTY_SHELL ? null : (r.provider() == null ? s.provider : r.provider());
            w.principalName = r.principalName() == null ? s.principalName : r.principalName();
            w.principalMobile = r.principalMobile() == null ? s.principalMobile : Domains.normalizeMobile(r.principalMobile());
            w.filedOn = now.toLocalDate();
            w.updatedAt = now;
            ws.add(w);
            r.domains().stream().map(Domains::normalize).distinct().forEach(d -> ds.add(RegistryDomain.of(w.id, d)));
        }
        s.updatedAt = now;
        return Persist.all(websites, ws).chain(() -> Persist.all(domains, ds));
    }

    @WithTransaction
    public Uni<SubjectFiling> patchSubject(String number, RegistryEdits.SubjectChanges p) {
        OffsetDateTime now = StoredTime.now(clock);
        return subject(number).chain(s -> subjects.lock(s.id)).chain(s -> {
            if (p.status() != null) {
                s.status = p.status();
            }
            if (p.name() != null) {
                s.name = p.name();
            }
            if (p.provider() != null) {
                s.provider = p.provider();
            }
            if (p.certificateType() != null) {
                s.certificateType = p.certificateType();
            }
            if (p.certificateNumber() != null) {
                s.certificateNumber = p.certificateNumber().toUpperCase();
            }
            if (p.principal() != null) {
                principal(s, p.principal());
            }
            if (Boolean.TRUE.equals(p.unlockPassword())) {
                s.passwordFailures = 0;
                s.passwordLockedUntil = null;
            }
            s.updatedAt = now;
            return hash(p.password()).chain(h -> {
                if (h != null) {
                    s.passwordHash = h;
                    s.passwordFailures = 0;
                    s.passwordLockedUntil = null;
                }
                LOG.infof("Admin changed registry subject %s", s.subjectFilingNumber);
                return registry.view(s, CertificateMatch.EXACT);
            });
        });
    }

    @WithTransaction
    public Uni<SubjectFiling> patchWebsite(String number, RegistryEdits.WebsiteChanges p) {
        OffsetDateTime now = StoredTime.now(clock);
        return websites.byFilingNumber(number).onItem().ifNull()
                .failWith(() -> ProblemException.localized(ProblemType.NOT_FOUND, "detail.website-filing-not-found",
                        number)).chain(w -> {
                    if (p.status() != null) {
                        w.status = p.status();
                        if (p.status() == FilingStatus.EMPTY_SHELL) {
                            w.provider = null;
                        }
                    }
                    if (p.provider() != null) {
                        w.provider = p.provider();
                    }
                    if (p.name() != null) {
                        w.name = p.name();
                    }
                    w.updatedAt = now;
                    Uni<Void> domainsChanged = Uni.createFrom().voidItem();
                    if (p.domains() != null) {
                        domainsChanged = domains.deleteByWebsite(w.id).chain(() -> domains.getSession())
                                .chain(session -> session.flush())
                                .chain(() -> Persist.all(domains, p.domains().stream().map(Domains::normalize)
                                        .distinct().map(d -> RegistryDomain.of(w.id, d)).toList()));
                    }
                    return domainsChanged.chain(() -> subjects.findById(w.subjectId))
                            .chain(s -> registry.view(s, CertificateMatch.EXACT));
                });
    }

    @WithTransaction
    public Uni<DomainRegistration> putRegistration(String rawDomain, RegistryEdits.Registration r) {
        String domain = Domains.normalize(rawDomain);
        OffsetDateTime now = StoredTime.now(clock);
        return registrations.findById(domain).chain(existing -> {
            DomainRegistrationRecord d = existing != null ? existing : new DomainRegistrationRecord();
            d.domain = domain;
            d.registrar = r.registrar();
            d.registrantName = r.registrantName();
            d.registrantCertificateType = r.registrantCertificateType();
            d.registrantCertificateNumber = r.registrantCertificateNumber() == null ? null
                    : r.registrantCertificateNumber().toUpperCase();
            d.realNameVerified = r.realNameVerified();
            d.realNameVerifiedAt = r.realNameVerified() ? (r.realNameVerifiedAt() == null ? now : r.realNameVerifiedAt())
                    : null;
            d.registeredOn = r.registeredOn();
            d.expiresOn = r.expiresOn();
            d.registeredAbroad = Boolean.TRUE.equals(r.registeredAbroad());
            d.updatedAt = now;
            return (existing != null ? Uni.createFrom().item(d) : registrations.persist(d))
                    .map(x -> Views.registration(d, now, calendar));
        });
    }

    @WithTransaction
    public Uni<Boolean> deleteRegistration(String domain) {
        return registrations.deleteById(Domains.normalize(domain));
    }

    @WithSession
    public Uni<DomainRegistration> registration(String domain) {
        OffsetDateTime now = StoredTime.now(clock);
        return registrations.findById(Domains.normalize(domain)).map(d -> {
            if (d == null) {
                throw ProblemException.localized(ProblemType.NOT_FOUND, "detail.domain-registration-not-found",
                        Domains.normalize(domain));
            }
            return Views.registration(d, now, calendar);
        });
    }

    @WithTransaction
    public Uni<InFlightElsewhere> addInFlight(RegistryEdits.InFlight r) {
        if ((r.certificateNumber() == null || r.certificateNumber().isBlank())
                && (r.domain() == null || r.domain().isBlank())) {
            return Uni.createFrom().failure(ProblemException.invalidFields(List.of(
                    FieldViolation.of("domain", "NOT_BLANK", "field.in-flight-names-nothing"))));
        }
        InFlightElsewhere e = new InFlightElsewhere();
        e.id = UUID.randomUUID();
        e.provider = r.provider();
        e.certificateType = r.certificateType();
        e.certificateNumber = r.certificateNumber() == null ? null : r.certificateNumber().toUpperCase();
        e.domain = r.domain() == null ? null : Domains.normalize(r.domain());
        e.since = StoredTime.now(clock);
        return elsewhere.persist(e);
    }

    @WithSession
    public Uni<List<InFlightElsewhere>> inFlight() {
        return elsewhere.listAll();
    }

    @WithTransaction
    public Uni<Boolean> removeInFlight(UUID id) {
        return elsewhere.deleteById(id);
    }

    private Uni<RegistrySubject> subject(String number) {
        return subjects.findByFilingNumber(number).onItem().ifNull()
                .failWith(() -> ProblemException.localized(ProblemType.NOT_FOUND, "detail.subject-filing-not-found",
                        number));
    }

    private static void principal(RegistrySubject s, RegistryEdits.Principal p) {
        s.principalName = p.name();
        s.principalCertificateType = p.certificateType();
        s.principalCertificateNumber = p.certificateNumber();
        s.principalMobile = Domains.normalizeMobile(p.mobile());
        s.principalEmail = p.email();
    }

    private Uni<String> hash(String password) {
        if (password == null) {
            return Uni.createFrom().nullItem();
        }
        return hashing.hash(password);
    }
}
