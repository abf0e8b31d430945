package cn.beian.contract.events.authority;

import cn.beian.contract.events.EventPayload;
import cn.beian.contract.events.review.RejectionReason;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The administration rejected an order, or returned it because its principals did not verify the SMS codes
 * in time ({@code returned}, reason code {@code SMS_NOT_VERIFIED}). Keyed by the order.
 */
public record AuthorityRejected(
        String orderId,
        String submissionId,
        boolean returned,
        List<RejectionReason> reasons,
        OffsetDateTime rejectedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return orderId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
