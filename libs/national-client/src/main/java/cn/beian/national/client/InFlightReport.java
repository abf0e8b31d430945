package cn.beian.national.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.List;

/** Open submissions (at this provider or any other) that involve the subject or the domains asked about. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InFlightReport(boolean subjectInFlight, boolean anyDomainInFlight, List<Item> items) {

    /**
     * @param kind         SUBJECT or DOMAIN
     * @param domain       for DOMAIN items
     * @param provider     the provider that submitted it
     * @param heldHere     whether it is the caller's own submission
     * @param submissionId the caller's submission id, only for its own
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String kind, String domain, String provider, boolean heldHere, String submissionId,
            OffsetDateTime since) {
    }
}
