package cn.beian.contract.events.order;

import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.events.EventPayload;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderState;
import java.time.OffsetDateTime;

/** An applicant opened a filing order (in DRAFT). Keyed by the order. */
public record OrderCreated(
        String orderId,
        String accountId,
        String subjectId,
        FilingType type,
        Province province,
        SubjectNature nature,
        OrderState state,
        OffsetDateTime createdAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return orderId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
