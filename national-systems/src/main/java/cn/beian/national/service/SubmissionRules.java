package cn.beian.national.service;

import static cn.beian.national.client.SubmissionType.ACCESS_FILING;
import static cn.beian.national.client.SubmissionType.CANCEL_ACCESS;
import static cn.beian.national.client.SubmissionType.CHANGE;
import static cn.beian.national.client.SubmissionType.DEREGISTER_SUBJECT;
import static cn.beian.national.client.SubmissionType.DEREGISTER_WEBSITE;
import static cn.beian.national.client.SubmissionType.FIRST_FILING;
import static cn.beian.national.client.SubmissionType.NEW_WEBSITE;
import static cn.beian.national.client.SubmissionType.NEW_WEBSITE_SUBJECT_ELSEWHERE;

import cn.beian.national.client.CertificateMatch;
import cn.beian.national.client.FilingStatus;
import cn.beian.national.client.PrincipalSnapshot;
import cn.beian.national.client.SubmissionRequest;
import cn.beian.national.client.SubmissionType;
import cn.beian.national.client.WebsiteSnapshot;
import cn.beian.national.config.NationalConfig;
import cn.beian.national.domain.CertificateNumbers;
import cn.beian.national.domain.FilingNumbers;
import cn.beian.national.domain.RegistryDomain;
import cn.beian.national.domain.RegistrySubject;
import cn.beian.national.domain.RegistryWebsite;
import cn.beian.national.repository.InFlightElsewhereRepository;
import cn.beian.national.repository.RegistryDomainRepository;
import cn.beian.national.repository.RegistryWebsiteRepository;
import cn.beian.national.repository.SubmissionRepository;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the administration refuses at once: malformed snapshots (400, {@link #shape}) and snapshots that conflict with
 * the registry or with open submissions (409, {@link #conflicts}). Each reason names the snapshot's field.
 */
@ApplicationScoped
public class SubmissionRules {

    /** Types that add websites (all their domains are checked). */
    static final Set<SubmissionType> ADDING = EnumSet.of(FIRST_FILING, NEW_WEBSITE, NEW_WEBSITE_SUBJECT_ELSEWHERE);
    /** Types whose websites are existing filings named by number. */
    static final Set<SubmissionType> BY_NUMBER = EnumSet.of(ACCESS_FILING, CHANGE, CANCEL_ACCESS, DEREGISTER_WEBSITE);
    /** Types that only remove: no website principal needed. */
    static final Set<SubmissionType> REMOVING = EnumSet.of(CANCEL_ACCESS, DEREGISTER_WEBSITE, DEREGISTER_SUBJECT);

    private final RegistryService registry;
    private final RegistryWebsiteRepository websites;
    private final RegistryDomainRepository domains;
    private final InFlightElsewhereRepository elsewhere;
    private final SubmissionRepository submissions;
    private final NationalConfig config;

    public SubmissionRules(RegistryService registry, RegistryWebsiteRepository websites,
            RegistryDomainRepository domains, InFlightElsewhereRepository elsewhere, SubmissionRepository submissions,
            NationalConfig config) {
        this.registry = registry;
        this.websites = websites;
        this.domains = domains;
        this.elsewhere = elsewhere;
        this.submissions = submissions;
        this.config = config;
    }

    /** Lower-cases domains and certificate numbers, so that equal snapshots hash equally. */
    public static SubmissionRequest normalize(SubmissionRequest r) {
        var s = r.subject();
        var subject = new cn.beian.national.client.SubjectSnapshot(blankToNull(s.subjectFilingNumber()), s.nature(),
                s.name().strip(), s.certificateType(), s.certificateNumber().strip().toUpperCase(),
                s.certificateAddress(), s.communicationAddress(), principal(s.principal()));
        List<WebsiteSnapshot> ws = r.websites().stream().map(w -> new WebsiteSnapshot(
                blankToNull(w.websiteFilingNumber()), w.name().strip(),
                w.domains().stream().map(Domains::normalize).toList(), w.homepageUrls(), principal(w.principal())))
                .toList();
        return new SubmissionRequest(r.submissionId(), r.type(), r.province(), subject, ws);
    }

    private static PrincipalSnapshot principal(PrincipalSnapshot p) {
        return p == null ? null : new PrincipalSnapshot(p.name().strip(), p.certificateType(),
                p.certificateNumber().strip().toUpperCase(), Domains.normalizeMobile(p.mobile()), p.email());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** 400 reasons: what is wrong with the snapshot by itself. */
    public void shape(SubmissionRequest r) {
        List<FieldViolation> errors = new ArrayList<>();
        subjectShape(r, errors);
        websitesShape(r, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    /** The subject's certificate, its principal, and its filing number as the type wants it. */
    private static void subjectShape(SubmissionRequest r, List<FieldViolation> errors) {
        var s = r.subject();
        SubmissionType type = r.type();
        if (s.certificateType().forUnits() != s.nature().isUnit()) {
            errors.add(FieldViolation.of("subject.certificateType", "CERTIFICATE_TYPE_NOT_FOR_NATURE",
                    s.nature().isUnit() ? "field.unit-needs-unit-certificate"
                            : "field.person-needs-personal-certificate"));
        } else if (!CertificateNumbers.isWellFormed(s.certificateType(), s.certificateNumber())) {
            errors.add(FieldViolation.of("subject.certificateNumber", "CERTIFICATE_NUMBER_INVALID",
                    "field.certificate-number-invalid", String.valueOf(s.certificateType())));
        }
        principalShape("subject.principal", s.principal(), errors);
        if (type == FIRST_FILING && s.subjectFilingNumber() != null) {
            errors.add(FieldViolation.of("subject.subjectFilingNumber", "NOT_ALLOWED",
                    "field.first-filing-has-no-subject-number"));
        }
        if (type != FIRST_FILING && type != NEW_WEBSITE_SUBJECT_ELSEWHERE && s.subjectFilingNumber() == null) {
            errors.add(FieldViolation.of("subject.subjectFilingNumber", "NOT_BLANK",
                    "field.subject-number-required-for-type", String.valueOf(type)));
        }
        if (s.subjectFilingNumber() != null && !FilingNumbers.SUBJECT.matcher(s.subjectFilingNumber()).matches()) {
            errors.add(FieldViolation.of("subject.subjectFilingNumber", "PATTERN",
                    "field.subject-filing-number-pattern"));
        }
    }

    /** At least one website (but to deregister a subject); each website's number, principal and domains. */
    private static void websitesShape(SubmissionRequest r, List<FieldViolation> errors) {
        SubmissionType type = r.type();
        if (type != DEREGISTER_SUBJECT && r.websites().isEmpty()) {
            errors.add(FieldViolation.of("websites", "SIZE", "field.websites-required-for-type", String.valueOf(type)));
        }
        Map<String, String> seenDomains = new HashMap<>();
        Map<String, String> seenNumbers = new HashMap<>();
        for (int i = 0; i < r.websites().size(); i++) {
            WebsiteSnapshot w = r.websites().get(i);
            String at = "websites[" + i + "]";
            websiteNumberShape(r, w.websiteFilingNumber(), at, seenNumbers, errors);
            if (!REMOVING.contains(type) && w.principal() == null) {
                errors.add(FieldViolation.of(at + ".principal", "NOT_NULL", "field.website-principal-required"));
            }
            principalShape(at + ".principal", w.principal(), errors);
            for (int j = 0; j < w.domains().size(); j++) {
                String first = seenDomains.putIfAbsent(w.domains().get(j), at + ".domains[" + j + "]");
                if (first != null) {
                    errors.add(FieldViolation.of(at + ".domains[" + j + "]", "DOMAIN_DUPLICATED",
                            "field.also-named-at", first));
                }
            }
        }
    }

    /** New websites have no number yet, existing ones are named by theirs: well formed, under the subject, once. */
    private static void websiteNumberShape(SubmissionRequest r, String number, String at,
            Map<String, String> seenNumbers, List<FieldViolation> errors) {
        SubmissionType type = r.type();
        String subjectNumber = r.subject().subjectFilingNumber();
        if (ADDING.contains(type) && number != null) {
            errors.add(FieldViolation.of(at + ".websiteFilingNumber", "NOT_ALLOWED",
                    "field.new-website-has-no-number"));
        }
        if (BY_NUMBER.contains(type) && number == null) {
            errors.add(FieldViolation.of(at + ".websiteFilingNumber", "NOT_BLANK",
                    "field.website-number-required-for-type", String.valueOf(type)));
        }
        if (number == null) {
            return;
        }
        if (!FilingNumbers.WEBSITE.matcher(number).matches()) {
            errors.add(FieldViolation.of(at + ".websiteFilingNumber", "PATTERN",
                    "field.website-filing-number-pattern"));
        } else if (subjectNumber != null && !number.startsWith(subjectNumber + "-")) {
            errors.add(FieldViolation.of(at + ".websiteFilingNumber", "WEBSITE_NOT_UNDER_SUBJECT",
                    "field.website-number-not-under-subject", subjectNumber));
        }
        String first = seenNumbers.putIfAbsent(number, at);
        if (first != null) {
            errors.add(FieldViolation.of(at + ".websiteFilingNumber", "DUPLICATED", "field.also-named-at", first));
        }
    }

    private static void principalShape(String at, PrincipalSnapshot p, List<FieldViolation> errors) {
        if (p == null) {
            return;
        }
        if (p.certificateType().forUnits()) {
            errors.add(FieldViolation.of(at + ".certificateType", "CERTIFICATE_TYPE_NOT_FOR_NATURE",
                    "field.principal-needs-personal-certificate"));
        } else if (!CertificateNumbers.isWellFormed(p.certificateType(), p.certificateNumber())) {
            errors.add(FieldViolation.of(at + ".certificateNumber", "CERTIFICATE_NUMBER_INVALID",
                    "field.certificate-number-invalid", String.valueOf(p.certificateType())));
        }
    }

    /** The registry subject a snapshot is about (per its type), once {@link #conflicts} found it. */
    public static final class Check {
        public final List<FieldViolation> errors = new ArrayList<>();
        public RegistrySubject subject;
        public final Map<String, RegistryWebsite> websitesByNumber = new LinkedHashMap<>();
        public final List<RegistryDomain> currentDomains = new ArrayList<>();
    }

    /**
     * 409 reasons: conflicts with the registry and with open submissions other than {@code submissionId}'s, in this
     * order: the subject, the websites named by number, the domains in the registry, the domains in flight, the
     * subject in flight.
     */
    public Uni<Check> conflicts(SubmissionRequest r, String submissionId) {
        Check check = new Check();
        return subjectConflicts(r, check)
                .chain(() -> websiteConflicts(r, check))
                .chain(() -> domainsFiled(r, check))
                .chain(() -> domainsInFlight(r, submissionId, check))
                .chain(() -> subjectInFlight(r, submissionId, check))
                .replaceWith(check);
    }

    /** Finds the live subject holding the certificate and checks it against the type, number and province. */
    private Uni<Void> subjectConflicts(SubmissionRequest r, Check check) {
        var s = r.subject();
        SubmissionType type = r.type();
        String own = config.ownProvider();
        return registry.findByCertificate(s.certificateType(), s.certificateNumber()).invoke(found -> {
            RegistrySubject live = found.filter(f -> f.subject().status != FilingStatus.DEREGISTERED)
                    .map(RegistryService.Found::subject).orElse(null);
            boolean oldStyle = found.map(f -> f.match() == CertificateMatch.OLD_STYLE_NUMBER_ON_RECORD).orElse(false)
                    && live != null;
            if (oldStyle && type != CHANGE) {
                check.errors.add(FieldViolation.of("subject.certificateNumber", "CERTIFICATE_NUMBER_OLD_STYLE_ON_RECORD",
                        "field.certificate-number-old-style-on-record", live.subjectFilingNumber,
                        live.certificateNumber));
            }
            check.subject = live;
            if (live == null) {
                if (type != FIRST_FILING) {
                    check.errors.add(FieldViolation.of("subject.certificateNumber", "SUBJECT_NOT_FILED",
                            "field.subject-not-filed"));
                }
                return;
            }
            if (type == FIRST_FILING) {
                check.errors.add(FieldViolation.of("subject.certificateNumber", "SUBJECT_ALREADY_FILED",
                        "field.subject-already-filed", live.subjectFilingNumber, live.provider));
            }
            if (type == NEW_WEBSITE && !own.equals(live.provider)) {
                check.errors.add(FieldViolation.of("type", "SUBJECT_FILED_ELSEWHERE", "field.subject-filed-elsewhere",
                        live.provider));
            }
            if (type == NEW_WEBSITE_SUBJECT_ELSEWHERE && own.equals(live.provider)) {
                check.errors.add(FieldViolation.of("type", "SUBJECT_FILED_HERE", "field.subject-filed-here"));
            }
            if (s.subjectFilingNumber() != null && !s.subjectFilingNumber().equals(live.subjectFilingNumber)) {
                check.errors.add(FieldViolation.of("subject.subjectFilingNumber", "SUBJECT_FILING_NUMBER_MISMATCH",
                        "field.subject-filing-number-mismatch", live.subjectFilingNumber));
            }
            if (r.province() != live.province) {
                check.errors.add(FieldViolation.of("province", "PROVINCE_MISMATCH", "field.subject-filed-in-province",
                        String.valueOf(live.province)));
            }
        }).replaceWithVoid();
    }

    /**
     * The websites named by number: under the subject, not deregistered, and held by this provider (or, to take up
     * access, by another). Loads their current domains into the check.
     */
    private Uni<Void> websiteConflicts(SubmissionRequest r, Check check) {
        SubmissionType type = r.type();
        String own = config.ownProvider();
        List<String> numbers = r.websites().stream().map(WebsiteSnapshot::websiteFilingNumber)
                .filter(n -> n != null).toList();
        return (numbers.isEmpty() ? Uni.createFrom().item(List.<RegistryWebsite>of())
                : websites.list("websiteFilingNumber in ?1", numbers)).chain(found -> {
            found.forEach(w -> check.websitesByNumber.put(w.websiteFilingNumber, w));
            for (int i = 0; i < r.websites().size(); i++) {
                String number = r.websites().get(i).websiteFilingNumber();
                if (number == null) {
                    continue;
                }
                String at = "websites[" + i + "].websiteFilingNumber";
                RegistryWebsite w = check.websitesByNumber.get(number);
                if (w == null || check.subject == null || !w.subjectId.equals(check.subject.id)) {
                    check.errors.add(FieldViolation.of(at, "WEBSITE_NOT_FOUND", "field.website-not-under-subject",
                            number));
                } else if (w.status == FilingStatus.DEREGISTERED) {
                    check.errors.add(FieldViolation.of(at, "WEBSITE_DEREGISTERED", "field.website-deregistered",
                            number));
                } else if (type == ACCESS_FILING && own.equals(w.provider)) {
                    check.errors.add(FieldViolation.of(at, "WEBSITE_ALREADY_HERE", "field.website-already-served-here",
                            number));
                } else if (type != ACCESS_FILING && !own.equals(w.provider)) {
                    check.errors.add(w.provider == null
                            ? FieldViolation.of(at, "WEBSITE_NOT_HELD_HERE", "field.website-empty-shell", number)
                            : FieldViolation.of(at, "WEBSITE_NOT_HELD_HERE", "field.website-served-elsewhere",
                                    number, w.provider));
                }
            }
            return domains.byWebsites(check.websitesByNumber.values().stream().map(w -> w.id).toList());
        }).invoke(check.currentDomains::addAll).replaceWithVoid();
    }

    /**
     * The domains a submission adds (all of a new website's, a change's new ones) must not be filed already, whether
     * under this subject or another.
     */
    private Uni<Void> domainsFiled(SubmissionRequest r, Check check) {
        SubmissionType type = r.type();
        // Domains to verify, with where they are in the snapshot.
        Map<String, String> toVerify = new LinkedHashMap<>();
        for (int i = 0; i < r.websites().size(); i++) {
            WebsiteSnapshot w = r.websites().get(i);
            RegistryWebsite existing = w.websiteFilingNumber() == null ? null
                    : check.websitesByNumber.get(w.websiteFilingNumber());
            for (int j = 0; j < w.domains().size(); j++) {
                String d = w.domains().get(j);
                boolean added = existing == null || check.currentDomains.stream()
                        .noneMatch(c -> c.websiteId.equals(existing.id) && c.domain.equals(d));
                if (ADDING.contains(type) || (type == CHANGE && added)) {
                    toVerify.put(d, "websites[" + i + "].domains[" + j + "]");
                }
            }
        }
        return registry.liveWebsitesHolding(List.copyOf(toVerify.keySet())).invoke(hits -> {
            for (RegistryService.Hit h : hits) {
                String at = toVerify.get(h.domain());
                if (check.subject != null && h.website().subjectId.equals(check.subject.id)) {
                    check.errors.add(FieldViolation.of(at, "DOMAIN_ALREADY_FILED", "field.domain-already-filed",
                            h.domain(), h.website().websiteFilingNumber));
                } else {
                    check.errors.add(FieldViolation.of(at, "DOMAIN_FILED_UNDER_ANOTHER_SUBJECT",
                            "field.domain-filed-under-another-subject", h.domain(),
                            h.website().websiteFilingNumber));
                }
            }
        }).replaceWithVoid();
    }

    /** No domain of the snapshot may be in an open submission, at another provider or at this one. */
    private Uni<Void> domainsInFlight(SubmissionRequest r, String submissionId, Check check) {
        // Every domain of the snapshot, with where it is.
        Map<String, String> all = new LinkedHashMap<>();
        for (int i = 0; i < r.websites().size(); i++) {
            List<String> ds = r.websites().get(i).domains();
            for (int j = 0; j < ds.size(); j++) {
                all.put(ds.get(j), "websites[" + i + "].domains[" + j + "]");
            }
        }
        return elsewhere.byDomains(List.copyOf(all.keySet())).chain(inFlight -> {
            inFlight.forEach(e -> check.errors.add(FieldViolation.of(all.get(e.domain), "DOMAIN_IN_FLIGHT",
                    "field.domain-in-flight-elsewhere", e.domain, e.provider)));
            return submissions.openDomains(List.copyOf(all.keySet()), submissionId);
        }).invoke(open -> open.forEach(d -> check.errors.add(FieldViolation.of(all.get(d.domain),
                "DOMAIN_IN_FLIGHT", "field.domain-in-flight-here", d.domain, d.submissionId))))
                .replaceWithVoid();
    }

    /** The subject (by its certificate number or that number's old-style form) may not be in an open submission. */
    private Uni<Void> subjectInFlight(SubmissionRequest r, String submissionId, Check check) {
        var s = r.subject();
        List<String> certNumbers = RegistryService.candidateNumbers(s.certificateType(), s.certificateNumber());
        return elsewhere.byCertificateNumbers(certNumbers).chain(inFlight -> {
            inFlight.forEach(e -> check.errors.add(FieldViolation.of("subject.certificateNumber",
                    "SUBJECT_IN_FLIGHT", "field.subject-in-flight-elsewhere", e.provider)));
            return submissions.openByCertificate(certNumbers, submissionId);
        }).invoke(open -> open.forEach(o -> check.errors.add(FieldViolation.of("subject.certificateNumber",
                "SUBJECT_IN_FLIGHT", "field.subject-in-flight-here", o.id))))
                .replaceWithVoid();
    }

    public static ProblemException conflict(List<FieldViolation> errors) {
        return ProblemException.localized(ProblemType.CONFLICT, "detail.submission-conflicts", errors,
                String.valueOf(errors.size()));
    }
}
