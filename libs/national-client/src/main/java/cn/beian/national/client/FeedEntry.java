package cn.beian.national.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One change of one of the provider's submissions.
 *
 * @param position       the entry's place in the feed; strictly increasing, pass the last one seen as {@code after}
 * @param status         the submission's status after the change
 * @param outcome        on APPROVED: every number issued or confirmed
 * @param reasons        on REJECTED and RETURNED (and SMS_VERIFICATION_FAILED: why)
 * @param smsVerification on SMS_* entries: who was asked, who verified
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedEntry(
        long position,
        String submissionId,
        FeedEntryType type,
        SubmissionType submissionType,
        SubmissionStatus status,
        OffsetDateTime occurredAt,
        IssuedNumbers outcome,
        List<Reason> reasons,
        SmsVerification smsVerification) {
}
