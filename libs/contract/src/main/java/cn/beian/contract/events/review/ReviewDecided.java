package cn.beian.contract.events.review;

import cn.beian.contract.events.EventPayload;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A provider reviewer decided an initial or photo review. The event type says which decision; rejections carry
 * at least one reason. Keyed by the order.
 */
public record ReviewDecided(
        String orderId,
        String caseId,
        String reviewerId,
        List<RejectionReason> reasons,
        OffsetDateTime decidedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return orderId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
