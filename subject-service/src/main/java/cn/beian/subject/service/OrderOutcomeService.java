package cn.beian.subject.service;

import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.events.authority.AuthorityRejected;
import cn.beian.contract.events.materials.PhotoSubmitted;
import cn.beian.contract.events.readiness.PartReady;
import cn.beian.contract.events.review.RejectionReason;
import cn.beian.contract.events.review.ReviewDecided;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderTrigger.Actor;
import cn.beian.contract.order.OrderTrigger;
import cn.beian.platform.inbox.MalformedEventException;
import cn.beian.platform.json.Json;
import cn.beian.platform.problem.ProblemException;
import cn.beian.subject.domain.FilingOrder;
import cn.beian.subject.repository.FilingOrderRepository;
import cn.beian.subject.repository.SubjectRepository;
import cn.beian.time.BeianClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Moves orders on what the other services report: readiness of websites and materials, submitted curtain photos,
 * the provider's review decisions and the administration's outcomes. {@code events.EventHandler} calls one method per
 * event, inside the idempotent consumer's transaction. An event that cannot apply (unknown order, a move the state
 * does not allow) can never apply later either: it is dead-lettered with the reason, and the partition goes on.
 */
@ApplicationScoped
public class OrderOutcomeService {

    private static final Logger LOG = Logger.getLogger(OrderOutcomeService.class);

    private final FilingOrderRepository orders;
    private final SubjectRepository subjects;
    private final OrderService orderService;
    private final SubjectRevisions revisions;
    private final ApprovedWebsites approvedWebsites;
    private final Json json;
    private final BeianClock clock;

    public OrderOutcomeService(FilingOrderRepository orders, SubjectRepository subjects, OrderService orderService,
            SubjectRevisions revisions, Json json, ApprovedWebsites approvedWebsites, BeianClock clock) {
        this.json = json;
        this.clock = clock;
        this.approvedWebsites = approvedWebsites;
        this.revisions = revisions;
        this.orders = orders;
        this.subjects = subjects;
        this.orderService = orderService;
    }

    /**
     * website-service judged the order's websites at {@code r.version()}: complete or not, with its findings. An
     * announcement of an older version than the one kept changes nothing (the same version again replaces it: its
     * owner judged it again on other input, such as the subject).
     */
    public Uni<Void> websitesReadinessChanged(UUID orderId, PartReady r) {
        return withOrder(orderId, o -> {
            if (o.websitesFindingsVersion != null && r.version() < o.websitesFindingsVersion) {
                return Uni.createFrom().voidItem();
            }
            o.websitesReadyVersion = r.ready() ? r.version() : null;
            o.websitesFindingsVersion = r.version();
            o.websitesFindings = json.write(r.findings());
            o.websitesChanges = r.changes();
            return orders.persist(o).chain(() -> orderService.submitForProvider(o));
        });
    }

    /** materials-service judged the order's materials at {@code r.version()}; as {@link #websitesReadinessChanged}. */
    public Uni<Void> materialsReadinessChanged(UUID orderId, PartReady r) {
        return withOrder(orderId, o -> {
            if (o.materialsFindingsVersion != null && r.version() < o.materialsFindingsVersion) {
                return Uni.createFrom().voidItem();
            }
            o.materialsReadyVersion = r.ready() ? r.version() : null;
            o.materialsFindingsVersion = r.version();
            o.materialsFindings = json.write(r.findings());
            return orders.persist(o).chain(() -> orderService.submitForProvider(o));
        });
    }

    /** The curtain photo was submitted, by the applicant or at a verification point. */
    public Uni<Void> photoSubmitted(UUID orderId, PhotoSubmitted p) {
        return withOrder(orderId, o -> move(o, OrderTrigger.PHOTO_SUBMIT,
                p.byVerificationPoint() ? Actor.VERIFICATION_POINT : Actor.APPLICANT, p.submittedBy(), List.of()));
    }

    /** A reviewer's decision on the initial review or the photo; a rejection must carry its reasons. */
    public Uni<Void> reviewDecided(UUID orderId, OrderTrigger trigger, ReviewDecided d) {
        return withOrder(orderId, o -> {
            if (trigger == OrderTrigger.INITIAL_REJECT || trigger == OrderTrigger.PHOTO_REJECT) {
                if (d.reasons() == null || d.reasons().isEmpty()) {
                    return Uni.createFrom().failure(new MalformedEventException(trigger + " without reasons"));
                }
            }
            if (trigger == OrderTrigger.INITIAL_APPROVE && o.rereview && Boolean.FALSE.equals(d.photoStillHolds())) {
                o.photoApproved = false; // a principal changed since the photo: the re-review asks for a new one
            }
            return move(o, trigger, Actor.REVIEWER, d.reviewerId(), summaries(d.reasons()));
        });
    }

    /**
     * The reviewer approved the photo; it still holds should the administration reject, so a re-review skips it —
     * unless review-service says the re-review's principals are no longer those photographed.
     */
    public Uni<Void> photoApproved(UUID orderId, ReviewDecided d) {
        return withOrder(orderId, o -> {
            o.photoApproved = true;
            return move(o, OrderTrigger.PHOTO_APPROVE, Actor.REVIEWER, d.reviewerId(), List.of());
        });
    }

    /** The principal confirmed the administration's SMS. */
    public Uni<Void> smsVerified(UUID orderId) {
        return withOrder(orderId, o -> move(o, OrderTrigger.SMS_VERIFIED, Actor.PRINCIPAL, null, List.of()));
    }

    /**
     * The administration approved: the subject keeps the filing number it was given (or, deregistered, loses it), a
     * CHANGE order's revision becomes the subject, the account's approved websites are recorded or closed, and the
     * order moves with the approved numbers.
     */
    public Uni<Void> authorityApproved(UUID orderId, AuthorityApproved a) {
        return withOrder(orderId, o -> recordSubjectNumber(o, a)
                .chain(() -> revisions.applyApproved(o))
                .chain(() -> approvedWebsites.approved(o, a))
                .chain(() -> refusedAsMalformed(o, OrderTrigger.AUTHORITY_APPROVE, orderService.approve(o, a))));
    }

    /** The administration rejected or returned the order. */
    public Uni<Void> authorityRejected(UUID orderId, AuthorityRejected r) {
        return withOrder(orderId, o -> move(o, OrderTrigger.AUTHORITY_REJECT, Actor.AUTHORITY, null,
                summaries(r.reasons())));
    }

    private Uni<Void> move(FilingOrder o, OrderTrigger trigger, Actor actor, String actorId, List<String> reasons) {
        return refusedAsMalformed(o, trigger, orderService.move(o, trigger, actor, actorId, reasons));
    }

    /**
     * A move the order's state refuses can never apply: the event is dead-lettered, not parked. The reason is for
     * operators: the problem's bundle key and members (e.g. its current state), not a client's words.
     */
    private static Uni<Void> refusedAsMalformed(FilingOrder o, OrderTrigger trigger, Uni<FilingOrder> move) {
        return move.onFailure(ProblemException.class)
                .transform(e -> new MalformedEventException("order " + o.id + ": " + trigger + " is not possible ("
                        + e.getMessage() + " " + ((ProblemException) e).extensions() + ")"))
                .replaceWithVoid();
    }

    private Uni<Void> recordSubjectNumber(FilingOrder o, AuthorityApproved a) {
        if (o.type == FilingType.DEREGISTER_SUBJECT) {
            return deregisterSubject(o, a);
        }
        if (a.subjectFilingNumber() == null) {
            return Uni.createFrom().voidItem();
        }
        return subjects.findById(o.subjectId).chain(s -> {
            if (s.filingNumber == null) {
                s.filingNumber = a.subjectFilingNumber();
                s.approvedAt = a.approvedAt();
                LOG.infof("Subject %s holds filing number %s", s.id, s.filingNumber);
                return subjects.persist(s).replaceWithVoid();
            }
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * The subject's deregistration was approved: its number is revoked, so it is cleared (and kept as the one it held);
     * the account may file again, as a first filing, with the same subject (docs/domain.md §3.3).
     */
    private Uni<Void> deregisterSubject(FilingOrder o, AuthorityApproved a) {
        return subjects.findById(o.subjectId).chain(s -> {
            if (s.filingNumber == null) {
                return Uni.createFrom().voidItem();
            }
            s.deregisteredFilingNumber = s.filingNumber;
            s.deregisteredAt = a.approvedAt() == null ? clock.now() : a.approvedAt();
            s.filingNumber = null;
            s.approvedAt = null;
            LOG.infof("Subject %s deregistered: filing number %s revoked", s.id, s.deregisteredFilingNumber);
            return subjects.persist(s).replaceWithVoid();
        });
    }

    private Uni<Void> withOrder(UUID id, Function<FilingOrder, Uni<Void>> action) {
        return orders.findById(id).chain(o -> o == null
                ? Uni.createFrom().failure(new MalformedEventException("unknown order " + id))
                : action.apply(o));
    }

    private static List<String> summaries(List<RejectionReason> reasons) {
        return reasons == null ? List.of() : reasons.stream().map(RejectionReason::summary).toList();
    }
}
