package cn.beian.contract.events.website;

import cn.beian.contract.events.EventPayload;
import java.time.OffsetDateTime;

/**
 * A probe of a filed website found something new wrong with it (website-service, once per finding: a finding seen
 * again on later probes raises nothing until it is resolved and comes back). {@code kind} is one of UNREACHABLE,
 * EMPTY_SHELL, NUMBER_MISSING, NUMBER_NOT_LINKED, POLICE_NUMBER_MISSING, CONTENT_FLAG and the others of
 * website-service's {@code ProbeFindingKind} (MOBILE_UNDELIVERABLE: the website's own principal's mobile no longer
 * receives SMS, {@code domain} null, told by e-mail only) — consumers treat a kind they do not know as a generic
 * finding. Keyed by the filed website; names the order that filed it.
 */
public record WebsiteProbeFindingRaised(
        String findingId,
        String websiteId,
        String orderId,
        String accountId,
        String websiteFilingNumber,
        String websiteName,
        String domain,
        String kind,
        String detail,
        OffsetDateTime firstSeenAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return websiteId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
