package cn.beian.review.rest;

import cn.beian.contract.domain.Province;
import cn.beian.contract.events.review.RejectionReason;
import cn.beian.contract.events.review.ReviewKind;
import cn.beian.contract.order.FilingType;
import cn.beian.platform.json.Json;
import cn.beian.review.domain.CaseStatus;
import cn.beian.review.domain.ReviewCase;
import cn.beian.review.service.CaseQueries;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A case in the queue. {@code version} is what a decision must carry. Cases still waiting for their snapshots are
 * listed with {@code complete=false} and the parts they miss, and cannot be claimed yet. An approval waiting for a
 * second reviewer shows in {@code approvalRequestedBy}.
 */
@Schema(name = "ReviewCase")
public record CaseView(
        String id,
        String orderId,
        ReviewKind kind,
        CaseStatus status,
        int version,
        FilingType type,
        Province province,
        @Schema(description = "Which submission of the order this is: 1 for the first, +1 for each resubmission")
        int submissionCount,
        OffsetDateTime openedAt,
        @Schema(description = "SLA: 1 business day after the submission (or photo) on the shared calendar") OffsetDateTime dueAt,
        boolean overdue,
        boolean complete,
        List<String> missing,
        @Schema(description = "The reviewer holding a live lease") String claimedBy,
        OffsetDateTime leaseUntil,
        String decidedBy,
        OffsetDateTime decidedAt,
        List<RejectionReason> reasons,
        @Schema(description = "Four-eyes: the reviewer whose approval waits for a second, different reviewer's "
                + "(the case stays OPEN until another reviewer claims it and approves or rejects); once decided, who "
                + "asked for the second approval; null when nobody did")
        String approvalRequestedBy,
        OffsetDateTime approvalRequestedAt) {

    private static final TypeReference<List<RejectionReason>> REASONS = new TypeReference<>() {
    };

    static CaseView of(CaseQueries.Entry e, OffsetDateTime now, Json json) {
        ReviewCase c = e.c();
        boolean live = c.status == CaseStatus.OPEN || c.status == CaseStatus.ASSEMBLING;
        List<RejectionReason> reasons = null;
        if (c.reasons != null) {
            try {
                reasons = json.read(c.reasons, REASONS);
            } catch (Exception ex) {
                reasons = List.of();
            }
        }
        boolean leased = c.leaseActive(now);
        return new CaseView(c.id.toString(), c.orderId, c.kind, c.status, c.version,
                e.order() == null ? null : e.order().type, e.order() == null ? null : e.order().province,
                c.submissionCount, c.openedAt, c.dueAt, live && now.isAfter(c.dueAt), c.status != CaseStatus.ASSEMBLING,
                e.missing().isEmpty() ? null : e.missing(), leased ? c.claimedBy : null, leased ? c.leaseUntil : null,
                c.decidedBy, c.decidedAt, reasons, c.approvalRequestedBy, c.approvalRequestedAt);
    }
}
