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
            errors.add(new FieldViolation("subject.certificateType", "CERTIFICATE_TYPE_NOT_FOR_NATURE",
                    s.nature().isUnit() ? "A unit files with a unit certificate"
                            : "A person files with a personal certificate"));
        } else if (!CertificateNumbers.isWellFormed(s.certificateType(), s.certificateNumber())) {
            errors.add(new FieldViolation("subject.certificateNumber", "CERTIFICATE_NUMBER_INVALID",
                    "Not a valid " + s.certificateType() + " number (check character or format)"));
        }
        principalShape("subject.principal", s.principal(), errors);
        if (type == FIRST_FILING && s.subjectFilingNumber() != null) {
            errors.add(new FieldViolation("subject.subjectFilingNumber", "NOT_ALLOWED",
                    "A first filing has no subject filing number yet"));
        }
        if (type != FIRST_FILING && type != NEW_WEBSITE_SUBJECT_ELSEWHERE && s.subjectFilingNumber() == null) {
            errors.add(new FieldViolation("subject.subjectFilingNumber", "NOT_BLANK",
                    "The subject's filing number is required for " + type));
        }
        if (s.subjectFilingNumber() != null && !FilingNumbers.SUBJECT.matcher(s.subjectFilingNumber()).matches()) {
            errors.add(new FieldViolation("subject.subjectFilingNumber", "PATTERN",
                    "Must look like 京ICP备12345678号"));
        }
    }

    /** At least one website (but to deregister a subject); each website's number, principal and domains. */
    private static void websitesShape(SubmissionRequest r, List<FieldViolation> errors) {
        SubmissionType type = r.type();
        if (type != DEREGISTER_SUBJECT && r.websites().isEmpty()) {
            errors.add(new FieldViolation("websites", "SIZE", type + " needs at least one website"));
        }
        Map<String, String> seenDomains = new HashMap<>();
        Map<String, String> seenNumbers = new HashMap<>();
        for (int i = 0; i < r.websites().size(); i++) {
            WebsiteSnapshot w = r.websites().get(i);
            String at = "websites[" + i + "]";
            websiteNumberShape(r, w.websiteFilingNumber(), at, seenNumbers, errors);
            if (!REMOVING.contains(type) && w.principal() == null) {
                errors.add(new FieldViolation(at + ".principal", "NOT_NULL", "The website principal is required"));
            }
            principalShape(at + ".principal", w.principal(), errors);
            for (int j = 0; j < w.domains().size(); j++) {
                String first = seenDomains.putIfAbsent(w.domains().get(j), at + ".domains[" + j + "]");
                if (first != null) {
                    errors.add(new FieldViolation(at + ".domains[" + j + "]", "DOMAIN_DUPLICATED",
                            "Also named at " + first));
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
            errors.add(new FieldViolation(at + ".websiteFilingNumber", "NOT_ALLOWED",
                    "A new website has no filing number yet"));
        }
        if (BY_NUMBER.contains(type) && number == null) {
            errors.add(new FieldViolation(at + ".websiteFilingNumber", "NOT_BLANK",
                    type + " names each website by its filing number"));
        }
        if (number == null) {
            return;
        }
        if (!FilingNumbers.WEBSITE.matcher(number).matches()) {
            errors.add(new FieldViolation(at + ".websiteFilingNumber", "PATTERN",
                    "Must look like 京ICP备12345678号-1"));
        } else if (subjectNumber != null && !number.startsWith(subjectNumber + "-")) {
            errors.add(new FieldViolation(at + ".websiteFilingNumber", "WEBSITE_NOT_UNDER_SUBJECT",
                    "The website's number is not under the subject's " + subjectNumber));
        }
        String first = seenNumbers.putIfAbsent(number, at);
        if (first != null) {
            errors.add(new FieldViolation(at + ".websiteFilingNumber", "DUPLICATED", "Also named at " + first));
        }
    }

    private static void principalShape(String at, PrincipalSnapshot p, List<FieldViolation> errors) {
        if (p == null) {
            return;
        }
        if (p.certificateType().forUnits()) {
            errors.add(new FieldViolation(at + ".certificateType", "CERTIFICATE_TYPE_NOT_FOR_NATURE",
                    "A principal is a person and needs a personal certificate"));
        } else if (!CertificateNumbers.isWellFormed(p.certificateType(), p.certificateNumber())) {
            errors.add(new FieldViolation(at + ".certificateNumber", "CERTIFICATE_NUMBER_INVALID",
                    "Not a valid " + p.certificateType() + " number (check character or format)"));
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
                check.errors.add(new FieldViolation("subject.certificateNumber", "CERTIFICATE_NUMBER_OLD_STYLE_ON_RECORD",
                        "The filing " + live.subjectFilingNumber + " holds the old-style number "
                                + live.certificateNumber + "; change the filing to the new number first"));
            }
            check.subject = live;
            if (live == null) {
                if (type != FIRST_FILING) {
                    check.errors.add(new FieldViolation("subject.certificateNumber", "SUBJECT_NOT_FILED",
                            "No filed subject holds this certificate"));
                }
                return;
            }
            if (type == FIRST_FILING) {
                check.errors.add(new FieldViolation("subject.certificateNumber", "SUBJECT_ALREADY_FILED",
                        "The subject is filed as " + live.subjectFilingNumber + " (at " + live.provider
                                + "): submit NEW_WEBSITE, NEW_WEBSITE_SUBJECT_ELSEWHERE or ACCESS_FILING"));
            }
            if (type == NEW_WEBSITE && !own.equals(live.provider)) {
                check.errors.add(new FieldViolation("type", "SUBJECT_FILED_ELSEWHERE",
                        "The subject was filed at " + live.provider + ": submit NEW_WEBSITE_SUBJECT_ELSEWHERE"));
            }
            if (type == NEW_WEBSITE_SUBJECT_ELSEWHERE && own.equals(live.provider)) {
                check.errors.add(new FieldViolation("type", "SUBJECT_FILED_HERE",
                        "The subject was filed at this provider: submit NEW_WEBSITE"));
            }
            if (s.subjectFilingNumber() != null && !s.subjectFilingNumber().equals(live.subjectFilingNumber)) {
                check.errors.add(new FieldViolation("subject.subjectFilingNumber", "SUBJECT_FILING_NUMBER_MISMATCH",
                        "The certificate's subject is filed as " + live.subjectFilingNumber));
            }
            if (r.province() != live.province) {
                check.errors.add(new FieldViolation("province", "PROVINCE_MISMATCH",
                        "The subject is filed in " + live.province));
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
                    check.errors.add(new FieldViolation(at, "WEBSITE_NOT_FOUND",
                            "No website " + number + " under this subject"));
                } else if (w.status == FilingStatus.DEREGISTERED) {
                    check.errors.add(new FieldViolation(at, "WEBSITE_DEREGISTERED", "The website " + number
                            + " is deregistered"));
                } else if (type == ACCESS_FILING && own.equals(w.provider)) {
                    check.errors.add(new FieldViolation(at, "WEBSITE_ALREADY_HERE",
                            "The website " + number + " is already served by this provider"));
                } else if (type != ACCESS_FILING && !own.equals(w.provider)) {
                    check.errors.add(new FieldViolation(at, "WEBSITE_NOT_HELD_HERE", "The website " + number
                            + " is " + (w.provider == null ? "an empty shell" : "served by " + w.provider)));
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
                    check.errors.add(new FieldViolation(at, "DOMAIN_ALREADY_FILED",
                            h.domain() + " is already filed as " + h.website().websiteFilingNumber));
                } else {
                    check.errors.add(new FieldViolation(at, "DOMAIN_FILED_UNDER_ANOTHER_SUBJECT",
                            h.domain() + " is filed under another subject (" + h.website().websiteFilingNumber
                                    + ")"));
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
            inFlight.forEach(e -> check.errors.add(new FieldViolation(all.get(e.domain), "DOMAIN_IN_FLIGHT",
                    e.domain + " is in an open submission at " + e.provider)));
            return submissions.openDomains(List.copyOf(all.keySet()), submissionId);
        }).invoke(open -> open.forEach(d -> check.errors.add(new FieldViolation(all.get(d.domain),
                "DOMAIN_IN_FLIGHT", d.domain + " is in this provider's open submission " + d.submissionId))))
                .replaceWithVoid();
    }

    /** The subject (by its certificate number or that number's old-style form) may not be in an open submission. */
    private Uni<Void> subjectInFlight(SubmissionRequest r, String submissionId, Check check) {
        var s = r.subject();
        List<String> certNumbers = RegistryService.candidateNumbers(s.certificateType(), s.certificateNumber());
        return elsewhere.byCertificateNumbers(certNumbers).chain(inFlight -> {
            inFlight.forEach(e -> check.errors.add(new FieldViolation("subject.certificateNumber",
                    "SUBJECT_IN_FLIGHT", "The subject is in an open submission at " + e.provider)));
            return submissions.openByCertificate(certNumbers, submissionId);
        }).invoke(open -> open.forEach(o -> check.errors.add(new FieldViolation("subject.certificateNumber",
                "SUBJECT_IN_FLIGHT", "The subject is in this provider's open submission " + o.id))))
                .replaceWithVoid();
    }

    public static ProblemException conflict(List<FieldViolation> errors) {
        return new ProblemException(ProblemType.CONFLICT,
                errors.size() + " conflict(s) with the national registry or open submissions", errors);
    }
}
