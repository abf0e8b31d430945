package cn.beian.contract.events.authority;

import cn.beian.contract.events.EventPayload;
import java.time.OffsetDateTime;

/**
 * The administration's SMS verification of an order's principals was requested, or completed: a sub-status of
 * AUTHORITY_REVIEW. Mobiles travel masked. Keyed by the order.
 */
public record SmsVerificationChanged(
        String orderId,
        String submissionId,
        OffsetDateTime deadline,
        OffsetDateTime at) implements EventPayload {

    @Override
    public String aggregateId() {
        return orderId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
