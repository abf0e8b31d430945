package cn.beian.contract.events.materials;

import cn.beian.contract.events.EventPayload;
import java.time.OffsetDateTime;

/**
 * The curtain photos of an order were submitted for photo review, by the applicant or a verification point.
 *
 * @param byVerificationPoint whether a verification point (not the applicant) submitted them
 */
public record PhotoSubmitted(String orderId, String submittedBy, boolean byVerificationPoint,
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
