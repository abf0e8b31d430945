package cn.beian.review.service;

import cn.beian.contract.events.EventType;
import cn.beian.contract.events.materials.PhotoSubmitted;
import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.contract.events.review.ReviewCaseChanged;
import cn.beian.contract.events.review.ReviewKind;
import cn.beian.contract.events.snapshot.MaterialsManifestFrozen;
import cn.beian.contract.events.snapshot.SubjectSnapshotFrozen;
import cn.beian.contract.events.snapshot.WebsitesSnapshotFrozen;
import cn.beian.contract.order.OrderState;
import cn.beian.platform.inbox.EventIds;
import cn.beian.platform.inbox.MalformedEventException;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.review.domain.AuditEntry;
import cn.beian.review.domain.CaseStatus;
import cn.beian.review.domain.OrderProjection;
import cn.beian.review.domain.ReviewCase;
import cn.beian.review.repository.AuditRepository;
import cn.beian.review.repository.ReviewCaseRepository;
import cn.beian.review.repository.SnapshotStore;
import cn.beian.time.BeianClock;
import cn.beian.time.BusinessCalendar;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Builds review cases from events alone (docs/architecture.md → Submission): subject-service's SUBMIT/RESUBMIT move names
 * the websites and materials versions, the owners publish the snapshots of exactly those versions, in any order
 * across their topics. A case is created ASSEMBLING on the move and becomes OPEN (claimable; {@code
 * review.case-opened}) once the subject, websites and materials snapshots of that submission have all arrived.
 * Called by the event handler, inside the idempotent consumer's transaction: the inbox applies one order's events
 * one at a time whichever topic they come from, so the step that completes a case always sees the others' parts.
 */
@ApplicationScoped
public class CaseAssembly {

    private static final Logger LOG = Logger.getLogger(CaseAssembly.class);

    private final OrderProjectionService orders;
    private final ReviewCaseRepository cases;
    private final SnapshotStore snapshots;
    private final AuditRepository audit;
    private final OutboxWriter outbox;
    private final BeianClock clock;
    private final BusinessCalendar calendar;
    private final AuthorityGateway gateway;

    public CaseAssembly(OrderProjectionService orders, ReviewCaseRepository cases, SnapshotStore snapshots,
            AuditRepository audit, OutboxWriter outbox, BeianClock clock, BusinessCalendar calendar,
            AuthorityGateway gateway) {
        this.orders = orders;
        this.cases = cases;
        this.snapshots = snapshots;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.calendar = calendar;
        this.gateway = gateway;
    }

    /** The submission's subject snapshot: the order projection, the snapshot kept, the case assembled if complete. */
    public Uni<Void> subjectSnapshotFrozen(SubjectSnapshotFrozen s, String json) {
        if (s.accountId() == null || s.type() == null || s.province() == null || s.submissionCount() < 1
                || s.subject() == null) {
            throw new MalformedEventException("subject snapshot without account, type, province, count or subject");
        }
        String orderId = orderId(s.orderId());
        return orders.subjectFrozen(s)
                .chain(() -> snapshots.put(orderId, SnapshotStore.SUBJECT, s.submissionCount(), json, clock.now()))
                .chain(() -> assemble(orderId));
    }

    /** A websites snapshot (the version a submission names): kept, the case assembled if complete. */
    public Uni<Void> websitesSnapshotFrozen(WebsitesSnapshotFrozen w, String json) {
        String orderId = orderId(w.orderId());
        return snapshots.put(orderId, SnapshotStore.WEBSITES, w.version(), json, clock.now())
                .chain(() -> assemble(orderId));
    }

    /** A materials manifest (the version a submission names): kept, the case assembled if complete. */
    public Uni<Void> materialsManifestFrozen(MaterialsManifestFrozen m, String json) {
        String orderId = orderId(m.orderId());
        return snapshots.put(orderId, SnapshotStore.MATERIALS, m.version(), json, clock.now())
                .chain(() -> assemble(orderId));
    }

    /**
     * The order's move: a submission opens a case, a withdrawal or end cancels the live one, the move to
     * AUTHORITY_REVIEW queues the submission for the administration.
     */
    public Uni<Void> transitioned(OrderTransitioned t) {
        orderId(t.orderId());
        if (t.accountId() == null || t.to() == null || t.trigger() == null) {
            throw new MalformedEventException("order.transitioned without account, state or trigger");
        }
        OffsetDateTime at = t.at() != null ? t.at() : clock.now();
        return orders.transitioned(t).chain(order -> switch (t.trigger()) {
            case SUBMIT, RESUBMIT -> openSubmission(order, t, at);
            case WITHDRAW, ABANDON, EXPIRE -> cancelLive(order.orderId, t.trigger().name(), at);
            case INITIAL_APPROVE, PHOTO_APPROVE -> t.to() == OrderState.AUTHORITY_REVIEW && t.from() != OrderState.AUTHORITY_REVIEW
                    ? gateway.enqueue(order, at)
                    : Uni.createFrom().voidItem();
            default -> Uni.createFrom().voidItem();
        });
    }

    /** A submission (or resubmission): a new initial or re-review case for exactly the versions it names. */
    private Uni<Void> openSubmission(OrderProjection order, OrderTransitioned t, OffsetDateTime at) {
        return snapshots.latest(order.orderId).chain(latest -> {
            // The subject snapshot of this submission precedes the move on the same topic; count ourselves if absent.
            Long subjectVersion = latest.get(SnapshotStore.SUBJECT);
            order.submissionCount = subjectVersion != null && subjectVersion > order.submissionCount
                    ? subjectVersion.intValue() : order.submissionCount + 1;
            order.websitesVersion = t.websitesVersion();
            order.materialsVersion = t.materialsVersion();
            order.submittedAt = at;
            ReviewKind kind = t.from() == OrderState.AUTHORITY_REJECTED ? ReviewKind.RE_REVIEW : ReviewKind.INITIAL;
            return cancelLive(order.orderId, "SUPERSEDED", at).chain(() -> {
                ReviewCase c = newCase(order, kind, at);
                return cases.persist(c)
                        .chain(() -> audit.persist(AuditEntry.of(c.orderId, c.id, "CREATED", null, c.version,
                                kind + " review of submission " + c.submissionCount + ", waiting for its snapshots", at)))
                        .chain(() -> assemble(order.orderId));
            });
        });
    }

    /** A photo for the photo review: a photo case for the order's current submission. */
    public Uni<Void> photoSubmitted(PhotoSubmitted p) {
        return orders.find(orderId(p.orderId())).chain(order -> {
            if (order == null || order.submissionCount == 0) {
                throw new MalformedEventException("photo submitted for an order never submitted: " + p.orderId());
            }
            OffsetDateTime at = p.submittedAt() != null ? p.submittedAt() : clock.now();
            return cancelLive(order.orderId, "SUPERSEDED", at).chain(() -> {
                ReviewCase c = newCase(order, ReviewKind.PHOTO, at);
                return cases.persist(c)
                        .chain(() -> audit.persist(AuditEntry.of(c.orderId, c.id, "CREATED", p.submittedBy(), c.version,
                                "photo submitted" + (p.byVerificationPoint() ? " by a verification point" : ""), at)))
                        .chain(() -> assemble(order.orderId));
            });
        });
    }

    private ReviewCase newCase(OrderProjection order, ReviewKind kind, OffsetDateTime at) {
        ReviewCase c = new ReviewCase();
        c.id = UUID.randomUUID();
        c.orderId = order.orderId;
        c.kind = kind;
        c.submissionCount = order.submissionCount;
        c.websitesVersion = order.websitesVersion;
        c.materialsVersion = order.materialsVersion;
        c.status = CaseStatus.ASSEMBLING;
        c.version = 1;
        c.openedAt = at;
        c.dueAt = calendar.plusBusinessDays(at.atZoneSameInstant(BeianClock.CHINA), 1).toOffsetDateTime();
        return c;
    }

    /** Opens the order's assembling case once the snapshots of its submission have all arrived. */
    Uni<Void> assemble(String orderId) {
        return cases.live(orderId).chain(c -> {
            if (c == null || c.status != CaseStatus.ASSEMBLING) {
                return Uni.createFrom().voidItem();
            }
            return missing(c).chain(missing -> {
                if (!missing.isEmpty()) {
                    return Uni.createFrom().voidItem();
                }
                c.status = CaseStatus.OPEN;
                c.version++;
                OffsetDateTime at = clock.now();
                LOG.debugf("Case %s of order %s is complete", c.id, orderId);
                return audit.persist(AuditEntry.of(orderId, c.id, "OPENED", null, c.version, "snapshots complete", at))
                        .chain(() -> outbox.append(EventType.REVIEW_CASE_OPENED,
                                new ReviewCaseChanged(orderId, c.id.toString(), c.kind, null, c.dueAt, at)))
                        .replaceWithVoid();
            });
        });
    }

    /** The parts of the case's submission that have not arrived yet (SUBJECT, WEBSITES, MATERIALS). */
    public Uni<List<String>> missing(ReviewCase c) {
        return snapshots.present(c.orderId, c.submissionCount, c.websitesVersion, c.materialsVersion).map(present -> {
            List<String> missing = new ArrayList<>();
            if (!present.contains(SnapshotStore.SUBJECT)) {
                missing.add(SnapshotStore.SUBJECT);
            }
            if (c.websitesVersion != null && !present.contains(SnapshotStore.WEBSITES)) {
                missing.add(SnapshotStore.WEBSITES);
            }
            if (c.materialsVersion != null && !present.contains(SnapshotStore.MATERIALS)) {
                missing.add(SnapshotStore.MATERIALS);
            }
            return missing;
        });
    }

    private Uni<Void> cancelLive(String orderId, String why, OffsetDateTime at) {
        return cases.live(orderId).chain(c -> {
            if (c == null) {
                return Uni.createFrom().voidItem();
            }
            c.status = CaseStatus.CANCELLED;
            c.version++;
            c.claimedBy = null;
            c.leaseUntil = null;
            return cases.flush().chain(() -> audit.persist(
                    AuditEntry.of(orderId, c.id, "CANCELLED", null, c.version, why, at))).replaceWithVoid();
        });
    }

    /** The event's order id, checked: anything but a UUID is a malformed event. */
    private static String orderId(String orderId) {
        EventIds.orderId(orderId);
        return orderId;
    }
}
