package cn.beian.review.rest;

import cn.beian.contract.events.review.RejectionReason;
import cn.beian.platform.json.Json;
import cn.beian.review.domain.Rejection;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rejection of an order as the applicant reads it: by whom (a provider reviewer or the administration), of which
 * review, and the reasons — each with the field key (in the snapshot's terms), the code and the suggestion.
 */
@Schema(name = "Rejection")
public record RejectionView(
        Rejection.Source source,
        @Schema(description = "INITIAL, PHOTO, RE_REVIEW, AUTHORITY_REJECTED, AUTHORITY_RETURNED or AUTHORITY_REFUSED")
        String kind,
        List<RejectionReason> reasons,
        OffsetDateTime at) {

    private static final TypeReference<List<RejectionReason>> REASONS = new TypeReference<>() {
    };

    static RejectionView of(Rejection r, Json json) {
        try {
            return new RejectionView(r.source, r.kind, json.read(r.reasons, REASONS), r.at);
        } catch (Exception e) {
            return new RejectionView(r.source, r.kind, List.of(), r.at);
        }
    }
}
