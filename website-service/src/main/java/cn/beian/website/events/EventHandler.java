package cn.beian.website.events;

import cn.beian.contract.events.EventType;
import cn.beian.contract.events.account.MobileConfirmed;
import cn.beian.contract.events.account.MobileUndeliverable;
import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.events.order.OrderCreated;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.platform.inbox.InboxHandler;
import cn.beian.platform.inbox.IncomingEvent;
import cn.beian.website.service.AccessJournalService;
import cn.beian.website.service.FiledWebsiteService;
import cn.beian.website.service.MobileConfirmations;
import cn.beian.website.service.OrderProjectionService;
import cn.beian.website.service.UndeliverableMobiles;
import cn.beian.website.service.WebsitesSnapshotFreezer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * subject-service's order events and the authority's outcome, applied inside the idempotent consumer's transaction;
 * the facts the access policy is built from are journaled first.
 */
@ApplicationScoped
public class EventHandler implements InboxHandler {

    private final AccessJournalService journal;
    private final OrderProjectionService projections;
    private final WebsitesSnapshotFreezer freezer;
    private final FiledWebsiteService filed;
    private final MobileConfirmations mobiles;
    private final UndeliverableMobiles undeliverable;

    public EventHandler(AccessJournalService journal, OrderProjectionService projections,
            WebsitesSnapshotFreezer freezer, FiledWebsiteService filed, MobileConfirmations mobiles,
            UndeliverableMobiles undeliverable) {
        this.mobiles = mobiles;
        this.undeliverable = undeliverable;
        this.journal = journal;
        this.projections = projections;
        this.freezer = freezer;
        this.filed = filed;
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        EventType type = event.eventType().orElse(null);
        if (type == null) {
            return Uni.createFrom().voidItem();
        }
        return journal.record(type, event).chain(() -> switch (type) {
            case ORDER_CREATED -> projections.created(event.data(OrderCreated.class));
            case ORDER_TRANSITIONED -> transitioned(event.data(OrderTransitioned.class));
            case ORDER_SUBJECT_OUTLINED -> projections.outlined(event.data(OrderSubjectOutlined.class));
            case AUTHORITY_APPROVED -> filed.approved(event.data(AuthorityApproved.class));
            // notification-service: a mobile confirmed by its SMS code clears MOBILE_UNCONFIRMED at once, and the
            // website principals' MOBILE_UNDELIVERABLE of that mobile
            case MOBILE_CONFIRMED -> mobiles.confirmed(event.data(MobileConfirmed.class))
                    .chain(() -> undeliverable.confirmed(event.data(MobileConfirmed.class)));
            // notification-service: the SMS provider's reports say a mobile no longer receives SMS
            case MOBILE_UNDELIVERABLE -> undeliverable.undeliverable(event.data(MobileUndeliverable.class));
            // This service's own website.order-websites-changed comes back only to be journaled.
            default -> Uni.createFrom().voidItem();
        });
    }

    /** A submission freezes the version it names; an approval records the numbers it carries. */
    private Uni<Void> transitioned(OrderTransitioned e) {
        return projections.transitioned(e).chain(o -> OrderProjectionService.submitted(e)
                ? freezer.freeze(o, e.websitesVersion())
                // The numbers travel with the approval too: shown as soon as the order is seen approved, whichever
                // of the two topics arrives first (recording them twice changes nothing).
                : e.approval() != null ? filed.approved(e.approval())
                : Uni.createFrom().voidItem());
    }
}
