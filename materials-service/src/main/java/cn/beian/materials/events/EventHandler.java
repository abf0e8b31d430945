package cn.beian.materials.events;

import cn.beian.contract.events.EventType;
import cn.beian.contract.events.order.OrderCreated;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.contract.events.review.ReviewCaseChanged;
import cn.beian.contract.events.review.ReviewDecided;
import cn.beian.contract.events.website.OrderWebsitesChanged;
import cn.beian.materials.service.OrderProjectionService;
import cn.beian.platform.inbox.InboxHandler;
import cn.beian.platform.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** subject-, website- and review-service's events, applied to the order projection in the consumer's transaction. */
@ApplicationScoped
public class EventHandler implements InboxHandler {

    private final OrderProjectionService projections;

    public EventHandler(OrderProjectionService projections) {
        this.projections = projections;
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        EventType type = event.eventType().orElse(null);
        if (type == null) {
            return Uni.createFrom().voidItem();
        }
        return switch (type) {
            case ORDER_CREATED -> projections.created(event.data(OrderCreated.class));
            case ORDER_SUBJECT_OUTLINED -> projections.outlined(event.data(OrderSubjectOutlined.class));
            case ORDER_TRANSITIONED -> projections.transitioned(event.data(OrderTransitioned.class));
            case ORDER_WEBSITES_CHANGED -> projections.websitesChanged(event.data(OrderWebsitesChanged.class));
            case REVIEW_CASE_CLAIMED -> {
                ReviewCaseChanged c = event.data(ReviewCaseChanged.class);
                yield projections.claimed(c.orderId(), c.reviewerId());
            }
            // Released or decided: nobody holds a claim any more.
            case REVIEW_CASE_RELEASED -> projections.claimed(event.data(ReviewCaseChanged.class).orderId(), null);
            case INITIAL_REVIEW_APPROVED, INITIAL_REVIEW_REJECTED, PHOTO_REVIEW_APPROVED, PHOTO_REVIEW_REJECTED ->
                    projections.claimed(event.data(ReviewDecided.class).orderId(), null);
            default -> Uni.createFrom().voidItem();
        };
    }
}
