package cn.beian.subject.service;

import cn.beian.contract.privacy.Masking;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.platform.persistence.Constraints;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.ETags;
import cn.beian.subject.domain.Principal;
import cn.beian.subject.domain.Subject;
import cn.beian.subject.repository.FilingOrderRepository;
import cn.beian.subject.repository.SubjectRepository;
import cn.beian.subject.rest.CreateSubjectRequest;
import cn.beian.time.BeianClock;
import cn.beian.validators.Ages;
import cn.beian.validators.CertificateValidator;
import cn.beian.validators.Emails;
import cn.beian.validators.Phones;
import cn.beian.validators.Problem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

@ApplicationScoped
public class SubjectService {

    private static final Logger LOG = Logger.getLogger(SubjectService.class);
    /** A unit's principal younger than {@link Ages#UNIT_PRINCIPAL_MINIMUM}. */
    static final String PRINCIPAL_TOO_YOUNG = "PRINCIPAL_TOO_YOUNG";

    private final SubjectRepository subjects;
    private final FilingOrderRepository orders;
    private final SubjectOutlines outlines;
    private final OutboxWriter outbox;
    private final BeianClock clock;

    public SubjectService(SubjectRepository subjects, FilingOrderRepository orders, SubjectOutlines outlines,
            OutboxWriter outbox, BeianClock clock) {
        this.subjects = subjects;
        this.orders = orders;
        this.outlines = outlines;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Registers the account's one subject and announces it; both commit together. A second subject for the
     * same account is a 409 that points at the first.
     */
    @WithTransaction
    public Uni<Subject> create(String accountId, CreateSubjectRequest request) {
        CreateSubjectRequest valid = validated(request, clock.now().toLocalDate());
        return subjects.findByAccount(accountId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(alreadyRegistered(existing));
            }
            Subject s = toSubject(accountId, valid);
            // Flush now: a concurrent create for the same account fails here on the unique account_id.
            return subjects.persistAndFlush(s)
                    .onFailure(Constraints::isUniqueViolation).transform(e -> alreadyRegistered(null))
                    .chain(() -> outbox.append(SubjectEvents.created(s)))
                    .invoke(() -> LOG.infof("Subject %s created for account %s (certificate %s)", s.id, accountId,
                            Masking.certificateNumber(s.certificateNumber)))
                    .replaceWith(s);
        });
    }

    @WithSession
    public Uni<Optional<Subject>> find(UUID id) {
        return subjects.findById(id).map(Optional::ofNullable);
    }

    /** A page of subjects; {@code accountId} limits it to one account's (applicants see only their own). */
    @WithSession
    public Uni<List<Subject>> page(String accountId, Cursor after, int limit) {
        return subjects.page(accountId, after, limit);
    }

    private Subject toSubject(String accountId, CreateSubjectRequest r) {
        OffsetDateTime now = clock.now();
        Subject s = new Subject();
        s.id = UUID.randomUUID();
        s.accountId = accountId;
        s.principal = new Principal();
        apply(s, r);
        s.createdAt = now;
        s.updatedAt = now;
        return s;
    }

    /** Writes a validated request's values onto {@code s} (a new subject, an edit, or a CHANGE order's revision). */
    static void apply(Subject s, CreateSubjectRequest r) {
        s.nature = r.nature();
        s.province = r.province();
        s.city = r.city();
        s.district = r.district();
        s.name = r.name().strip();
        s.certificateType = r.certificateType();
        s.certificateNumber = r.certificateNumber().toUpperCase();
        s.certificateAddress = r.certificateAddress().strip();
        s.communicationAddress = r.communicationAddress().strip();
        s.investor = r.investor();
        s.remarks = r.remarks();
        Principal p = s.principal;
        p.name = r.principal().name().strip();
        p.certificateType = r.principal().certificateType();
        p.certificateNumber = r.principal().certificateNumber().toUpperCase();
        p.mobile = r.principal().mobile();
        p.officePhone = r.principal().officePhone();
        p.email = r.principal().email();
    }

    /**
     * Edits the account's subject (412 on a stale {@code If-Match}). An approved subject changes only through a
     * CHANGE order's draft revision (409 pointing there); while an order is in flight the subject can be edited only
     * when that order's contents are editable (docs/domain.md §3.2), and its identity — nature, province, certificate —
     * not at all (the filing type was decided on it). The order in flight learns the new outline in the same
     * transaction.
     */
    @WithTransaction
    public Uni<Subject> update(String accountId, UUID subjectId, String ifMatch, CreateSubjectRequest request) {
        CreateSubjectRequest valid = validated(request, clock.now().toLocalDate());
        return subjects.findById(subjectId).chain(s -> {
            if (s == null || !s.accountId.equals(accountId)) {
                return Uni.createFrom().failure(ProblemException.notFound("Subject"));
            }
            ETags.requireMatch(ifMatch, s.version);
            if (s.filingNumber != null) {
                return Uni.createFrom().failure(new ProblemException(ProblemType.CONFLICT,
                        "The subject is approved (" + s.filingNumber + "): change it through a CHANGE order")
                        .with("filingNumber", s.filingNumber));
            }
            return orders.findInFlight(accountId).chain(order -> {
                if (order != null) {
                    if (!order.state.contentsEditable()) {
                        return Uni.createFrom().failure(new ProblemException(ProblemType.CONFLICT,
                                "The subject cannot be edited while its order is " + order.state)
                                .with("orderId", order.id.toString()).with("currentState", order.state));
                    }
                    requireSameIdentity(s, valid);
                }
                apply(s, valid);
                s.updatedAt = clock.now();
                return subjects.persistAndFlush(s)
                        .chain(() -> order == null ? Uni.createFrom().voidItem() : outlines.announce(order, s, s.version + 1))
                        .invoke(() -> LOG.infof("Subject %s edited by account %s", s.id, accountId))
                        .replaceWith(s);
            });
        });
    }

    /**
     * Nature, province and certificate are what an order's filing type was decided on: an edit or a revision that
     * touches them is refused (400 naming each), the applicant opens a new order instead.
     */
    static void requireSameIdentity(Subject current, CreateSubjectRequest r) {
        List<FieldViolation> errors = new ArrayList<>();
        if (r.nature() != current.nature) {
            errors.add(new FieldViolation("nature", "IDENTITY_FIXED", "The nature cannot change within an order"));
        }
        if (r.province() != current.province) {
            errors.add(new FieldViolation("province", "IDENTITY_FIXED",
                    "The province cannot change within an order (it decides the administration)"));
        }
        if (r.certificateType() != current.certificateType) {
            errors.add(new FieldViolation("certificateType", "IDENTITY_FIXED",
                    "The certificate type cannot change within an order"));
        }
        if (!r.certificateNumber().equalsIgnoreCase(current.certificateNumber)) {
            errors.add(new FieldViolation("certificateNumber", "IDENTITY_FIXED",
                    "The certificate number cannot change within an order"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED,
                    "The subject's identity cannot change within an order", errors);
        }
    }

    /**
     * What Bean Validation cannot check, all at once (one 400 naming every bad field): the certificate kinds, both
     * certificate numbers (format, check character, birth date — {@link CertificateValidator}), the principal's
     * mobile and office phone ({@link Phones}), e-mail ({@link Emails}) and age ({@link Ages}: a unit's principal is at
     * least 16). A person under 18 needs employment proof, a material: accepted here. A resident ID from another
     * province than the subject's is fine (people move).
     *
     * @return the request with normalised values: certificate numbers stripped and upper-case, the mobile as its 11
     *         digits, the office phone as {@code 010-12345678}, the e-mail's domain in lower case
     */
    static CreateSubjectRequest validated(CreateSubjectRequest r, LocalDate today) {
        List<FieldViolation> errors = new ArrayList<>();
        CreateSubjectRequest.PrincipalRequest p = r.principal();
        boolean subjectKindFits = r.certificateType().forUnits() == r.nature().isUnit();
        if (!subjectKindFits) {
            errors.add(new FieldViolation("certificateType", "CERTIFICATE_TYPE_NOT_FOR_NATURE",
                    r.nature().isUnit() ? "A unit files with a unit certificate" : "A person files with a personal certificate"));
        } else {
            // A number is only checked against a type that fits: against the wrong one it would just add noise.
            CertificateValidator.validate(r.certificateType(), r.certificateNumber(), today)
                    .ifPresent(problem -> errors.add(violation("certificateNumber", problem)));
        }
        if (p.certificateType().forUnits()) {
            errors.add(new FieldViolation("principal.certificateType", "CERTIFICATE_TYPE_NOT_FOR_NATURE",
                    "The principal is a person and needs a personal certificate"));
        } else {
            Optional<Problem> problem = CertificateValidator.validate(p.certificateType(), p.certificateNumber(), today);
            problem.ifPresent(x -> errors.add(violation("principal.certificateNumber", x)));
            if (problem.isEmpty() && r.nature().isUnit()) {
                Ages.assess(p.certificateType(), p.certificateNumber(), today)
                        .filter(age -> !age.mayBeUnitPrincipal())
                        .ifPresent(age -> errors.add(new FieldViolation("principal.certificateNumber",
                                PRINCIPAL_TOO_YOUNG, "A unit's principal must be at least " + Ages.UNIT_PRINCIPAL_MINIMUM
                                        + " years old")));
            }
        }
        Phones.validateMobile(p.mobile()).ifPresent(x -> errors.add(violation("principal.mobile", x)));
        boolean hasOfficePhone = p.officePhone() != null && !p.officePhone().isBlank();
        if (hasOfficePhone) {
            Phones.validateOfficePhone(p.officePhone()).ifPresent(x -> errors.add(violation("principal.officePhone", x)));
        }
        Emails.validate(p.email()).ifPresent(x -> errors.add(violation("principal.email", x)));
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, errors.size() + " field(s) are invalid", errors);
        }
        return new CreateSubjectRequest(r.nature(), r.province(), r.city(), r.district(), r.name(), r.certificateType(),
                CertificateValidator.normalise(r.certificateNumber()), r.certificateAddress(), r.communicationAddress(),
                r.investor(), r.remarks(),
                new CreateSubjectRequest.PrincipalRequest(p.name(), p.certificateType(),
                        CertificateValidator.normalise(p.certificateNumber()),
                        Phones.mobileNational(p.mobile()).orElseThrow(),
                        hasOfficePhone ? Phones.officePhoneNational(p.officePhone()).orElseThrow() : null,
                        Emails.normalise(p.email()).orElseThrow()));
    }

    private static FieldViolation violation(String field, Problem problem) {
        return new FieldViolation(field, problem.code(), problem.message());
    }

    private static ProblemException alreadyRegistered(Subject existing) {
        ProblemException e = new ProblemException(ProblemType.CONFLICT, "This account already has a subject");
        if (existing != null) {
            e.with("subjectId", existing.id.toString());
        }
        return e;
    }
}
