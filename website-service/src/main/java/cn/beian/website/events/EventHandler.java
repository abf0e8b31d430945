package cn.beian.website.events;

import static cn.beian.contract.events.EventType.AUTHORITY_APPROVED;
import static cn.beian.contract.events.EventType.MOBILE_CONFIRMED;
import static cn.beian.contract.events.EventType.MOBILE_UNDELIVERABLE;
import static cn.beian.contract.events.EventType.ORDER_CREATED;
import static cn.beian.contract.events.EventType.ORDER_SUBJECT_OUTLINED;
import static cn.beian.contract.events.EventType.ORDER_TRANSITIONED;

import cn.beian.contract.events.EventType;
import cn.beian.contract.events.account.MobileConfirmed;
import cn.beian.contract.events.account.MobileUndeliverable;
import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.events.order.OrderCreated;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.platform.inbox.EventRoutes;
import cn.beian.platform.inbox.InboxHandler;
import cn.beian.platform.inbox.IncomingEvent;
import cn.beian.website.service.AccessJournalService;
import cn.beian.website.service.AccessPolicy;
import cn.beian.website.service.FiledWebsiteService;
import cn.beian.website.service.MobileConfirmations;
import cn.beian.website.service.OrderProjectionService;
import cn.beian.website.service.UndeliverableMobiles;
import cn.beian.website.service.WebsitesSnapshotFreezer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * subject-service's order events and the authority's outcome, applied inside the idempotent consumer's transaction;
 * the facts the access policy is built from are journaled first. Every other type is passed over.
 */
@ApplicationScoped
public class EventHandler implements InboxHandler {

    private final AccessJournalService journal;
    private final OrderProjectionService projections;
    private final WebsitesSnapshotFreezer freezer;
    private final FiledWebsiteService filed;
    private final MobileConfirmations mobiles;
    private final UndeliverableMobiles undeliverable;
    private final EventRoutes routes;

    public EventHandler(AccessJournalService journal, OrderProjectionService projections,
            WebsitesSnapshotFreezer freezer, FiledWebsiteService filed, MobileConfirmations mobiles,
            UndeliverableMobiles undeliverable) {
        this.mobiles = mobiles;
        this.undeliverable = undeliverable;
        this.journal = journal;
        this.projections = projections;
        this.freezer = freezer;
        this.filed = filed;
        this.routes = routes();
    }

    /** Built once: the projection beans are injected into the constructor. */
    private EventRoutes routes() {
        return new EventRoutes()
                .on(ORDER_CREATED, e -> projections.created(e.data(OrderCreated.class)))
                .on(ORDER_TRANSITIONED, e -> transitioned(e.data(OrderTransitioned.class)))
                .on(ORDER_SUBJECT_OUTLINED, e -> projections.outlined(e.data(OrderSubjectOutlined.class)))
                .on(AUTHORITY_APPROVED, e -> filed.approved(e.data(AuthorityApproved.class)))
                // notification-service: a mobile confirmed by its SMS code clears MOBILE_UNCONFIRMED at once, and the
                // website principals' MOBILE_UNDELIVERABLE of that mobile
                .on(MOBILE_CONFIRMED, e -> mobiles.confirmed(e.data(MobileConfirmed.class))
                        .chain(() -> undeliverable.confirmed(e.data(MobileConfirmed.class))))
                // notification-service: the SMS provider's reports say a mobile no longer receives SMS
                .on(MOBILE_UNDELIVERABLE, e -> undeliverable.undeliverable(e.data(MobileUndeliverable.class)));
    }

    /** What the routes act on, and what the access policy's journal keeps (its own changes come back only for it). */
    @Override
    public boolean handles(IncomingEvent event) {
        return routes.handles(event) || event.eventType().map(AccessPolicy.FACTS::contains).orElse(false);
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        EventType type = event.eventType().orElse(null);
        if (type == null) {
            return Uni.createFrom().voidItem();
        }
        return journal.record(type, event).chain(() -> routes.apply(event));
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
