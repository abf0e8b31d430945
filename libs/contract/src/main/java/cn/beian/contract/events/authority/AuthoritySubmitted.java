package cn.beian.contract.events.authority;

import java.time.OffsetDateTime;

import cn.beian.contract.domain.Province;
import cn.beian.contract.events.EventPayload;

/**
 * The authority gateway submitted an order's snapshot to the administration. Keyed by the order.
 *
 * @param expectedDecisionBy the administration's typical decision date on the business calendar (20 business days,
 *                           Zhejiang 30)
 */
public record AuthoritySubmitted(
        String orderId,
        String submissionId,
        Province province,
        OffsetDateTime expectedDecisionBy,
        OffsetDateTime submittedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return orderId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
