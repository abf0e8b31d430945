package cn.beian.review.rest;

import cn.beian.platform.json.Json;
import cn.beian.review.domain.AuditEntry;
import cn.beian.review.domain.CaseNote;
import cn.beian.review.service.CaseQueries;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything a reviewer needs: the case, the snapshot (full personal data only for the reviewer holding the case's
 * live claim, {@code personalData=FULL}, each such read in the audit trail; masked for everyone else and once the
 * case is closed, {@code personalData=MASKED}, and then without links to the materials), the
 * owners' findings, the order's history (cases, decisions, submissions, outcomes), earlier rejections, the internal
 * notes and the case's audit trail; the province's checklist with its answers, and what an approval rests on. Each
 * material of the snapshot is linked to materials-service, which checks the
 * reviewer's token and records every read: {@code downloadUrl} answers a presigned URL (≤ 5 minutes), {@code content}
 * streams the file.
 */
@Schema(name = "ReviewCaseDetail")
public record CaseDetailView(
        CaseView reviewCase,
        @Schema(description = "FULL for the reviewer holding the case's live claim (the read is in the trail), "
                + "else MASKED: certificate numbers, phones, e-mails, people's names and a person's addresses masked, "
                + "no material links") String personalData,
        @Schema(additionalProperties = Schema.True.class,
                description = "The submission's snapshot: type, province, subject, websites[], materials[]; "
                + "its paths are the field keys of rejection reasons") JsonNode snapshot,
        @Schema(description = "Findings of each owner's checks, with the owner") JsonNode findings,
        List<AuditView> orderHistory,
        List<AuditView> auditTrail,
        List<NoteView> notes,
        List<RejectionView> rejections,
        List<MaterialLink> materialLinks,
        @Schema(description = "The province's reviewer checklist for this order (libs/rules), each item with its "
                + "answer; answered by the claim holder at PUT …/checklist/{itemId}") List<ChecklistItemView> checklist,
        @Schema(description = "What an approval now rests on, and whether it needs a second reviewer") ApprovalView approval) {

    /**
     * Four-eyes: an approval over a blocking finding or a failed checklist item is only a request until a second,
     * different reviewer approves too.
     *
     * @param secondReviewerRequired whether an approval now would wait for a second reviewer (or, once requested,
     *                               does)
     * @param blockingFindings       the owners' blocking findings (rule id and field)
     * @param failedItems            the checklist items failed
     * @param unansweredItems        the checklist items nobody answered yet (they do not call for a second reviewer;
     *                               an approval names them in the trail)
     */
    @Schema(name = "ReviewApproval")
    public record ApprovalView(boolean secondReviewerRequired, String requestedBy, OffsetDateTime requestedAt,
            List<String> blockingFindings, List<String> failedItems, List<String> unansweredItems) {
    }

    /** Where a reviewer reads one material of the snapshot (index {@code i} of {@code materials[]}). */
    public record MaterialLink(String fieldKey, String materialId, String kind, String downloadUrl, String content) {

        static List<MaterialLink> of(String orderId, JsonNode snapshot, String materialsUrl) {
            JsonNode materials = snapshot == null ? null : snapshot.path("materials");
            if (materials == null || !materials.isArray()) {
                return List.of();
            }
            String base = materialsUrl.replaceAll("/+$", "") + "/api/v1/orders/" + orderId + "/materials/";
            java.util.List<MaterialLink> links = new java.util.ArrayList<>();
            for (int i = 0; i < materials.size(); i++) {
                String id = materials.get(i).path("materialId").asText(null);
                if (id != null) {
                    links.add(new MaterialLink("materials[" + i + "]", id, materials.get(i).path("kind").asText(null),
                            base + id + "/download-url", base + id + "/content"));
                }
            }
            return links;
        }
    }

    /** One audit line. */
    public record AuditView(String action, String actorId, String caseId, String submissionId, Integer caseVersion,
            String detail, OffsetDateTime at) {
        static AuditView of(AuditEntry a) {
            return new AuditView(a.action, a.actorId, a.caseId == null ? null : a.caseId.toString(), a.submissionId,
                    a.caseVersion, a.detail, a.at);
        }
    }

    /** An internal note. */
    public record NoteView(long id, String authorId, String text, OffsetDateTime at) {
        static NoteView of(CaseNote n) {
            return new NoteView(n.id, n.authorId, n.text, n.at);
        }
    }

    static CaseDetailView of(CaseQueries.Detail d, OffsetDateTime now, Json json, String materialsUrl) {
        CaseView view = CaseView.of(d.entry(), now, json);
        return new CaseDetailView(view, d.fullPersonalData() ? "FULL" : "MASKED", d.snapshot(), d.findings(),
                d.orderHistory().stream().map(AuditView::of).toList(), d.trail().stream().map(AuditView::of).toList(),
                d.notes().stream().map(NoteView::of).toList(),
                d.rejections().stream().map(r -> RejectionView.of(r, json)).toList(),
                d.fullPersonalData() ? MaterialLink.of(view.orderId(), d.snapshot(), materialsUrl) : List.of(),
                d.checklist().stream().map(ChecklistItemView::of).toList(),
                new ApprovalView(d.approvalGrounds().needSecondReviewer() || d.entry().c().approvalRequestedBy != null,
                        d.entry().c().approvalRequestedBy, d.entry().c().approvalRequestedAt,
                        d.approvalGrounds().blockingFindings(), d.approvalGrounds().failedItems(),
                        d.approvalGrounds().unansweredItems()));
    }
}
