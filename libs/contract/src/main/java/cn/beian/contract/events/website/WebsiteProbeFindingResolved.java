package cn.beian.contract.events.website;

import cn.beian.contract.events.EventPayload;
import java.time.OffsetDateTime;

/**
 * A finding announced by {@code website.probe-finding-raised} is resolved: a probe no longer found it (website-service,
 * once per finding). subject-service withdraws a cancel-access order it prepared from an empty shell that is no longer
 * one. Keyed by the filed website; names the order that filed it.
 */
public record WebsiteProbeFindingResolved(
        String findingId,
        String websiteId,
        String orderId,
        String accountId,
        String websiteFilingNumber,
        String kind,
        OffsetDateTime resolvedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return websiteId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
