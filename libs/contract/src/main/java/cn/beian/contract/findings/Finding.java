package cn.beian.contract.findings;

/**
 * One explained judgement about part of an order, as an owner's own checks (or review-service's whole-order rules)
 * produced it: shown next to the field by front-ends and in the review case for reviewers.
 *
 * @param ruleId   the rule's stable id: a {@code docs/province-rules.md} id (e.g. {@code BJ-03}) where a province rule is
 *                 the reason, otherwise the checker's own documented id (e.g. {@code DOMAIN_SUFFIX_NOT_APPROVED})
 * @param fieldKey the field in the snapshot's terms, e.g. {@code websites[0].domains[1]}; {@code null} for the whole
 *                 order
 * @param severity whether it blocks submission or only warns the reviewer
 * @param message  a sentence a front-end can show as it is (zh-CN)
 */
public record Finding(String ruleId, String fieldKey, Severity severity, String message) {

    public enum Severity {
        /** The applicant must fix it before the order can be submitted. */
        BLOCKING,
        /** Shown to the reviewer; does not stop submission. */
        WARNING
    }

    public boolean blocking() {
        return severity == Severity.BLOCKING;
    }
}
