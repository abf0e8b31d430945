package cn.beian.website.service;

/**
 * The access policy's answer for one host name (docs/domain.md §4).
 *
 * @param allowed              whether the host may be served here
 * @param reason               FILED, ACCESS_FILING_INITIAL_REVIEW_PASSED (allowed); AWAITING_FILING_NUMBER,
 *                             ACCESS_FILING_AWAITING_INITIAL_REVIEW, ACCESS_CANCELLED, DEREGISTERED, NOT_FILED_HERE,
 *                             INVALID_HOST (refused)
 * @param ruleId               the rule behind a refusal where one applies (X-14: closed until the number is issued)
 * @param matchedDomain        the filed or ordered domain that decided (the host itself or a parent of it)
 * @param websiteFilingNumber  the number that allows the host, where one does
 */
public record AccessDecision(String host, boolean allowed, String reason, String ruleId, String message,
        String matchedDomain, String websiteFilingNumber) {

    AccessDecision forHost(String otherHost) {
        return new AccessDecision(otherHost, allowed, reason, ruleId, message, matchedDomain, websiteFilingNumber);
    }
}
