package cn.beian.review.events;

import cn.beian.contract.events.EventType;
import cn.beian.contract.events.materials.PhotoSubmitted;
import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.contract.events.snapshot.MaterialsManifestFrozen;
import cn.beian.contract.events.snapshot.SubjectSnapshotFrozen;
import cn.beian.contract.events.snapshot.WebsitesSnapshotFrozen;
import cn.beian.platform.inbox.InboxHandler;
import cn.beian.platform.inbox.IncomingEvent;
import cn.beian.review.service.CaseAssembly;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * review-service's events from subject-, website- and materials-service, each to its one service method, inside the
 * idempotent consumer's transaction. Types review-service does not use are skipped.
 */
@ApplicationScoped
public class EventHandler implements InboxHandler {

    private final CaseAssembly cases;

    public EventHandler(CaseAssembly cases) {
        this.cases = cases;
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        EventType type = event.eventType().orElse(null);
        if (type == null) {
            return Uni.createFrom().voidItem();
        }
        return switch (type) {
            case SUBJECT_SNAPSHOT_FROZEN ->
                    cases.subjectSnapshotFrozen(event.data(SubjectSnapshotFrozen.class), event.data());
            case WEBSITES_SNAPSHOT_FROZEN ->
                    cases.websitesSnapshotFrozen(event.data(WebsitesSnapshotFrozen.class), event.data());
            case MATERIALS_MANIFEST_FROZEN ->
                    cases.materialsManifestFrozen(event.data(MaterialsManifestFrozen.class), event.data());
            case ORDER_TRANSITIONED -> cases.transitioned(event.data(OrderTransitioned.class));
            case PHOTO_SUBMITTED -> cases.photoSubmitted(event.data(PhotoSubmitted.class));
            default -> Uni.createFrom().voidItem();
        };
    }
}
