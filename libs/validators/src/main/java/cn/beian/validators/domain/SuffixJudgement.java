package cn.beian.validators.domain;

import java.time.LocalDate;

/**
 * Whether a suffix may be filed, and why.
 *
 * @param approved      true when the suffix may be filed in that province on that date
 * @param code          {@code null} when approved, otherwise {@link ApprovedSuffixes#DOMAIN_SUFFIX_NOT_APPROVED},
 *                      {@link ApprovedSuffixes#DOMAIN_SUFFIX_REFUSED_IN_PROVINCE} or
 *                      {@link ApprovedSuffixes#DOMAIN_SUFFIX_COUNTRY_CODE_REFUSED}
 * @param ruleId        the docs/province-rules.md id when a province rule is the reason (e.g. {@code BJ-B-02}), else null
 * @param message       an explanation a front-end can show next to the domain
 * @param listScope     {@code NATIONAL} or the province whose list decided
 * @param effectiveFrom the effective date of the list that decided
 */
public record SuffixJudgement(boolean approved, String code, String ruleId, String message, String listScope,
        LocalDate effectiveFrom) {
}
