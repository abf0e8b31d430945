package cn.beian.contract.events.order;

import cn.beian.contract.events.EventPayload;
import cn.beian.contract.order.OrderState;
import java.time.OffsetDateTime;

/**
 * An order has waited on the applicant for {@code days} (7, 15 or 30) calendar days in one state that expires
 * (docs/domain.md §3 "Validity"): notification-service reminds the applicant by SMS and e-mail. Published once per
 * order, state entry and milestone by subject-service's order clock. Keyed by the order.
 *
 * @param stateEnteredAt when the order entered {@code state}; with {@code days} it identifies the milestone
 * @param expiresAt      when the order expires if nothing happens; {@code null} where it never does (Zhejiang)
 */
public record OrderIdleMilestoneReached(
        String orderId,
        String accountId,
        OrderState state,
        int days,
        OffsetDateTime stateEnteredAt,
        OffsetDateTime expiresAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return orderId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
