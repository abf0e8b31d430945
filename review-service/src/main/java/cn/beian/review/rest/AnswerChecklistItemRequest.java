package cn.beian.review.rest;

import cn.beian.review.domain.ChecklistAnswer;
import cn.beian.review.domain.ChecklistOutcome;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The claim holder's answer to one checklist item.
 *
 * @param reason why it failed: required for FAILED, optional (a remark) for TICKED
 */
@Schema(name = "ReviewChecklistAnswer")
public record AnswerChecklistItemRequest(@NotNull ChecklistOutcome outcome,
        @Size(max = ChecklistAnswer.REASON_MAX) String reason) {
}
