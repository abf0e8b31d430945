package cn.beian.review.service;

import cn.beian.review.domain.ChecklistOutcome;
import cn.beian.review.domain.ReviewCase;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Four-eyes: whether approving a case needs a second, different reviewer, and why. It does when an owner's finding
 * is BLOCKING (the applicant could not have submitted over it, so something changed or a check could not answer) or
 * a checklist item was failed. Unanswered items do not call for a second reviewer; they are named in the approval's
 * audit line so that a supervisor sees what was not looked at.
 */
@ApplicationScoped
public class SecondApproval {

    private final CaseDocuments documents;
    private final CaseChecklist checklist;

    public SecondApproval(CaseDocuments documents, CaseChecklist checklist) {
        this.documents = documents;
        this.checklist = checklist;
    }

    /**
     * What an approval of the case rests on.
     *
     * @param blockingFindings the rule ids (with the field key) of the owners' blocking findings
     * @param failedItems      the checklist items failed
     * @param unansweredItems  the checklist items nobody answered
     */
    public record Grounds(List<String> blockingFindings, List<String> failedItems, List<String> unansweredItems) {

        public boolean needSecondReviewer() {
            return !blockingFindings.isEmpty() || !failedItems.isEmpty();
        }

        /** For the audit trail. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (!blockingFindings.isEmpty()) {
                parts.add("blocking findings " + String.join(", ", blockingFindings));
            }
            if (!failedItems.isEmpty()) {
                parts.add("failed checklist items " + String.join(", ", failedItems));
            }
            if (!unansweredItems.isEmpty()) {
                parts.add("unanswered checklist items " + String.join(", ", unansweredItems));
            }
            return String.join("; ", parts);
        }
    }

    public Uni<Grounds> of(ReviewCase c) {
        return documents.read(c).chain(read -> checklist.of(c, read.document(), false)
                .map(lines -> of(read.findings(), lines)));
    }

    /** The grounds from the findings and checklist already read (the case view has them in hand). */
    public static Grounds of(JsonNode findings, List<CaseChecklist.Line> lines) {
        List<String> blocking = new ArrayList<>();
        findings.forEach(f -> {
            if ("BLOCKING".equals(f.path("severity").asText())) {
                String field = f.path("fieldKey").asText(null);
                blocking.add(f.path("ruleId").asText("?") + (field == null ? "" : " at " + field));
            }
        });
        List<String> failed = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (CaseChecklist.Line l : lines) {
            if (l.answer() == null) {
                unanswered.add(l.itemId());
            } else if (l.answer().outcome == ChecklistOutcome.FAILED) {
                failed.add(l.itemId());
            }
        }
        return new Grounds(blocking, failed, unanswered);
    }
}
