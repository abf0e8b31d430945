package cn.beian.materials.events;

import static cn.beian.contract.events.EventType.INITIAL_REVIEW_APPROVED;
import static cn.beian.contract.events.EventType.INITIAL_REVIEW_REJECTED;
import static cn.beian.contract.events.EventType.ORDER_CREATED;
import static cn.beian.contract.events.EventType.ORDER_SUBJECT_OUTLINED;
import static cn.beian.contract.events.EventType.ORDER_TRANSITIONED;
import static cn.beian.contract.events.EventType.ORDER_WEBSITES_CHANGED;
import static cn.beian.contract.events.EventType.PHOTO_REVIEW_APPROVED;
import static cn.beian.contract.events.EventType.PHOTO_REVIEW_REJECTED;
import static cn.beian.contract.events.EventType.REVIEW_CASE_CLAIMED;
import static cn.beian.contract.events.EventType.REVIEW_CASE_RELEASED;

import cn.beian.contract.events.order.OrderCreated;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.contract.events.review.ReviewCaseChanged;
import cn.beian.contract.events.review.ReviewDecided;
import cn.beian.contract.events.website.OrderWebsitesChanged;
import cn.beian.materials.service.OrderProjectionService;
import cn.beian.platform.inbox.EventRoutes;
import cn.beian.platform.inbox.InboxHandler;
import cn.beian.platform.inbox.IncomingEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * subject-, website- and review-service's events, applied to the order projection in the consumer's transaction; every
 * other type is passed over.
 */
@ApplicationScoped
public class EventHandler implements InboxHandler {

    private final EventRoutes routes;

    public EventHandler(OrderProjectionService projections) {
        this.routes = new EventRoutes()
                .on(ORDER_CREATED, e -> projections.created(e.data(OrderCreated.class)))
                .on(ORDER_SUBJECT_OUTLINED, e -> projections.outlined(e.data(OrderSubjectOutlined.class)))
                .on(ORDER_TRANSITIONED, e -> projections.transitioned(e.data(OrderTransitioned.class)))
                .on(ORDER_WEBSITES_CHANGED, e -> projections.websitesChanged(e.data(OrderWebsitesChanged.class)))
                .on(REVIEW_CASE_CLAIMED, e -> {
                    ReviewCaseChanged c = e.data(ReviewCaseChanged.class);
                    return projections.claimed(c.orderId(), c.reviewerId());
                })
                // Released or decided: nobody holds a claim any more.
                .on(REVIEW_CASE_RELEASED, e -> projections.claimed(e.data(ReviewCaseChanged.class).orderId(), null))
                .on(List.of(INITIAL_REVIEW_APPROVED, INITIAL_REVIEW_REJECTED, PHOTO_REVIEW_APPROVED,
                        PHOTO_REVIEW_REJECTED), e -> projections.claimed(e.data(ReviewDecided.class).orderId(), null));
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
