package cn.beian.review.rest;

import cn.beian.review.domain.AuditEntry;
import cn.beian.review.domain.CaseNote;
import cn.beian.review.service.CaseQueries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything a reviewer needs: the case, the snapshot (full personal data: this is the reviewer's case view), the
 * owners' findings, the order's history (cases, decisions, submissions, outcomes), earlier rejections, the internal
 * notes and the case's audit trail. Materials are listed with their ids; their content is read through
 * materials-service, which records each read.
 */
@Schema(name = "ReviewCaseDetail")
public record CaseDetailView(
        CaseView reviewCase,
        @Schema(description = "The submission's snapshot: type, province, subject, websites[], materials[]; "
                + "its paths are the field keys of rejection reasons") JsonNode snapshot,
        @Schema(description = "Findings of each owner's checks, with the owner") JsonNode findings,
        List<AuditView> orderHistory,
        List<AuditView> auditTrail,
        List<NoteView> notes,
        List<RejectionView> rejections) {

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

    static CaseDetailView of(CaseQueries.Detail d, OffsetDateTime now, ObjectMapper mapper) {
        return new CaseDetailView(CaseView.of(d.entry(), now, mapper), d.snapshot(), d.findings(),
                d.orderHistory().stream().map(AuditView::of).toList(), d.trail().stream().map(AuditView::of).toList(),
                d.notes().stream().map(NoteView::of).toList(),
                d.rejections().stream().map(r -> RejectionView.of(r, mapper)).toList());
    }
}
