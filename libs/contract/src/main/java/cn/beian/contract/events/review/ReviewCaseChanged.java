package cn.beian.contract.events.review;

import java.time.OffsetDateTime;

import cn.beian.contract.events.EventPayload;

/**
 * A review case was opened, claimed or released (the event type says which). Keyed by the order.
 *
 * @param reviewerId the reviewer who claimed or released; {@code null} when opened or when a lease lapsed
 * @param dueAt      the case's SLA due time (1 business day on the shared calendar)
 */
public record ReviewCaseChanged(
        String orderId,
        String caseId,
        ReviewKind kind,
        String reviewerId,
        OffsetDateTime dueAt,
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
