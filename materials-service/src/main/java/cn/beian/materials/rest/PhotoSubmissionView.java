package cn.beian.materials.rest;

import cn.beian.contract.events.materials.PhotoSubmitted;
import java.time.OffsetDateTime;

/** Curtain photos submitted for photo review, by the applicant or a reviewer as verification point. */
public record PhotoSubmissionView(String orderId, String submittedBy, boolean byVerificationPoint,
        OffsetDateTime submittedAt) {

    static PhotoSubmissionView of(PhotoSubmitted p) {
        return new PhotoSubmissionView(p.orderId(), p.submittedBy(), p.byVerificationPoint(), p.submittedAt());
    }
}
