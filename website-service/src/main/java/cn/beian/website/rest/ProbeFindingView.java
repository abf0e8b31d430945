package cn.beian.website.rest;

import cn.beian.website.domain.ProbeFinding;
import cn.beian.website.domain.ProbeFindingKind;
import java.time.OffsetDateTime;

/** A probe's finding on a filed website: open while {@code resolvedAt} is null. */
public record ProbeFindingView(String id, ProbeFindingKind kind, String domain, String detail,
        OffsetDateTime firstSeenAt, OffsetDateTime lastSeenAt, OffsetDateTime resolvedAt) {

    static ProbeFindingView of(ProbeFinding f) {
        return new ProbeFindingView(f.id.toString(), f.kind, f.domain, f.detail, f.firstSeenAt, f.lastSeenAt,
                f.resolvedAt);
    }
}
