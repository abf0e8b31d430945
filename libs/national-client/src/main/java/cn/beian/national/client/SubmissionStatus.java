package cn.beian.national.client;

/** Where a submission stands at the administration. */
public enum SubmissionStatus {
    /** Waiting for the principals to verify their SMS codes (24 hours). */
    SMS_VERIFICATION,
    /** Under the authority's review (due after 20 business days, Zhejiang 30). */
    UNDER_REVIEW,
    /** Approved; numbers issued (terminal). */
    APPROVED,
    /** Rejected with reasons (terminal). */
    REJECTED,
    /** Returned to the provider without a decision, e.g. SMS_NOT_VERIFIED (terminal). */
    RETURNED;

    public boolean isOpen() {
        return this == SMS_VERIFICATION || this == UNDER_REVIEW;
    }
}
