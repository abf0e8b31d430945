package cn.beian.subject.service;

import cn.beian.contract.events.snapshot.FieldChange;
import cn.beian.contract.order.ChangeKind;
import cn.beian.contract.order.FilingType;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.platform.json.Json;
import cn.beian.platform.rest.ETags;
import cn.beian.subject.domain.FilingOrder;
import cn.beian.subject.domain.Subject;
import cn.beian.subject.domain.SubjectRevision;
import cn.beian.subject.repository.FilingOrderRepository;
import cn.beian.subject.repository.SubjectRepository;
import cn.beian.subject.repository.SubjectRevisionRepository;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The subject as an order files it. For a CHANGE order that is the approved subject with the order's draft revision
 * applied: the applicant edits the revision, every snapshot and outline of the order uses it, and it replaces the
 * approved subject only when the administration approves the change (docs/domain.md §2). Every other order files the
 * subject as it is.
 */
@ApplicationScoped
public class SubjectRevisions {

    private static final Logger LOG = Logger.getLogger(SubjectRevisions.class);

    private final FilingOrderRepository orders;
    private final SubjectRepository subjects;
    private final SubjectRevisionRepository revisions;
    private final SubjectOutlines outlines;
    private final Json json;
    private final BeianClock clock;

    public SubjectRevisions(FilingOrderRepository orders, SubjectRepository subjects,
            SubjectRevisionRepository revisions, SubjectOutlines outlines, Json json, BeianClock clock) {
        this.orders = orders;
        this.subjects = subjects;
        this.revisions = revisions;
        this.outlines = outlines;
        this.json = json;
        this.clock = clock;
    }

    /** The subject as {@code order} files it, with its ETag version (0 until a CHANGE order's first revision). */
    public record Filed(Subject subject, long etagVersion, boolean revised) {

        /**
         * The outline revision: grows with every edit of the subject and every revision of a CHANGE order (an
         * approved subject is not edited directly while a CHANGE order revises it).
         */
        public long outlineRevision() {
            return subject.version + etagVersion + 1;
        }
    }

    /**
     * The subject as a submission of {@code order} files it, with the fields a CHANGE order's revision changes in the
     * approved subject (none for other orders, and for a change without a revision).
     */
    public record Submitted(Subject subject, List<FieldChange> changes) {
    }

    /** Within the caller's session: what {@code order} submits of the subject, and what it changes. */
    public Uni<Submitted> submitted(FilingOrder order) {
        return filed(order).chain(f -> !f.revised() ? Uni.createFrom().item(new Submitted(f.subject(), List.of()))
                : subjects.findById(order.subjectId)
                        .map(approved -> new Submitted(f.subject(), SubjectChanges.between(approved, f.subject()))));
    }

    /** The subject as the caller's order files it: 404 for another account's order. */
    @WithSession
    public Uni<Filed> find(String accountId, boolean staff, UUID orderId) {
        return owned(accountId, staff, orderId).chain(this::filed);
    }

    /** Within the caller's session: the subject as {@code order} files it. */
    public Uni<Subject> effectiveSubject(FilingOrder order) {
        return filed(order).map(Filed::subject);
    }

    /**
     * Writes a CHANGE order's draft revision of its approved subject (412 on a stale {@code If-Match}, 409 for other
     * order types, for a change of another kind than SUBJECT ({@code CHANGE_OUTSIDE_KIND}) or while the order's
     * contents are locked, 400 for invalid values or a changed identity), and announces the revised outline in the
     * same transaction.
     */
    @WithTransaction
    public Uni<Filed> revise(String accountId, UUID orderId, String ifMatch, SubjectInput input) {
        SubjectInput valid = input.validated(clock.now().toLocalDate());
        return owned(accountId, false, orderId).chain(order -> {
            if (order.type != FilingType.CHANGE) {
                return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                        "detail.revision-needs-change-order")
                        .with("type", order.type));
            }
            if (order.changeKind != null && order.changeKind != ChangeKind.SUBJECT) {
                return Uni.createFrom().failure(outsideKind(order.changeKind));
            }
            if (!order.state.contentsEditable()) {
                return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                        "detail.subject-not-revisable", order.state)
                        .with("currentState", order.state));
            }
            return filed(order).chain(current -> {
                ETags.requireMatch(ifMatch, current.etagVersion());
                valid.requireSameIdentity(current.subject());
                return revisions.findById(orderId).chain(existing -> {
                    SubjectRevision r = existing != null ? existing : new SubjectRevision();
                    r.orderId = orderId;
                    r.data = json.write(valid);
                    r.updatedAt = clock.now();
                    return revisions.persistAndFlush(r)
                            .chain(() -> filed(order))
                            .call(revised -> outlines.announce(order, revised.subject(), revised.outlineRevision()));
                });
            });
        });
    }

    /** A change of websites or of access information does not revise the subject (docs/domain.md §3.4). */
    static ProblemException outsideKind(ChangeKind kind) {
        return ProblemException.localized(ProblemType.CONFLICT, "detail.change-outside-kind",
                List.of(FieldViolation.of("subject", "CHANGE_OUTSIDE_KIND", "field.change-outside-kind", kind)),
                kind).with("code", "CHANGE_OUTSIDE_KIND").with("changeKind", kind);
    }

    /** On approval of a CHANGE order, its revision becomes the subject (numbers and identity kept). */
    public Uni<Void> applyApproved(FilingOrder order) {
        if (order.type != FilingType.CHANGE) {
            return Uni.createFrom().voidItem();
        }
        return revisions.findById(order.id).chain(r -> r == null ? Uni.createFrom().voidItem()
                : subjects.findById(order.subjectId).chain(s -> {
                    read(r.data).applyTo(s);
                    s.updatedAt = clock.now();
                    LOG.infof("Subject %s replaced by the approved revision of CHANGE order %s", s.id, order.id);
                    return subjects.persist(s).replaceWithVoid();
                }));
    }

    private Uni<FilingOrder> owned(String accountId, boolean staff, UUID orderId) {
        return orders.findById(orderId).map(o -> {
            if (o == null || !(staff || o.accountId.equals(accountId))) {
                throw ProblemException.notFound("Order");
            }
            return o;
        });
    }

    private Uni<Filed> filed(FilingOrder order) {
        return subjects.findById(order.subjectId).chain(subject -> order.type != FilingType.CHANGE
                ? Uni.createFrom().item(new Filed(subject, 0, false))
                : revisions.findById(order.id).map(r -> {
                    if (r == null) {
                        return new Filed(subject, 0, false);
                    }
                    Subject revised = subject.copy();
                    read(r.data).applyTo(revised);
                    return new Filed(revised, r.version + 1, true);
                }));
    }

    private SubjectInput read(String data) {
        return json.read(data, SubjectInput.class);
    }
}
