package cn.beian.contract.events.review;

import cn.beian.contract.events.EventPayload;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A provider reviewer decided an initial or photo review. The event type says which decision; rejections carry
 * at least one reason. Keyed by the order.
 *
 * @param photoStillHolds on the approval of a re-review (after an authority rejection): whether the curtain photo
 *                        approved earlier still shows the people the websites now name as principals ({@code false}:
 *                        a principal changed, a new photo is needed); {@code null} on every other decision, and in
 *                        events written before this field existed (read as "holds", as then)
 */
public record ReviewDecided(
        String orderId,
        String caseId,
        String reviewerId,
        List<RejectionReason> reasons,
        OffsetDateTime decidedAt,
        Boolean photoStillHolds) implements EventPayload {

    public ReviewDecided(String orderId, String caseId, String reviewerId, List<RejectionReason> reasons,
            OffsetDateTime decidedAt) {
        this(orderId, caseId, reviewerId, reasons, decidedAt, null);
    }

    @Override
    public String aggregateId() {
        return orderId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
