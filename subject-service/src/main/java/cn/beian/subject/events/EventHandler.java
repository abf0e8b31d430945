package cn.beian.subject.events;

import cn.beian.contract.events.EventType;
import cn.beian.contract.events.account.MobileConfirmed;
import cn.beian.contract.events.account.MobileUndeliverable;
import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.events.authority.AuthorityRejected;
import cn.beian.contract.events.materials.PhotoSubmitted;
import cn.beian.contract.events.readiness.PartReady;
import cn.beian.contract.events.review.ReviewDecided;
import cn.beian.contract.events.website.WebsiteEmptyShellPastGrace;
import cn.beian.contract.events.website.WebsiteProbeFindingResolved;
import cn.beian.contract.order.OrderTrigger;
import cn.beian.platform.inbox.EventIds;
import cn.beian.platform.inbox.InboxHandler;
import cn.beian.platform.inbox.IncomingEvent;
import cn.beian.subject.service.MobileConfirmations;
import cn.beian.subject.service.OrderOutcomeService;
import cn.beian.subject.service.PreparedOrderService;
import cn.beian.subject.service.UndeliverableMobiles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * What subject-service does with each event it consumes, inside the idempotent consumer's transaction: one call of
 * {@link OrderOutcomeService} (orders), {@link PreparedOrderService} (empty shells past their grace) or
 * {@link MobileConfirmations} (a mobile confirmed) or {@link UndeliverableMobiles} (a mobile that no longer receives
 * SMS, and its findings resolved by a new confirmation) per type. Types it does not know are ignored (a newer producer).
 */
@ApplicationScoped
public class EventHandler implements InboxHandler {

    private final OrderOutcomeService outcomes;
    private final PreparedOrderService prepared;
    private final MobileConfirmations mobiles;
    private final UndeliverableMobiles undeliverable;

    public EventHandler(OrderOutcomeService outcomes, PreparedOrderService prepared, MobileConfirmations mobiles,
            UndeliverableMobiles undeliverable) {
        this.mobiles = mobiles;
        this.undeliverable = undeliverable;
        this.outcomes = outcomes;
        this.prepared = prepared;
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        EventType type = event.eventType().orElse(null);
        if (type == null) {
            return Uni.createFrom().voidItem();
        }
        return switch (type) {
            case ORDER_WEBSITES_READINESS_CHANGED -> order(event).chain(id ->
                    outcomes.websitesReadinessChanged(id, event.data(PartReady.class)));
            case ORDER_MATERIALS_READINESS_CHANGED -> order(event).chain(id ->
                    outcomes.materialsReadinessChanged(id, event.data(PartReady.class)));
            case PHOTO_SUBMITTED -> order(event).chain(id ->
                    outcomes.photoSubmitted(id, event.data(PhotoSubmitted.class)));
            case INITIAL_REVIEW_APPROVED -> decided(event, OrderTrigger.INITIAL_APPROVE);
            case INITIAL_REVIEW_REJECTED -> decided(event, OrderTrigger.INITIAL_REJECT);
            case PHOTO_REVIEW_APPROVED -> order(event).chain(id ->
                    outcomes.photoApproved(id, event.data(ReviewDecided.class)));
            case PHOTO_REVIEW_REJECTED -> decided(event, OrderTrigger.PHOTO_REJECT);
            case AUTHORITY_SMS_VERIFIED -> order(event).chain(outcomes::smsVerified);
            case AUTHORITY_APPROVED -> order(event).chain(id ->
                    outcomes.authorityApproved(id, event.data(AuthorityApproved.class)));
            case AUTHORITY_REJECTED, AUTHORITY_RETURNED -> order(event).chain(id ->
                    outcomes.authorityRejected(id, event.data(AuthorityRejected.class)));
            // website-service's probes: an empty shell past its grace, and a finding resolved
            case WEBSITE_EMPTY_SHELL_PAST_GRACE -> prepared.prepare(event.data(WebsiteEmptyShellPastGrace.class));
            case WEBSITE_PROBE_FINDING_RESOLVED -> prepared.findingResolved(
                    event.data(WebsiteProbeFindingResolved.class));
            // notification-service: a mobile confirmed by its SMS code; the order findings judged from now on see it
            case MOBILE_CONFIRMED -> mobiles.confirmed(event.data(MobileConfirmed.class))
                    .chain(() -> undeliverable.confirmed(event.data(MobileConfirmed.class)));
            // notification-service: the SMS provider's reports say a mobile no longer receives SMS
            case MOBILE_UNDELIVERABLE -> undeliverable.undeliverable(event.data(MobileUndeliverable.class));
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> decided(IncomingEvent event, OrderTrigger trigger) {
        return order(event).chain(id -> outcomes.reviewDecided(id, trigger, event.data(ReviewDecided.class)));
    }

    /** The event's order id; anything else is a malformed event, dead-lettered at once. */
    private static Uni<UUID> order(IncomingEvent event) {
        return Uni.createFrom().item(() -> EventIds.orderId(event.aggregateId()));
    }
}
