package cn.beian.contract.events.readiness;

import cn.beian.contract.events.EventPayload;
import java.time.OffsetDateTime;

/**
 * An owner's part of an order (its websites, or its materials) is complete and valid at {@code version}, or no
 * longer is ({@code ready == false}, e.g. after an edit that broke it). subject-service refuses submission
 * until both parts are ready and names these versions in {@code order.transitioned.v1}; the owners freeze
 * exactly those versions as the snapshot. Keyed by the order.
 */
public record PartReady(String orderId, long version, boolean ready, OffsetDateTime at) implements EventPayload {

    @Override
    public String aggregateId() {
        return orderId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
