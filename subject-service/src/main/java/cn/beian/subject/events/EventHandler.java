package cn.beian.subject.events;

import static cn.beian.contract.events.EventType.AUTHORITY_APPROVED;
import static cn.beian.contract.events.EventType.AUTHORITY_REJECTED;
import static cn.beian.contract.events.EventType.AUTHORITY_RETURNED;
import static cn.beian.contract.events.EventType.AUTHORITY_SMS_VERIFIED;
import static cn.beian.contract.events.EventType.INITIAL_REVIEW_APPROVED;
import static cn.beian.contract.events.EventType.INITIAL_REVIEW_REJECTED;
import static cn.beian.contract.events.EventType.MOBILE_CONFIRMED;
import static cn.beian.contract.events.EventType.MOBILE_UNDELIVERABLE;
import static cn.beian.contract.events.EventType.ORDER_MATERIALS_READINESS_CHANGED;
import static cn.beian.contract.events.EventType.ORDER_WEBSITES_READINESS_CHANGED;
import static cn.beian.contract.events.EventType.PHOTO_REVIEW_APPROVED;
import static cn.beian.contract.events.EventType.PHOTO_REVIEW_REJECTED;
import static cn.beian.contract.events.EventType.PHOTO_SUBMITTED;
import static cn.beian.contract.events.EventType.WEBSITE_EMPTY_SHELL_PAST_GRACE;
import static cn.beian.contract.events.EventType.WEBSITE_PROBE_FINDING_RESOLVED;

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
import cn.beian.platform.inbox.EventRoutes;
import cn.beian.platform.inbox.InboxHandler;
import cn.beian.platform.inbox.IncomingEvent;
import cn.beian.subject.service.MobileConfirmations;
import cn.beian.subject.service.OrderOutcomeService;
import cn.beian.subject.service.PreparedOrderService;
import cn.beian.subject.service.UndeliverableMobiles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * What subject-service does with each event it consumes, inside the idempotent consumer's transaction: one call of
 * {@link OrderOutcomeService} (orders), {@link PreparedOrderService} (empty shells past their grace) or
 * {@link MobileConfirmations} (a mobile confirmed) or {@link UndeliverableMobiles} (a mobile that no longer receives
 * SMS, and its findings resolved by a new confirmation) per type. Every other type is passed over.
 */
@ApplicationScoped
public class EventHandler implements InboxHandler {

    private final EventRoutes routes;

    public EventHandler(OrderOutcomeService outcomes, PreparedOrderService prepared, MobileConfirmations mobiles,
            UndeliverableMobiles undeliverable) {
        this.routes = new EventRoutes()
                .on(ORDER_WEBSITES_READINESS_CHANGED, e -> order(e).chain(id ->
                        outcomes.websitesReadinessChanged(id, e.data(PartReady.class))))
                .on(ORDER_MATERIALS_READINESS_CHANGED, e -> order(e).chain(id ->
                        outcomes.materialsReadinessChanged(id, e.data(PartReady.class))))
                .on(PHOTO_SUBMITTED, e -> order(e).chain(id ->
                        outcomes.photoSubmitted(id, e.data(PhotoSubmitted.class))))
                .on(INITIAL_REVIEW_APPROVED, e -> decided(outcomes, e, OrderTrigger.INITIAL_APPROVE))
                .on(INITIAL_REVIEW_REJECTED, e -> decided(outcomes, e, OrderTrigger.INITIAL_REJECT))
                .on(PHOTO_REVIEW_APPROVED, e -> order(e).chain(id ->
                        outcomes.photoApproved(id, e.data(ReviewDecided.class))))
                .on(PHOTO_REVIEW_REJECTED, e -> decided(outcomes, e, OrderTrigger.PHOTO_REJECT))
                .on(AUTHORITY_SMS_VERIFIED, e -> order(e).chain(outcomes::smsVerified))
                .on(AUTHORITY_APPROVED, e -> order(e).chain(id ->
                        outcomes.authorityApproved(id, e.data(AuthorityApproved.class))))
                .on(List.of(AUTHORITY_REJECTED, AUTHORITY_RETURNED), e -> order(e).chain(id ->
                        outcomes.authorityRejected(id, e.data(AuthorityRejected.class))))
                // website-service's probes: an empty shell past its grace, and a finding resolved
                .on(WEBSITE_EMPTY_SHELL_PAST_GRACE, e -> prepared.prepare(e.data(WebsiteEmptyShellPastGrace.class)))
                .on(WEBSITE_PROBE_FINDING_RESOLVED, e -> prepared.findingResolved(
                        e.data(WebsiteProbeFindingResolved.class)))
                // notification-service: a mobile confirmed by its SMS code; the order findings judged from now on
                // see it
                .on(MOBILE_CONFIRMED, e -> mobiles.confirmed(e.data(MobileConfirmed.class))
                        .chain(() -> undeliverable.confirmed(e.data(MobileConfirmed.class))))
                // notification-service: the SMS provider's reports say a mobile no longer receives SMS
                .on(MOBILE_UNDELIVERABLE, e -> undeliverable.undeliverable(e.data(MobileUndeliverable.class)));
    }

    @Override
    public boolean handles(IncomingEvent event) {
        return routes.handles(event);
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        return routes.apply(event);
    }

    private static Uni<Void> decided(OrderOutcomeService outcomes, IncomingEvent event, OrderTrigger trigger) {
        return order(event).chain(id -> outcomes.reviewDecided(id, trigger, event.data(ReviewDecided.class)));
    }

    /** The event's order id; anything else is a malformed event, dead-lettered at once. */
    private static Uni<UUID> order(IncomingEvent event) {
        return Uni.createFrom().item(() -> EventIds.orderId(event.aggregateId()));
    }
}
