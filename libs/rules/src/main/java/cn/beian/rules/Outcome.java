package cn.beian.rules;

/** What judging one rule on one field found (a rule that holds produces no finding). */
public enum Outcome {
    /** The rule is broken. */
    FAILED,
    /** The rule could not be judged: a fact it needs is missing (the registry did not answer, no probe yet …). */
    UNDETERMINED
}
