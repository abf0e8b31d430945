package cn.beian.website.rest;

import cn.beian.website.domain.ProbeFinding;
import cn.beian.website.domain.ProbeFindingKind;
import java.time.OffsetDateTime;

/**
 * A probe's finding on a filed website: open while {@code resolvedAt} is null; {@code pastGraceAt}, for an empty shell,
 * when it was announced as past its grace period (a cancel-access order prepared for staff), null before.
 */
public record ProbeFindingView(String id, ProbeFindingKind kind, String domain, String detail,
        OffsetDateTime firstSeenAt, OffsetDateTime lastSeenAt, OffsetDateTime resolvedAt, OffsetDateTime pastGraceAt) {

    static ProbeFindingView of(ProbeFinding f) {
        return new ProbeFindingView(f.id.toString(), f.kind, f.domain, f.detail, f.firstSeenAt, f.lastSeenAt,
                f.resolvedAt, f.graceAnnouncedAt);
    }
}
