package cn.beian.review.rest;

import cn.beian.review.domain.AuthoritySubmission;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A submission to the administration as the gateway tracks it. */
@Schema(name = "AuthoritySubmission")
public record SubmissionView(String submissionId, String orderId,
        @Schema(description = "Which submission of the order this is: 1 for the first, +1 for each resubmission")
        int submissionCount,
        @Schema(description = "PENDING, SUBMITTED, REFUSED, APPROVED, REJECTED, RETURNED") String status,
        @Schema(description = "REQUESTED, VERIFIED, FAILED") String smsStatus, int attempts, String lastError,
        OffsetDateTime createdAt, OffsetDateTime submittedAt, OffsetDateTime decidedAt, String decidedBy) {

    static SubmissionView of(AuthoritySubmission s) {
        return new SubmissionView(s.submissionId, s.orderId, s.submissionCount, s.status, s.smsStatus, s.attempts,
                s.lastError, s.createdAt, s.submittedAt, s.decidedAt, s.decidedBy);
    }
}
