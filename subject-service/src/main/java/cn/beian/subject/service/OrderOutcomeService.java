package cn.beian.subject.service;

import cn.beian.contract.events.EventType;
import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.events.authority.AuthorityRejected;
import cn.beian.contract.events.readiness.PartReady;
import cn.beian.contract.events.review.PhotoSubmitted;
import cn.beian.contract.events.review.RejectionReason;
import cn.beian.contract.events.review.ReviewDecided;
import cn.beian.contract.order.OrderTrigger;
import cn.beian.contract.order.OrderTrigger.Actor;
import cn.beian.platform.inbox.InboxHandler;
import cn.beian.platform.inbox.IncomingEvent;
import cn.beian.platform.inbox.MalformedEventException;
import cn.beian.platform.problem.ProblemException;
import cn.beian.subject.domain.FilingOrder;
import cn.beian.subject.repository.FilingOrderRepository;
import cn.beian.subject.repository.SubjectRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Moves orders on what the other services report: readiness of websites and materials, submitted curtain
 * photos, the provider's review decisions and the administration's outcomes. Runs inside the idempotent
 * consumer's transaction. An event that cannot apply (unknown order, a move the state does not allow) can
 * never apply later either: it is dead-lettered with the reason, and the partition goes on.
 */
@ApplicationScoped
public class OrderOutcomeService implements InboxHandler {

    private static final Logger LOG = Logger.getLogger(OrderOutcomeService.class);

    private final FilingOrderRepository orders;
    private final SubjectRepository subjects;
    private final OrderService orderService;
    private final SubjectRevisions revisions;

    public OrderOutcomeService(FilingOrderRepository orders, SubjectRepository subjects, OrderService orderService,
            SubjectRevisions revisions) {
        this.revisions = revisions;
        this.orders = orders;
        this.subjects = subjects;
        this.orderService = orderService;
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        EventType type = event.eventType().orElse(null);
        if (type == null) {
            return Uni.createFrom().voidItem();
        }
        return switch (type) {
            case ORDER_WEBSITES_READINESS_CHANGED -> withOrder(event, o -> {
                PartReady r = event.data(PartReady.class);
                o.websitesReadyVersion = r.ready() ? r.version() : null;
                return orders.persist(o).replaceWithVoid();
            });
            case ORDER_MATERIALS_READINESS_CHANGED -> withOrder(event, o -> {
                PartReady r = event.data(PartReady.class);
                o.materialsReadyVersion = r.ready() ? r.version() : null;
                return orders.persist(o).replaceWithVoid();
            });
            case PHOTO_SUBMITTED -> withOrder(event, o -> {
                PhotoSubmitted p = event.data(PhotoSubmitted.class);
                return move(o, OrderTrigger.PHOTO_SUBMIT,
                        p.byVerificationPoint() ? Actor.VERIFICATION_POINT : Actor.APPLICANT, p.submittedBy(), List.of());
            });
            case INITIAL_REVIEW_APPROVED -> decided(event, OrderTrigger.INITIAL_APPROVE);
            case INITIAL_REVIEW_REJECTED -> decided(event, OrderTrigger.INITIAL_REJECT);
            case PHOTO_REVIEW_APPROVED -> withOrder(event, o -> {
                o.photoApproved = true;
                ReviewDecided d = event.data(ReviewDecided.class);
                return move(o, OrderTrigger.PHOTO_APPROVE, Actor.REVIEWER, d.reviewerId(), List.of());
            });
            case PHOTO_REVIEW_REJECTED -> decided(event, OrderTrigger.PHOTO_REJECT);
            case AUTHORITY_SMS_VERIFIED -> withOrder(event,
                    o -> move(o, OrderTrigger.SMS_VERIFIED, Actor.PRINCIPAL, null, List.of()));
            case AUTHORITY_APPROVED -> withOrder(event, o -> {
                AuthorityApproved a = event.data(AuthorityApproved.class);
                return recordSubjectNumber(o, a)
                        .chain(() -> revisions.applyApproved(o))
                        .chain(() -> refusedAsMalformed(o, orderService.approve(o, a)));
            });
            case AUTHORITY_REJECTED, AUTHORITY_RETURNED -> withOrder(event, o -> {
                AuthorityRejected r = event.data(AuthorityRejected.class);
                return move(o, OrderTrigger.AUTHORITY_REJECT, Actor.AUTHORITY, null, summaries(r.reasons()));
            });
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> decided(IncomingEvent event, OrderTrigger trigger) {
        return withOrder(event, o -> {
            ReviewDecided d = event.data(ReviewDecided.class);
            if (trigger == OrderTrigger.INITIAL_REJECT || trigger == OrderTrigger.PHOTO_REJECT) {
                if (d.reasons() == null || d.reasons().isEmpty()) {
                    return Uni.createFrom().failure(new MalformedEventException(event.type() + " without reasons"));
                }
            }
            return move(o, trigger, Actor.REVIEWER, d.reviewerId(), summaries(d.reasons()));
        });
    }

    private Uni<Void> move(FilingOrder o, OrderTrigger trigger, Actor actor, String actorId, List<String> reasons) {
        return refusedAsMalformed(o, orderService.move(o, trigger, actor, actorId, reasons));
    }

    /** A move the order's state refuses can never apply: the event is dead-lettered, not parked. */
    private static Uni<Void> refusedAsMalformed(FilingOrder o, Uni<FilingOrder> move) {
        return move.onFailure(ProblemException.class)
                .transform(e -> new MalformedEventException("order " + o.id + ": " + e.getMessage()))
                .replaceWithVoid();
    }

    private Uni<Void> recordSubjectNumber(FilingOrder o, AuthorityApproved a) {
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

    private Uni<Void> withOrder(IncomingEvent event, java.util.function.Function<FilingOrder, Uni<Void>> action) {
        UUID id;
        try {
            id = UUID.fromString(event.aggregateId());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new MalformedEventException("not an order id: " + event.aggregateId()));
        }
        return orders.findById(id).chain(o -> o == null
                ? Uni.createFrom().failure(new MalformedEventException("unknown order " + id))
                : action.apply(o));
    }

    private static List<String> summaries(List<RejectionReason> reasons) {
        return reasons == null ? List.of() : reasons.stream().map(RejectionReason::summary).toList();
    }
}
