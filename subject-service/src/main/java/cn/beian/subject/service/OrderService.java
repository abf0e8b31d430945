package cn.beian.subject.service;

import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.events.order.OrderCreated;
import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.contract.order.ChangeKind;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderState;
import cn.beian.contract.order.OrderTrigger.Actor;
import cn.beian.contract.order.OrderTrigger;
import cn.beian.platform.json.Json;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.platform.persistence.Constraints;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.ETags;
import cn.beian.rules.RuleFinding;
import cn.beian.subject.domain.FilingOrder;
import cn.beian.subject.domain.OrderStateMachine.IllegalTransitionException;
import cn.beian.subject.domain.OrderStateMachine;
import cn.beian.subject.domain.OrderTransition;
import cn.beian.subject.domain.Subject;
import cn.beian.subject.repository.FilingOrderRepository;
import cn.beian.subject.repository.OrderTransitionRepository;
import cn.beian.subject.repository.SubjectRepository;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Filing orders: creation under the one-in-flight rule, and every move through {@link OrderStateMachine},
 * each recorded in the order's history and announced through the outbox in the same transaction.
 */
@ApplicationScoped
public class OrderService {

    private final Json json;
    private final FilingOrderRepository orders;
    private final OrderTransitionRepository transitions;
    private final SubjectRepository subjects;
    private final OutboxWriter outbox;
    private final BeianClock clock;
    private final AuthorizationCodeService codes;
    private final SubjectOutlines outlines;
    private final SubjectRevisions revisions;
    private final FilingPasswordCheck passwords;
    private final SubjectFindings findings;
    private final OrderFindings orderFindings;
    private final OrderTypeCheck types;
    private final ApprovedWebsites approvedWebsites;

    public OrderService(FilingOrderRepository orders, OrderTransitionRepository transitions,
            SubjectRepository subjects, OutboxWriter outbox, BeianClock clock, AuthorizationCodeService codes,
            SubjectOutlines outlines, SubjectRevisions revisions, FilingPasswordCheck passwords, Json json,
            SubjectFindings findings, OrderFindings orderFindings, OrderTypeCheck types,
            ApprovedWebsites approvedWebsites) {
        this.findings = findings;
        this.orderFindings = orderFindings;
        this.types = types;
        this.approvedWebsites = approvedWebsites;
        this.json = json;
        this.passwords = passwords;
        this.codes = codes;
        this.outlines = outlines;
        this.revisions = revisions;
        this.orders = orders;
        this.transitions = transitions;
        this.subjects = subjects;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * What an applicant opens an order with.
     *
     * @param type              the type asked for: {@code null} to let the server decide a new filing's type
     * @param filingPassword    the subject's filing password where the type needs it; never stored or logged
     * @param authorizationCode a code minted on another account's server, when the filing is backed by it
     * @param domains           for a new filing, the domains it is about where known (they tell an access filing
     *                          from a new website)
     * @param websites          for a cancel-access or deregister-website order, or a change of websites or of access
     *                          information, the approved websites it is about (website ids or website filing numbers)
     * @param changeKind        for a CHANGE order (and only there): what it changes
     */
    public record NewOrder(FilingType type, String filingPassword, String authorizationCode, List<String> domains,
            List<String> websites, ChangeKind changeKind) {

        @Override
        public String toString() {
            return "NewOrder[type=" + type + ", filingPassword=" + (filingPassword == null ? null : "***")
                    + ", authorizationCode=" + (authorizationCode == null ? null : "***") + ", domains=" + domains
                    + ", websites=" + websites + ", changeKind=" + changeKind + "]";
        }
    }

    /** Moves the detail view lists: the latest ones; the rest are paged by {@link #historyPage}. */
    public static final int HISTORY_IN_VIEW = 20;

    /**
     * An order with its latest moves ({@link #HISTORY_IN_VIEW} at most, oldest first; {@code historyComplete} false
     * when earlier ones exist) and its findings in the caller's language.
     */
    public record Tracked(FilingOrder order, List<OrderTransition> history, boolean historyComplete,
            List<OrderFindings.Item> findings) {

        /** The order's ETag: what its applicant sees and acts on, its findings included. */
        public String tag() {
            return order.viewTag(OrderFindings.fingerprint(findings));
        }
    }

    /**
     * Settles the order's type (decided by the server for a new filing, checked for the others), checks the filing
     * password where the type needs one (its own transactions: a try counts even when the order is then refused), then
     * opens the order, with the registry's record where the order starts from one ({@link OrderTypeCheck.Settled}).
     */
    public Uni<Tracked> open(String accountId, String accountEmail, NewOrder order, boolean english) {
        requireChangeKind(order.type(), order.changeKind());
        return types.settle(accountId, order.type(), order.domains())
                .chain(settled -> passwords.verifyFor(accountId, settled.type(), order.filingPassword())
                        .chain(verifiedAt -> create(accountId, accountEmail, settled, verifiedAt,
                                order.authorizationCode(), order.websites(), order.changeKind())))
                .chain(o -> tracked(o, english));
    }

    /** A change says what it changes; no other type does (400 naming {@code changeKind}). */
    private static void requireChangeKind(FilingType type, ChangeKind kind) {
        if (type == FilingType.CHANGE && kind == null) {
            throw ProblemException.invalidFields(List.of(FieldViolation.of("changeKind", "CHANGE_KIND_REQUIRED",
                    "field.change-kind-required")));
        }
        if (type != FilingType.CHANGE && kind != null) {
            throw ProblemException.invalidFields(List.of(FieldViolation.of("changeKind", "NOT_ALLOWED",
                    "field.change-kind-not-for-type", type == null ? "" : type)));
        }
    }

    /**
     * Opens a DRAFT of a settled type for the account's subject, with the approved websites it picks: 409 without a
     * subject, with a subject that holds no number for a type that needs one, for a website that cannot be picked, or
     * with another order in flight (naming the picked websites that order holds). An order on a subject filed
     * elsewhere keeps the registry's record ({@code settled}): the subject's number, and for an access filing the
     * websites it takes over (announced with the order, so website-service fills them in) and the subject's name as
     * filed.
     */
    @WithTransaction
    Uni<FilingOrder> create(String accountId, String accountEmail, OrderTypeCheck.Settled settled,
            OffsetDateTime passwordVerifiedAt, String authorizationCode, List<String> websiteRefs,
            ChangeKind changeKind) {
        return create(accountId, accountEmail, settled, passwordVerifiedAt, authorizationCode, websiteRefs, changeKind,
                Actor.APPLICANT, accountId);
    }

    /**
     * The provider's own cancel-access order for one approved website of the account (a prepared order staff
     * confirmed, {@code staffId}), in the caller's transaction: the same checks as an applicant's (an approved subject,
     * a website the account holds and no other order holds, no other order in flight), opened by the provider, which
     * submits it once its parts are complete ({@link #submitForProvider}). It goes to the account's last known e-mail.
     */
    @WithTransaction
    public Uni<FilingOrder> openForProvider(String accountId, String websiteFilingNumber, String staffId) {
        return orders.find("accountId = ?1 and accountEmail is not null order by createdAt desc", accountId)
                .firstResult()
                .chain(last -> create(accountId, last == null ? null : last.accountEmail,
                        OrderTypeCheck.Settled.of(FilingType.CANCEL_ACCESS), null, null, List.of(websiteFilingNumber),
                        null, Actor.PROVIDER, staffId));
    }

    private Uni<FilingOrder> create(String accountId, String accountEmail, OrderTypeCheck.Settled settled,
            OffsetDateTime passwordVerifiedAt, String authorizationCode, List<String> websiteRefs,
            ChangeKind changeKind, Actor initiator, String initiatorId) {
        FilingType type = settled.type();
        return subjects.findByAccount(accountId).chain(subject -> {
            if (subject == null) {
                return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                        "detail.subject-required"));
            }
            if (!type.decided() && subject.filingNumber == null) {
                return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                        "detail.order-type-needs-approved-subject", type)
                        .with("code", "FILING_TYPE_NEEDS_APPROVED_SUBJECT").with("type", type));
            }
            return approvedWebsites.pick(accountId, type, changeKind, websiteRefs).chain(picked -> orders.findInFlight(accountId)
                    .chain(inFlight -> {
                if (inFlight != null) {
                    approvedWebsites.requireNotInOrder(picked, inFlight);
                    return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                            "detail.order-in-flight").with("orderId", inFlight.id.toString())
                            .with("currentState", inFlight.state));
                }
                FilingOrder o = newDraft(accountId, subject, type);
                o.accountEmail = accountEmail;
                o.changeKind = changeKind;
                o.filingPasswordVerifiedAt = passwordVerifiedAt;
                List<String> numbers = type == FilingType.ACCESS_FILING ? settled.accessWebsites()
                        : picked.stream().map(w -> w.websiteFilingNumber).toList();
                o.websites = ApprovedWebsites.picksWebsites(type, changeKind) || type == FilingType.ACCESS_FILING
                        ? json.write(numbers) : null;
                o.registrySubjectNumber = settled.registrySubjectNumber();
                o.initiatedBy = initiator == Actor.PROVIDER ? FilingOrder.PROVIDER : null;
                if (settled.registrySubjectName() != null) {
                    // Pre-filled from the existing filing: the subject is named as the administration filed it.
                    subject.name = settled.registrySubjectName();
                    subject.updatedAt = o.createdAt;
                }
                return orders.persistAndFlush(o)
                        .onFailure(Constraints::isUniqueViolation)
                        .transform(e -> ProblemException.localized(ProblemType.CONFLICT,
                                "detail.order-in-flight"))
                        .chain(() -> record(o, null, OrderTrigger.CREATE, initiator, initiatorId, List.of()))
                        .chain(() -> outbox.append(new OrderCreated(o.id.toString(), accountId,
                                subject.id.toString(), type, o.province, subject.nature, o.state, o.createdAt,
                                o.websites == null ? null : numbers, changeKind, o.initiatedBy)))
                        .chain(() -> outlines.announce(o, subject, subject.version + 1))
                        // A refused code (400/409) rolls the whole creation back: nothing half-written.
                        .chain(() -> authorizationCode == null || authorizationCode.isBlank()
                                ? Uni.createFrom().voidItem()
                                : codes.reserve(authorizationCode, o.id, accountId).replaceWithVoid())
                        .replaceWith(o);
            }));
        });
    }

    /** An applicant's move on its own order: 404 for others' orders, 412 for a stale version, 409 if illegal. */
    public Uni<Tracked> act(String accountId, String accountEmail, UUID orderId, String ifMatch,
            OrderTrigger trigger, boolean english) {
        return applicantMove(accountId, accountEmail, orderId, ifMatch, trigger, english)
                .chain(m -> tracked(m.order(), m.findings()));
    }

    /** An order just moved, with the findings judged for the move (a move changes none of them). */
    record Moved(FilingOrder order, List<OrderFindings.Item> findings) {
    }

    /** {@link #act}'s move, in its own transaction: the history is read once it has committed. */
    @WithTransaction
    Uni<Moved> applicantMove(String accountId, String accountEmail, UUID orderId, String ifMatch,
            OrderTrigger trigger, boolean english) {
        return orders.findById(orderId).chain(o -> {
            if (o == null || !o.accountId.equals(accountId)) {
                return Uni.createFrom().failure(ProblemException.notFound("Order"));
            }
            if (o.providerInitiated() && !o.providerOrderApplicantMoves().contains(trigger)) {
                // The provider's own cancel-access order: the provider submits it, review and the administration
                // decide; the applicant may only clear it once they refused it.
                return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                        "detail.order-provider-initiated").with("code", "ORDER_PROVIDER_INITIATED")
                        .with("currentState", o.state).with("allowedActions", o.providerOrderApplicantMoves()));
            }
            // The ETag covers the findings the view lists, so they are judged before it is compared; a submission
            // judges the subject in both languages at once, for its snapshot too.
            if (trigger != OrderTrigger.SUBMIT && trigger != OrderTrigger.RESUBMIT) {
                return orderFindings.of(o, english).chain(found -> {
                    ETags.requireMatch(ifMatch, o.viewTag(OrderFindings.fingerprint(found)));
                    return move(o, trigger, Actor.APPLICANT, accountId, List.of()).map(m -> new Moved(m, found));
                });
            }
            return orderFindings.judged(o, english).chain(judged -> {
                List<OrderFindings.Item> found = judged.items();
                ETags.requireMatch(ifMatch, o.viewTag(OrderFindings.fingerprint(found)));
                // A move the order's state does not allow is refused as such before its contents are looked at.
                Set<OrderTrigger> allowed = OrderStateMachine.allowed(o.state, Actor.APPLICANT, o.context());
                if (!allowed.contains(trigger)) {
                    return move(o, trigger, Actor.APPLICANT, accountId, List.of()).map(m -> new Moved(m, found));
                }
                requireSubmittable(o, found, allowed);
                if (accountEmail != null) {
                    o.accountEmail = accountEmail;
                }
                // The subject snapshot goes into the outbox before the transition, so consumers have it first.
                return revisions.submitted(o).chain(submitted -> {
                    requireChanges(o, submitted, allowed);
                    return move(o, trigger, Actor.APPLICANT, accountId, List.of(), () -> {
                        o.submissionCount++;
                        return outbox.append(outlines.snapshot(o, submitted.subject(), submitted.changes(),
                                judged.subjectFindings())).replaceWithVoid();
                    }, null);
                }).map(m -> new Moved(m, found));
            });
        });
    }

    /**
     * Submits the provider's own cancel-access order once its websites and materials are complete (no applicant acts
     * on it), in the caller's transaction: nothing while it is not a DRAFT, a part is incomplete or a finding blocks
     * (staff see it in the order list, still a DRAFT).
     */
    Uni<Void> submitForProvider(FilingOrder o) {
        if (!o.providerInitiated() || o.state != OrderState.DRAFT || o.websitesReadyVersion == null
                || o.materialsReadyVersion == null) {
            return Uni.createFrom().voidItem();
        }
        return orderFindings.judged(o, false).chain(judged -> {
            if (!OrderFindings.refusal(o, judged.items()).isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return revisions.effectiveSubject(o).chain(subject -> move(o, OrderTrigger.SUBMIT, Actor.PROVIDER, null,
                    List.of(), () -> {
                        o.submissionCount++;
                        return outbox.append(outlines.snapshot(o, subject, List.of(), judged.subjectFindings()))
                                .replaceWithVoid();
                    }, null)).replaceWithVoid();
        });
    }

    /**
     * Submission is refused with exactly the order's blocking findings — the subject's, its websites', its
     * materials' — each naming its field and rule; a part not judged complete that names none is refused as a whole.
     */
    private static void requireSubmittable(FilingOrder o, List<OrderFindings.Item> found, Set<OrderTrigger> allowed) {
        List<FieldViolation> refusal = OrderFindings.refusal(o, found);
        if (!refusal.isEmpty()) {
            throw ProblemException.localized(ProblemType.CONFLICT, "detail.order-not-submittable", refusal)
                    .with("currentState", o.state).with("allowedActions", allowed);
        }
    }

    /**
     * A CHANGE order must change something of what its kind revises (docs/domain.md §3.4): the subject for a SUBJECT
     * change, a field of the picked websites for a WEBSITE or ACCESS change (as website-service last counted them); a
     * change opened before changes had a kind, either. 409 {@code CHANGE_CHANGES_NOTHING} otherwise.
     */
    private static void requireChanges(FilingOrder o, SubjectRevisions.Submitted submitted, Set<OrderTrigger> allowed) {
        if (o.type != FilingType.CHANGE) {
            return;
        }
        boolean subject = !submitted.changes().isEmpty();
        boolean websites = o.websitesChanges != null && o.websitesChanges > 0;
        boolean changes = o.changeKind == null ? subject || websites
                : o.changeKind == ChangeKind.SUBJECT ? subject : websites;
        if (!changes) {
            String field = o.changeKind == null || o.changeKind == ChangeKind.SUBJECT ? "subject" : "websites";
            throw ProblemException.localized(ProblemType.CONFLICT, "detail.change-changes-nothing",
                    List.of(FieldViolation.of(field, "CHANGE_CHANGES_NOTHING", "field.change-changes-nothing")))
                    .with("code", "CHANGE_CHANGES_NOTHING").with("changeKind", o.changeKind)
                    .with("currentState", o.state).with("allowedActions", allowed);
        }
    }

    /** Moves the order and records the move: the applicant's moves, review and authority outcomes, expiry. */
    Uni<FilingOrder> move(FilingOrder o, OrderTrigger trigger, Actor actor, String actorId, List<String> reasons) {
        return move(o, trigger, actor, actorId, reasons, () -> Uni.createFrom().voidItem(), null);
    }

    /** The administration approved the order: the move's event carries the numbers it was approved with. */
    Uni<FilingOrder> approve(FilingOrder o, AuthorityApproved approval) {
        return move(o, OrderTrigger.AUTHORITY_APPROVE, Actor.AUTHORITY, null, List.of(),
                () -> Uni.createFrom().voidItem(), approval);
    }

    /** As above; {@code beforeEvent} runs once the move is legal, before the transition's event is appended. */
    private Uni<FilingOrder> move(FilingOrder o, OrderTrigger trigger, Actor actor, String actorId, List<String> reasons,
            java.util.function.Supplier<Uni<Void>> beforeEvent, AuthorityApproved approval) {
        OrderState from = o.state;
        OrderState to;
        try {
            to = OrderStateMachine.next(from, trigger, actor, o.context());
        } catch (IllegalTransitionException e) {
            return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                    "detail.order-action-not-allowed", trigger, from)
                    .with("currentState", from).with("allowedActions", e.allowed()));
        }
        OffsetDateTime now = clock.now();
        if (to != from) {
            o.state = to;
            o.stateSince = now;
        }
        if (trigger == OrderTrigger.AUTHORITY_REJECT) {
            o.rereview = true;
        }
        if (approval != null) {
            o.approval = json.write(approval);
        }
        o.updatedAt = now;
        boolean submit = trigger == OrderTrigger.SUBMIT || trigger == OrderTrigger.RESUBMIT;
        // Flush now so a concurrent move of the same order fails here on its version (412), not after the event.
        return beforeEvent.get()
                .chain(() -> orders.persistAndFlush(o))
                .chain(() -> settleCodes(o, to))
                .chain(() -> record(o, from, trigger, actor, actorId, reasons))
                .chain(() -> outbox.append(new OrderTransitioned(o.id.toString(), o.accountId, o.type, o.province,
                        from, to, trigger, actor, actorId, reasons.isEmpty() ? null : reasons,
                        submit ? o.websitesReadyVersion : null, submit ? o.materialsReadyVersion : null, now,
                        approval)))
                .replaceWith(o);
    }

    /** An abandoned order frees the authorization codes it held; an approved one spends them (docs/domain.md §1). */
    private Uni<Void> settleCodes(FilingOrder o, OrderState to) {
        if (to == OrderState.ABANDONED) {
            return codes.release(o.id).replaceWithVoid();
        }
        if (to == OrderState.APPROVED) {
            return codes.spend(o.id).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * The order, if {@code accountId} owns it or the caller is staff; otherwise a 404 that does not reveal whether it
     * exists.
     */
    @WithSession
    public Uni<FilingOrder> findVisible(UUID id, String accountId, boolean staff) {
        return orders.findById(id).map(o -> {
            if (o == null || !(staff || o.accountId.equals(accountId))) {
                throw ProblemException.notFound("Order");
            }
            return o;
        });
    }

    /** The province rules' findings on the subject a visible order files (its draft revision for a CHANGE). */
    @WithSession
    public Uni<List<RuleFinding>> subjectFindings(UUID id, String accountId, boolean staff, boolean english) {
        return findVisible(id, accountId, staff).chain(o -> revisions.effectiveSubject(o)
                .chain(subject -> findings.judge(o, subject, english)));
    }

    /** As {@link #findVisible}, with the order's history and findings. */
    @WithSession
    public Uni<Tracked> findVisibleTracked(UUID id, String accountId, boolean staff, boolean english) {
        return findVisible(id, accountId, staff).chain(o -> tracked(o, english));
    }

    @WithSession
    Uni<Tracked> tracked(FilingOrder o, boolean english) {
        return orderFindings.of(o, english).chain(f -> tracked(o, f));
    }

    @WithSession
    Uni<Tracked> tracked(FilingOrder o, List<OrderFindings.Item> findings) {
        return transitions.latest(o.id, HISTORY_IN_VIEW + 1).map(newestFirst -> {
            boolean complete = newestFirst.size() <= HISTORY_IN_VIEW;
            List<OrderTransition> shown = new ArrayList<>(
                    complete ? newestFirst : newestFirst.subList(0, HISTORY_IN_VIEW));
            Collections.reverse(shown);
            return new Tracked(o, shown, complete, findings);
        });
    }

    /** A page of a visible order's history, oldest first, after history entry {@code afterId} (0: from the start). */
    @WithSession
    public Uni<List<OrderTransition>> historyPage(UUID id, String accountId, boolean staff, long afterId, int count) {
        return findVisible(id, accountId, staff).chain(o -> transitions.after(o.id, afterId, count));
    }

    @WithSession
    public Uni<List<FilingOrder>> page(String accountId, Cursor after, int limit) {
        return orders.page(accountId, after, limit);
    }

    private Uni<Void> record(FilingOrder o, OrderState from, OrderTrigger trigger, Actor actor, String actorId,
            List<String> reasons) {
        OrderTransition t = new OrderTransition();
        t.orderId = o.id;
        t.fromState = from;
        t.toState = o.state;
        t.trigger = trigger;
        t.actor = actor;
        t.actorId = actorId;
        t.reasons = reasons.isEmpty() ? null : String.join("\n", reasons);
        t.at = o.updatedAt;
        return transitions.persist(t).replaceWithVoid();
    }

    private FilingOrder newDraft(String accountId, Subject subject, FilingType type) {
        OffsetDateTime now = clock.now();
        FilingOrder o = new FilingOrder();
        o.id = UUID.randomUUID();
        o.accountId = accountId;
        o.subjectId = subject.id;
        o.type = type;
        o.state = OrderState.DRAFT;
        o.province = subject.province;
        o.stateSince = now;
        o.createdAt = now;
        o.updatedAt = now;
        return o;
    }
}
