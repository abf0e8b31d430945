package cn.beian.national.client;

import cn.beian.contract.domain.Province;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.List;

/** A submission as the administration reports it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubmissionView(
        String submissionId,
        SubmissionType type,
        Province province,
        SubmissionStatus status,
        OffsetDateTime receivedAt,
        SmsVerification smsVerification,
        OffsetDateTime reviewDueAt,
        OffsetDateTime decidedAt,
        IssuedNumbers outcome,
        List<Reason> reasons) {
}
