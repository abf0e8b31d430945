package cn.beian.review.service;

import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.review.domain.CaseStatus;
import cn.beian.review.domain.ReviewCase;
import java.time.OffsetDateTime;

/** The checks every write to a case makes first, shared by the moves on it so that each refuses in the same words. */
final class CaseGuards {

    private CaseGuards() {
    }

    static ReviewCase found(ReviewCase c) {
        if (c == null) {
            throw ProblemException.notFound("ReviewCase");
        }
        return c;
    }

    /** 409 {@code CASE_ASSEMBLING} or {@code CASE_CLOSED} unless the case is open. */
    static void requireOpen(ReviewCase c) {
        if (c.status == CaseStatus.ASSEMBLING) {
            throw conflict(c, "CASE_ASSEMBLING", "detail.case-assembling");
        }
        if (c.status != CaseStatus.OPEN) {
            throw conflict(c, "CASE_CLOSED", "detail.case-closed", c.status.name());
        }
    }

    /** 409 {@code NOT_CLAIMED} or {@code LEASE_EXPIRED} unless {@code reviewerId} holds the case's live lease. */
    static void requireLease(ReviewCase c, String reviewerId, OffsetDateTime now) {
        if (!reviewerId.equals(c.claimedBy)) {
            throw conflict(c, "NOT_CLAIMED", "detail.case-not-claimed");
        }
        if (!c.leasedTo(reviewerId, now)) {
            throw conflict(c, "LEASE_EXPIRED", "detail.case-lease-expired", String.valueOf(c.leaseUntil));
        }
    }

    /** A 409 naming {@code code}, its detail the bundle entry {@code key}. */
    static ProblemException conflict(ReviewCase c, String code, String key, Object... args) {
        return ProblemException.localized(ProblemType.CONFLICT, key, args).with("code", code)
                .with("currentStatus", c.status.name()).with("currentVersion", c.version);
    }
}
