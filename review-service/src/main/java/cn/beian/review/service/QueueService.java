package cn.beian.review.service;

import static cn.beian.review.service.CaseGuards.conflict;
import static cn.beian.review.service.CaseGuards.requireLease;
import static cn.beian.review.service.CaseGuards.requireOpen;

import cn.beian.contract.events.EventType;
import cn.beian.contract.events.review.RejectionReason;
import cn.beian.contract.events.review.ReviewCaseChanged;
import cn.beian.contract.events.review.ReviewDecided;
import cn.beian.contract.events.review.ReviewKind;
import cn.beian.platform.json.Json;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.review.config.ReviewConfig;
import cn.beian.review.domain.AuditEntry;
import cn.beian.review.domain.CaseNote;
import cn.beian.review.domain.CaseStatus;
import cn.beian.review.domain.ReasonCode;
import cn.beian.review.domain.Rejection;
import cn.beian.review.domain.ReviewCase;
import cn.beian.review.domain.SnapshotFields;
import cn.beian.review.repository.AuditRepository;
import cn.beian.review.repository.NoteRepository;
import cn.beian.review.repository.RejectionRepository;
import cn.beian.review.repository.ReviewCaseRepository;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The reviewers' moves on cases: claim (a lease that lapses), release, decide with the version seen (an approval over
 * a blocking finding or a failed checklist item by two reviewers), notes. Every move is audited and announced through
 * the outbox in its own transaction.
 */
@ApplicationScoped
public class QueueService {

    /** The longest suggestion a rejection reason may carry, in characters. */
    static final int SUGGESTION_MAX = 500;

    private final ReviewCaseRepository cases;
    private final AuditRepository audit;
    private final NoteRepository notes;
    private final RejectionRepository rejections;
    private final CaseDocuments documents;
    private final CaseQueries queries;
    private final SecondApproval secondApproval;
    private final PhotoValidity photoValidity;
    private final OutboxWriter outbox;
    private final Json json;
    private final ReviewConfig config;
    private final BeianClock clock;

    public QueueService(ReviewCaseRepository cases, AuditRepository audit, NoteRepository notes,
            RejectionRepository rejections, CaseDocuments documents, CaseQueries queries, SecondApproval secondApproval,
            PhotoValidity photoValidity, OutboxWriter outbox, Json json, ReviewConfig config, BeianClock clock) {
        this.cases = cases;
        this.audit = audit;
        this.notes = notes;
        this.rejections = rejections;
        this.documents = documents;
        this.queries = queries;
        this.secondApproval = secondApproval;
        this.photoValidity = photoValidity;
        this.outbox = outbox;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Claims the oldest claimable case (of {@code kind}, if given) and answers it with its order, read in the same
     * transaction; empty when there is none. The case is found, locked and leased by one statement.
     */
    @WithTransaction
    public Uni<Optional<CaseQueries.Entry>> claimNext(String reviewerId, ReviewKind kind) {
        OffsetDateTime now = clock.now();
        return cases.claimNext(kind, reviewerId, now, now.plus(config.lease())).chain(found -> found.isEmpty()
                ? Uni.createFrom().item(Optional.<CaseQueries.Entry>empty())
                : leased(found.get().c(), found.get().previousClaimedBy(), found.get().previousLeaseUntil(),
                        reviewerId, now).chain(queries::entry).map(Optional::of));
    }

    /** Claims this case: 409 when it is not open, still assembling, or leased to someone else. */
    @WithTransaction
    public Uni<ReviewCase> claim(UUID caseId, String reviewerId) {
        OffsetDateTime now = clock.now();
        return locked(caseId).chain(c -> {
            requireOpen(c);
            if (c.leaseActive(now) && !reviewerId.equals(c.claimedBy)) {
                throw conflict(c, "CLAIMED_BY_ANOTHER", "detail.case-claimed-by-another", String.valueOf(c.leaseUntil));
            }
            return lease(c, reviewerId, now);
        });
    }

    private Uni<ReviewCase> lease(ReviewCase c, String reviewerId, OffsetDateTime now) {
        String previous = c.claimedBy;
        OffsetDateTime previousUntil = c.leaseUntil;
        c.claimedBy = reviewerId;
        c.leaseUntil = now.plus(config.lease());
        c.version++;
        return leased(c, previous, previousUntil, reviewerId, now);
    }

    /**
     * The trail and the events of a lease just taken ({@code c} already leased to {@code reviewerId}, its version
     * bumped); {@code previous} held the lease before until {@code previousUntil}, if anyone did.
     */
    private Uni<ReviewCase> leased(ReviewCase c, String previous, OffsetDateTime previousUntil, String reviewerId,
            OffsetDateTime now) {
        Uni<Void> lapsed = Uni.createFrom().voidItem();
        if (previous != null && !reviewerId.equals(previous)) {
            // The previous lease ran out: say so in the trail and to listeners before the new claim.
            lapsed = audit.persist(AuditEntry.of(c.orderId, c.id, "LEASE_LAPSED", previous, c.version - 1,
                            "lease until " + previousUntil, now))
                    .chain(() -> outbox.append(EventType.REVIEW_CASE_RELEASED,
                            new ReviewCaseChanged(c.orderId, c.id.toString(), c.kind, null, c.dueAt, now)))
                    .replaceWithVoid();
        }
        return lapsed.chain(() -> audit.persist(AuditEntry.of(c.orderId, c.id, "CLAIMED", reviewerId, c.version,
                        "lease until " + c.leaseUntil, now))
                .chain(() -> outbox.append(EventType.REVIEW_CASE_CLAIMED,
                        new ReviewCaseChanged(c.orderId, c.id.toString(), c.kind, reviewerId, c.dueAt, now)))
                .replaceWith(c));
    }

    /** Gives a claimed case back to the queue: 409 unless the caller holds its lease. */
    @WithTransaction
    public Uni<ReviewCase> release(UUID caseId, String reviewerId) {
        OffsetDateTime now = clock.now();
        return locked(caseId).chain(c -> {
            requireOpen(c);
            requireLease(c, reviewerId, now);
            c.claimedBy = null;
            c.leaseUntil = null;
            c.version++;
            return audit.persist(AuditEntry.of(c.orderId, c.id, "RELEASED", reviewerId, c.version, null, now))
                    .chain(() -> outbox.append(EventType.REVIEW_CASE_RELEASED,
                            new ReviewCaseChanged(c.orderId, c.id.toString(), c.kind, reviewerId, c.dueAt, now)))
                    .replaceWith(c);
        });
    }

    /**
     * Approves or rejects with the version the reviewer saw. 409 when not claimed by the caller, the lease lapsed or
     * the version is stale; 400 when a rejection has no reasons, names a field not in the snapshot or an unknown code.
     *
     * <p>Four-eyes ({@link SecondApproval}): an approval of a case with a blocking finding or a failed checklist item
     * does not decide it. It is recorded as {@code APPROVAL_REQUESTED}, the claim is given back, and the case stays
     * open (answered with status OPEN and {@code approvalRequestedBy}) until another reviewer claims it and approves
     * (confirmed: decided as any approval) or rejects it. The requester approving again is a 409
     * {@code SECOND_REVIEWER_REQUIRED}; a rejection never needs a second reviewer. With
     * {@code beian.review.require-checklist}, an approval with a checklist item unanswered is a 409
     * {@code CHECKLIST_INCOMPLETE} naming each.
     */
    @WithTransaction
    public Uni<ReviewCase> decide(UUID caseId, String reviewerId, int seenVersion, boolean approve,
            List<RejectionReason> given) {
        OffsetDateTime now = clock.now();
        return locked(caseId).chain(c -> {
            requireOpen(c);
            requireLease(c, reviewerId, now);
            if (c.version != seenVersion) {
                throw conflict(c, "STALE_VERSION", "detail.case-version-stale", String.valueOf(seenVersion),
                        String.valueOf(c.version)).with("currentVersion", c.version);
            }
            if (approve && given != null && !given.isEmpty()) {
                throw ProblemException.invalidFields(List.of(FieldViolation.of("reasons", "NOT_ALLOWED",
                        "field.approval-has-reasons")));
            }
            if (!approve) {
                return documents.document(c).map(doc -> checkReasons(given, SnapshotFields.of(doc,
                        c.kind == ReviewKind.PHOTO))).chain(reasons -> record(c, reviewerId, seenVersion, false,
                        reasons, null, now));
            }
            if (c.approvalRequestedBy != null) {
                if (reviewerId.equals(c.approvalRequestedBy)) {
                    throw conflict(c, "SECOND_REVIEWER_REQUIRED", "detail.second-reviewer-required",
                            c.approvalRequestedBy).with("approvalRequestedBy", c.approvalRequestedBy);
                }
                return audit.persist(AuditEntry.of(c.orderId, c.id, "APPROVAL_CONFIRMED", reviewerId, c.version,
                                "second approval of " + c.approvalRequestedBy + "'s, requested at "
                                        + c.approvalRequestedAt, now))
                        .chain(() -> record(c, reviewerId, seenVersion, true, List.of(), null, now));
            }
            return secondApproval.of(c).chain(grounds -> {
                if (config.requireChecklist() && !grounds.unansweredItems().isEmpty()) {
                    throw conflict(c, "CHECKLIST_INCOMPLETE", "detail.checklist-incomplete",
                            String.join(", ", grounds.unansweredItems()))
                            .with("unansweredItems", grounds.unansweredItems());
                }
                return grounds.needSecondReviewer()
                        ? requestApproval(c, reviewerId, seenVersion, grounds, now)
                        : record(c, reviewerId, seenVersion, true, List.of(), grounds, now);
            });
        });
    }

    /** The first of two approvals: recorded, the claim given back so that a second reviewer can take the case. */
    private Uni<ReviewCase> requestApproval(ReviewCase c, String reviewerId, int seenVersion,
            SecondApproval.Grounds grounds, OffsetDateTime now) {
        c.approvalRequestedBy = reviewerId;
        c.approvalRequestedAt = now;
        c.claimedBy = null;
        c.leaseUntil = null;
        c.version++;
        return audit.persist(AuditEntry.of(c.orderId, c.id, "APPROVAL_REQUESTED", reviewerId, c.version,
                        "approved on version " + seenVersion + "; a second reviewer must confirm: "
                                + grounds.describe(), now))
                .chain(() -> outbox.append(EventType.REVIEW_CASE_RELEASED,
                        new ReviewCaseChanged(c.orderId, c.id.toString(), c.kind, reviewerId, c.dueAt, now)))
                .replaceWith(c);
    }

    /**
     * The decision as it always was: status, the event, the applicant's rejection. {@code grounds}, where the
     * approval was checked for four-eyes, names the checklist items nobody answered in the audit line. A re-review's
     * approval says whether the curtain photo approved earlier still holds ({@link PhotoValidity}).
     */
    private Uni<ReviewCase> record(ReviewCase c, String reviewerId, int seenVersion, boolean approve,
            List<RejectionReason> reasons, SecondApproval.Grounds grounds, OffsetDateTime now) {
        c.status = approve ? CaseStatus.APPROVED : CaseStatus.REJECTED;
        c.decidedBy = reviewerId;
        c.decidedAt = now;
        c.claimedBy = null;
        c.leaseUntil = null;
        c.version++;
        c.reasons = approve ? null : json.write(reasons);
        boolean photo = c.kind == ReviewKind.PHOTO;
        EventType type = approve
                ? (photo ? EventType.PHOTO_REVIEW_APPROVED : EventType.INITIAL_REVIEW_APPROVED)
                : (photo ? EventType.PHOTO_REVIEW_REJECTED : EventType.INITIAL_REVIEW_REJECTED);
        Uni<Boolean> photoHolds = approve ? photoValidity.onApproval(c) : Uni.createFrom().nullItem();
        Uni<?> rejection = approve ? Uni.createFrom().voidItem()
                : rejections.persist(Rejection.byReviewer(c.orderId, c.kind, c.id, c.reasons, now));
        return rejection.chain(() -> photoHolds).chain(holds -> audit.persist(AuditEntry.of(c.orderId, c.id,
                        approve ? "APPROVED" : "REJECTED", reviewerId, c.version,
                        detail(c, reviewerId, seenVersion, approve, grounds, holds), now))
                .chain(() -> outbox.append(type, new ReviewDecided(c.orderId, c.id.toString(), reviewerId, reasons,
                        now, holds))))
                .replaceWith(c);
    }

    /** A decision's audit line: the version decided on, the reasons, whose approval it confirms, what it noted. */
    private static String detail(ReviewCase c, String reviewerId, int seenVersion, boolean approve,
            SecondApproval.Grounds grounds, Boolean photoHolds) {
        return "decided on version " + seenVersion + (approve ? "" : "; reasons " + c.reasons)
                + (c.approvalRequestedBy == null || c.approvalRequestedBy.equals(reviewerId) ? ""
                        : "; approval requested by " + c.approvalRequestedBy)
                + (grounds == null || grounds.unansweredItems().isEmpty() ? ""
                        : "; unanswered checklist items " + String.join(", ", grounds.unansweredItems()))
                + (Boolean.FALSE.equals(photoHolds) ? "; the principals changed since the curtain photo was approved: "
                        + "a new one is needed" : "");
    }

    /** The reasons as recorded (a blank suggestion takes the code's standard sentence), or 400 naming each bad one. */
    static List<RejectionReason> checkReasons(List<RejectionReason> given, Set<String> fieldKeys) {
        if (given == null || given.isEmpty()) {
            throw ProblemException.invalidFields(List.of(FieldViolation.of("reasons", "REASONS_REQUIRED",
                    "field.rejection-reasons-required")));
        }
        List<FieldViolation> errors = new ArrayList<>();
        List<RejectionReason> reasons = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            RejectionReason r = given.get(i);
            if (r == null) {
                errors.add(FieldViolation.of("reasons[" + i + "]", "NOT_NULL", "field.NOT_NULL"));
                continue;
            }
            if (r.fieldKey() == null || r.fieldKey().isBlank()) {
                errors.add(FieldViolation.of("reasons[" + i + "].fieldKey", "NOT_BLANK",
                        "field.reason-field-key-blank"));
            } else if (!fieldKeys.contains(r.fieldKey())) {
                errors.add(FieldViolation.of("reasons[" + i + "].fieldKey", "FIELD_KEY_NOT_IN_SNAPSHOT",
                        "field.reason-field-key-not-in-snapshot", r.fieldKey()));
            }
            if (r.code() == null || !ReasonCode.known(r.code())) {
                errors.add(FieldViolation.of("reasons[" + i + "].code", "UNKNOWN_REASON_CODE",
                        "field.reason-code-unknown"));
            }
            if (r.suggestion() != null && r.suggestion().length() > SUGGESTION_MAX) {
                errors.add(FieldViolation.of("reasons[" + i + "].suggestion", "SIZE", "field.reason-suggestion-too-long",
                        String.valueOf(SUGGESTION_MAX)));
            }
            if (errors.isEmpty()) {
                String suggestion = r.suggestion() == null || r.suggestion().isBlank()
                        ? ReasonCode.valueOf(r.code()).defaultSuggestion() : r.suggestion();
                reasons.add(new RejectionReason(r.fieldKey(), r.code(), suggestion));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.localized(ProblemType.VALIDATION_FAILED, "detail.rejection-reasons-invalid", errors);
        }
        return reasons;
    }

    /** An internal note (any reviewer may add one to any case). */
    @WithTransaction
    public Uni<CaseNote> note(UUID caseId, String authorId, String text) {
        OffsetDateTime now = clock.now();
        return cases.findById(caseId).chain(c -> {
            if (c == null) {
                throw ProblemException.notFound("ReviewCase");
            }
            CaseNote n = new CaseNote();
            n.caseId = caseId;
            n.authorId = authorId;
            n.text = text;
            n.at = now;
            return notes.persist(n).chain(() -> audit.persist(AuditEntry.of(c.orderId, c.id, "NOTED", authorId,
                    c.version, null, now))).replaceWith(n);
        });
    }

    private Uni<ReviewCase> locked(UUID caseId) {
        return cases.lock(caseId).map(CaseGuards::found);
    }
}
