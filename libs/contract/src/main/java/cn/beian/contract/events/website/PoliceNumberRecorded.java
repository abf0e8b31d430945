package cn.beian.contract.events.website;

import java.time.OffsetDateTime;

import cn.beian.contract.events.EventPayload;

/**
 * An applicant recorded the public-security (公安) filing number of an approved website: police-filing reminders
 * stop. Keyed by the website, and names the order that filed it.
 */
public record PoliceNumberRecorded(
        String websiteId,
        String orderId,
        String accountId,
        String websiteFilingNumber,
        String policeFilingNumber,
        OffsetDateTime recordedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return websiteId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
