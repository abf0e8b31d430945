package cn.beian.review.domain;

/** Where a review case stands. */
public enum CaseStatus {
    /** Waiting for the submission's snapshots (subject, websites, materials): listed, not claimable. */
    ASSEMBLING,
    /** Complete and waiting for (or with) a reviewer. */
    OPEN,
    APPROVED,
    REJECTED,
    /** The applicant withdrew or abandoned the order before a decision. */
    CANCELLED
}
