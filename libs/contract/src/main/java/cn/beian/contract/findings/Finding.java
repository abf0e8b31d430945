package cn.beian.contract.findings;

/**
 * One explained judgement about part of an order, as an owner's own checks (or the province rules of libs/rules)
 * produced it: shown next to the field by front-ends, in the order view, and in the review case for reviewers.
 *
 * <p>The members after {@code message} were added later and are optional: a finding written before them (an older
 * event or stored snapshot) reads with them absent, and then counts as {@code FAILED}, weighed by its
 * {@code severity}, with its Chinese words standing for the English ones.
 *
 * @param ruleId       the rule's stable id: a {@code docs/province-rules.md} id (e.g. {@code BJ-B-02}) where a province
 *                     rule is the reason, otherwise the checker's own documented id (e.g.
 *                     {@code DOMAIN_SUFFIX_NOT_APPROVED})
 * @param fieldKey     a JSON path into the order as the applicant edits it, e.g. {@code websites[0].domains[1]},
 *                     {@code materials.ID_FRONT}; {@code null} for the whole order
 * @param severity     whether it blocks submission or only warns
 * @param message      a sentence a front-end can show as it is (zh-CN)
 * @param messageEn    the same in English; absent where the checker has no English words
 * @param suggestion   what to do about it (zh-CN); absent where the rule gives none
 * @param suggestionEn the same in English
 * @param weight       the province rule's own severity ({@code CHECKLIST} leaves it to the reviewer); absent: as
 *                     {@code severity} says
 * @param outcome      {@code UNDETERMINED} where the rule could not be judged for want of a fact (the message says
 *                     why); absent: {@code FAILED}
 */
public record Finding(String ruleId, String fieldKey, Severity severity, String message, String messageEn,
        String suggestion, String suggestionEn, Weight weight, Outcome outcome) {

    /** A finding in Chinese only, broken as its severity says (an owner's own checks). */
    public Finding(String ruleId, String fieldKey, Severity severity, String message) {
        this(ruleId, fieldKey, severity, message, null, null, null, null, null);
    }

    public enum Severity {
        /** The applicant must fix it before the order can be submitted. */
        BLOCKING,
        /** Shown to the reviewer; does not stop submission. */
        WARNING
    }

    /** The rules module's severities (libs/rules {@code Severity}). */
    public enum Weight {
        BLOCKS, WARNS, CHECKLIST
    }

    /** The rules module's outcomes (libs/rules {@code Outcome}). */
    public enum Outcome {
        FAILED, UNDETERMINED
    }

    /** The same finding on another field (a domain judged alone, named as the caller names it). */
    public Finding at(String otherFieldKey) {
        return new Finding(ruleId, otherFieldKey, severity, message, messageEn, suggestion, suggestionEn, weight,
                outcome);
    }

    public boolean blocking() {
        return severity == Severity.BLOCKING;
    }

    /** The words in English where there are English words, else in Chinese. */
    public String message(boolean english) {
        return english && messageEn != null ? messageEn : message;
    }

    public String suggestion(boolean english) {
        return english && suggestionEn != null ? suggestionEn : suggestion;
    }

    /** The rule's severity, from {@code severity} where the finding does not say. */
    public Weight weighed() {
        return weight != null ? weight : blocking() ? Weight.BLOCKS : Weight.WARNS;
    }

    public Outcome judged() {
        return outcome != null ? outcome : Outcome.FAILED;
    }
}
