package cn.beian.national.client;

/** What happened to a submission. */
public enum FeedEntryType {
    SMS_VERIFICATION_REQUESTED,
    SMS_VERIFIED,
    SMS_VERIFICATION_FAILED,
    APPROVED,
    REJECTED,
    RETURNED
}
