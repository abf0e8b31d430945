package cn.beian.national.rest;

/** @param allVerified every principal of the submission verified: it is now under the authority's review */
public record SmsCodeVerifiedView(String status, boolean allVerified, int remainingAttempts) {
}
