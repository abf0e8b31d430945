package cn.beian.subject.service;

import cn.beian.contract.privacy.Masking;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.platform.persistence.Constraints;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.platform.rest.Cursor;
import cn.beian.subject.domain.Principal;
import cn.beian.subject.domain.Subject;
import cn.beian.subject.events.SubjectEvents;
import cn.beian.subject.repository.SubjectRepository;
import cn.beian.subject.rest.CreateSubjectRequest;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

@ApplicationScoped
public class SubjectService {

    private static final Logger LOG = Logger.getLogger(SubjectService.class);

    private final SubjectRepository subjects;
    private final OutboxWriter outbox;
    private final BeianClock clock;

    public SubjectService(SubjectRepository subjects, OutboxWriter outbox, BeianClock clock) {
        this.subjects = subjects;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Registers the account's one subject and announces it; both commit together. A second subject for the
     * same account is a 409 that points at the first.
     */
    @WithTransaction
    public Uni<Subject> create(String accountId, CreateSubjectRequest request) {
        checkCertificateKinds(request);
        return subjects.findByAccount(accountId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(alreadyRegistered(existing));
            }
            Subject s = toSubject(accountId, request);
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
        OffsetDateTime now = clock.nowInChina();
        Subject s = new Subject();
        s.id = UUID.randomUUID();
        s.accountId = accountId;
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
        Principal p = new Principal();
        p.name = r.principal().name().strip();
        p.certificateType = r.principal().certificateType();
        p.certificateNumber = r.principal().certificateNumber().toUpperCase();
        p.mobile = r.principal().mobile();
        p.officePhone = r.principal().officePhone();
        p.email = r.principal().email();
        s.principal = p;
        s.createdAt = now;
        s.updatedAt = now;
        return s;
    }

    /** A person files with a personal certificate, a unit with a unit's; the principal is always a person. */
    private static void checkCertificateKinds(CreateSubjectRequest r) {
        List<FieldViolation> errors = new ArrayList<>();
        if (r.certificateType().forUnits() != r.nature().isUnit()) {
            errors.add(new FieldViolation("certificateType", "CERTIFICATE_TYPE_NOT_FOR_NATURE",
                    r.nature().isUnit() ? "A unit files with a unit certificate" : "A person files with a personal certificate"));
        }
        if (r.principal().certificateType().forUnits()) {
            errors.add(new FieldViolation("principal.certificateType", "CERTIFICATE_TYPE_NOT_FOR_NATURE",
                    "The principal is a person and needs a personal certificate"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, errors.size() + " field(s) are invalid", errors);
        }
    }

    private static ProblemException alreadyRegistered(Subject existing) {
        ProblemException e = new ProblemException(ProblemType.CONFLICT, "This account already has a subject");
        if (existing != null) {
            e.with("subjectId", existing.id.toString());
        }
        return e;
    }
}
