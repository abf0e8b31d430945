package cn.beian.validators.domain;

import java.time.LocalDate;
import java.util.List;

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
 * @param key           {@code null} when approved, otherwise the platform bundle entry that words {@code message} in
 *                      the reader's language (e.g. {@code field.suffix-not-on-national-list})
 * @param args          its arguments, as strings: the suffix shown, the province's Chinese name (or the list's scope),
 *                      the province as the English message names it, and the list's effective date; empty when
 *                      approved
 */
public record SuffixJudgement(boolean approved, String code, String ruleId, String message, String listScope,
        LocalDate effectiveFrom, String key, List<String> args) {

    public SuffixJudgement {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
