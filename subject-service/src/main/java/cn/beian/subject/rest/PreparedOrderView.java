package cn.beian.subject.rest;

import cn.beian.subject.domain.PreparedOrder;
import java.time.OffsetDateTime;

/**
 * A cancel-access order the provider prepared for a filed website that stayed an empty shell past its grace period.
 *
 * @param state         PREPARED (waiting for staff), CONFIRMED ({@code orderId} is the cancel-access order it opened),
 *                      DISMISSED, or WITHDRAWN (the empty shell was resolved first)
 * @param findingId     website-service's empty-shell finding ({@code GET /api/v1/filed-websites/{id}/findings})
 * @param filedWebsiteId website-service's filed website
 * @param emptySince    when the probes first saw the empty shell
 * @param graceEndsAt   when its grace period ended
 */
public record PreparedOrderView(String id, PreparedOrder.State state, String accountId, String findingId,
        String filedWebsiteId, String websiteFilingNumber, String websiteName, String domain,
        OffsetDateTime emptySince, OffsetDateTime graceEndsAt, OffsetDateTime preparedAt, OffsetDateTime decidedAt,
        String decidedBy, String orderId) {

    static PreparedOrderView of(PreparedOrder p) {
        return new PreparedOrderView(p.id.toString(), p.state, p.accountId, p.findingId, p.filedWebsiteId,
                p.websiteFilingNumber, p.websiteName, p.domain, p.emptySince, p.graceEndsAt, p.preparedAt,
                p.decidedAt, p.decidedBy, p.orderId == null ? null : p.orderId.toString());
    }
}
