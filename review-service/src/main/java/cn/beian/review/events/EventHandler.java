package cn.beian.review.events;

import static cn.beian.contract.events.EventType.MATERIALS_MANIFEST_FROZEN;
import static cn.beian.contract.events.EventType.ORDER_TRANSITIONED;
import static cn.beian.contract.events.EventType.PHOTO_SUBMITTED;
import static cn.beian.contract.events.EventType.SUBJECT_SNAPSHOT_FROZEN;
import static cn.beian.contract.events.EventType.WEBSITES_SNAPSHOT_FROZEN;

import cn.beian.contract.events.materials.PhotoSubmitted;
import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.contract.events.snapshot.MaterialsManifestFrozen;
import cn.beian.contract.events.snapshot.SubjectSnapshotFrozen;
import cn.beian.contract.events.snapshot.WebsitesSnapshotFrozen;
import cn.beian.platform.inbox.EventRoutes;
import cn.beian.platform.inbox.InboxHandler;
import cn.beian.platform.inbox.IncomingEvent;
import cn.beian.review.service.CaseAssembly;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * review-service's events from subject-, website- and materials-service, each to its one service method, inside the
 * idempotent consumer's transaction. Every other type is passed over.
 */
@ApplicationScoped
public class EventHandler implements InboxHandler {

    private final EventRoutes routes;

    public EventHandler(CaseAssembly cases) {
        this.routes = new EventRoutes()
                .on(SUBJECT_SNAPSHOT_FROZEN,
                        e -> cases.subjectSnapshotFrozen(e.data(SubjectSnapshotFrozen.class), e.data()))
                .on(WEBSITES_SNAPSHOT_FROZEN,
                        e -> cases.websitesSnapshotFrozen(e.data(WebsitesSnapshotFrozen.class), e.data()))
                .on(MATERIALS_MANIFEST_FROZEN,
                        e -> cases.materialsManifestFrozen(e.data(MaterialsManifestFrozen.class), e.data()))
                .on(ORDER_TRANSITIONED, e -> cases.transitioned(e.data(OrderTransitioned.class)))
                .on(PHOTO_SUBMITTED, e -> cases.photoSubmitted(e.data(PhotoSubmitted.class)));
    }

    @Override
    public boolean handles(IncomingEvent event) {
        return routes.handles(event);
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        return routes.apply(event);
    }
}
