package cn.beian.subject.service;

import cn.beian.contract.order.FilingType;
import cn.beian.contract.privacy.Masking;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.platform.persistence.Constraints;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.ETags;
import cn.beian.subject.domain.Principal;
import cn.beian.subject.domain.Subject;
import cn.beian.subject.domain.SubjectFinding;
import cn.beian.subject.repository.FilingOrderRepository;
import cn.beian.subject.repository.SubjectRepository;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

@ApplicationScoped
public class SubjectService {

    private static final Logger LOG = Logger.getLogger(SubjectService.class);

    private final SubjectRepository subjects;
    private final FilingOrderRepository orders;
    private final SubjectOutlines outlines;
    private final OutboxWriter outbox;
    private final BeianClock clock;
    private final SubjectChecks checks;

    public SubjectService(SubjectRepository subjects, FilingOrderRepository orders, SubjectOutlines outlines,
            OutboxWriter outbox, BeianClock clock, SubjectChecks checks) {
        this.checks = checks;
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
    public Uni<Subject> create(String accountId, SubjectInput input) {
        SubjectInput valid = input.validated(clock.now().toLocalDate());
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

    /** The subject, if {@code accountId} owns it or the caller is staff; otherwise a 404. */
    @WithSession
    public Uni<Subject> findVisible(UUID id, String accountId, boolean staff) {
        return subjects.findById(id).map(s -> {
            if (s == null || !(staff || s.accountId.equals(accountId))) {
                throw ProblemException.notFound("Subject");
            }
            return s;
        });
    }

    /** The subject checks' findings on a subject its owner or staff may see, newest first. */
    @WithSession
    public Uni<List<SubjectFinding>> findings(UUID id, String accountId, boolean staff) {
        return findVisible(id, accountId, staff).chain(s -> checks.of(s.id));
    }

    /** A page of subjects; {@code accountId} limits it to one account's (applicants see only their own). */
    @WithSession
    public Uni<List<Subject>> page(String accountId, Cursor after, int limit) {
        return subjects.page(accountId, after, limit);
    }

    private Subject toSubject(String accountId, SubjectInput valid) {
        OffsetDateTime now = clock.now();
        Subject s = new Subject();
        s.id = UUID.randomUUID();
        s.accountId = accountId;
        s.principal = new Principal();
        valid.applyTo(s);
        s.createdAt = now;
        s.updatedAt = now;
        return s;
    }

    /**
     * Edits the account's subject (412 on a stale {@code If-Match}). An approved subject changes only through a
     * CHANGE order's draft revision (409 pointing there); while an order is in flight the subject can be edited only
     * when that order's contents are editable (docs/domain.md §3.2), and its identity — nature, province, certificate —
     * not at all (the filing type was decided on it). The order in flight learns the new outline in the same
     * transaction.
     */
    @WithTransaction
    public Uni<Subject> update(String accountId, UUID subjectId, String ifMatch, SubjectInput input) {
        SubjectInput valid = input.validated(clock.now().toLocalDate());
        return subjects.findById(subjectId).chain(s -> {
            if (s == null || !s.accountId.equals(accountId)) {
                return Uni.createFrom().failure(ProblemException.notFound("Subject"));
            }
            ETags.requireMatch(ifMatch, s.version);
            if (s.filingNumber != null) {
                return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                        "detail.subject-approved", s.filingNumber)
                        .with("filingNumber", s.filingNumber));
            }
            return orders.findInFlight(accountId).chain(order -> {
                if (order != null) {
                    if (order.type == FilingType.ACCESS_FILING) {
                        // An access filing files the subject as the administration holds it (docs/domain.md §3.2).
                        return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                                "detail.data-from-existing-filing", order.id.toString())
                                .with("code", "DATA_FROM_EXISTING_FILING").with("orderId", order.id.toString()));
                    }
                    if (!order.state.contentsEditable()) {
                        return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                                "detail.subject-not-editable", order.state)
                                .with("orderId", order.id.toString()).with("currentState", order.state));
                    }
                    valid.requireSameIdentity(s);
                }
                valid.applyTo(s);
                s.updatedAt = clock.now();
                return subjects.persistAndFlush(s)
                        .chain(() -> order == null ? Uni.createFrom().voidItem() : outlines.announce(order, s, s.version + 1))
                        .invoke(() -> LOG.infof("Subject %s edited by account %s", s.id, accountId))
                        .replaceWith(s);
            });
        });
    }

    private static ProblemException alreadyRegistered(Subject existing) {
        ProblemException e = ProblemException.localized(ProblemType.CONFLICT, "detail.subject-exists");
        if (existing != null) {
            e.with("subjectId", existing.id.toString());
        }
        return e;
    }
}
