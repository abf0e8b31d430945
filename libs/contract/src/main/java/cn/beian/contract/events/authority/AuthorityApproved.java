package cn.beian.contract.events.authority;

import cn.beian.contract.events.EventPayload;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The administration approved an order and issued its numbers: the subject's ({@code 京ICP备12345678号}) and each
 * website's ({@code …-1}, {@code …-2}). Never a filing password. Keyed by the order.
 */
public record AuthorityApproved(
        String orderId,
        String submissionId,
        String subjectFilingNumber,
        List<WebsiteNumber> websites,
        OffsetDateTime approvedAt) implements EventPayload {

    /** @param websiteId Beian's website id, where the snapshot carried one */
    public record WebsiteNumber(String websiteId, String name, List<String> domains, String websiteFilingNumber) {
    }

    @Override
    public String aggregateId() {
        return orderId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
