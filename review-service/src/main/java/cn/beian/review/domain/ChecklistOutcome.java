package cn.beian.review.domain;

/** A reviewer's answer to one checklist item. */
public enum ChecklistOutcome {
    /** Looked at and holds. */
    TICKED,
    /** Looked at and does not hold; always with the reviewer's reason. Approving over it needs a second reviewer. */
    FAILED
}
