package cn.beian.review.rest;

import cn.beian.contract.events.review.RejectionReason;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A reviewer's decision.
 *
 * @param version the case version the reviewer saw (from the case view or its ETag)
 * @param reasons for REJECT: at least one, each with a field key of the snapshot, a code of
 *                {@code GET /api/v1/review-reason-codes} and a suggestion (the code's standard sentence when blank)
 */
@Schema(name = "ReviewDecision")
public record DecisionRequest(@NotNull Integer version, @NotNull Decision decision, List<RejectionReason> reasons) {

    public enum Decision {
        APPROVE,
        REJECT
    }
}
