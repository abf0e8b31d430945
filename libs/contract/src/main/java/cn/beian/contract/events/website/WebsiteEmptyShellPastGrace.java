package cn.beian.contract.events.website;

import cn.beian.contract.events.EventPayload;
import java.time.OffsetDateTime;

/**
 * A filed website's empty-shell finding is still open after its grace period (website-service, once per finding: the
 * first probe that sees the empty shell again once {@code firstSeenAt + grace} has passed announces it). subject-service
 * prepares a cancel-access (取消接入) order from it for staff to confirm. Keyed by the filed website; names the order that
 * filed it.
 *
 * @param findingId   the empty-shell finding ({@code website.probe-finding-raised}'s {@code findingId})
 * @param graceEndsAt when the grace period ended ({@code firstSeenAt} plus the grace)
 * @param seenAt      the probe that saw it past the grace
 */
public record WebsiteEmptyShellPastGrace(
        String findingId,
        String websiteId,
        String orderId,
        String accountId,
        String websiteFilingNumber,
        String websiteName,
        String domain,
        OffsetDateTime firstSeenAt,
        OffsetDateTime graceEndsAt,
        OffsetDateTime seenAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return websiteId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
