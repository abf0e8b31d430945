package cn.beian.review.rest;

import cn.beian.review.domain.ChecklistAnswer;
import cn.beian.review.domain.ChecklistOutcome;
import cn.beian.review.service.CaseChecklist;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One item of a case's checklist, worded in the caller's language, with its answer (all null while unanswered). */
@Schema(name = "ReviewChecklistItem")
public record ChecklistItemView(
        @Schema(description = "The catalogue id (docs/province-rules.md), e.g. BJ-B-09") String itemId,
        @Schema(description = "What to check, in the language Accept-Language asks for (zh-CN by default)") String text,
        @Schema(description = "TICKED, FAILED, or null while unanswered") ChecklistOutcome outcome,
        String reason,
        String answeredBy,
        OffsetDateTime answeredAt) {

    static ChecklistItemView of(CaseChecklist.Line l) {
        ChecklistAnswer a = l.answer();
        return a == null ? new ChecklistItemView(l.itemId(), l.text(), null, null, null, null)
                : new ChecklistItemView(l.itemId(), l.text(), a.outcome, a.reason, a.answeredBy, a.answeredAt);
    }
}
