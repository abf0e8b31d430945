package cn.beian.rules;

/** How much a rule's finding weighs. */
public enum Severity {
    /** The order cannot be submitted until it is fixed. */
    BLOCKS,
    /** Shown to the applicant and the reviewer; submission goes ahead. */
    WARNS,
    /** Left to the reviewer, who ticks or fails it in the review case. */
    CHECKLIST
}
