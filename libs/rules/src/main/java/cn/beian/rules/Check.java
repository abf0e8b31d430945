package cn.beian.rules;

/**
 * A typed predicate that judges rules of one kind (a mobile's registered province, a remark containing a phrase …):
 * it reports each field that breaks the rule, or that it cannot judge, to {@link Verdicts}, and nothing when the
 * rule holds. It reads the rule's parameters, the order and the facts; it does no I/O and must not throw on odd
 * input (the engine turns an exception into an undetermined finding, but that is a defect).
 */
@FunctionalInterface
public interface Check {

    void judge(Rule rule, OrderDocument order, Facts facts, Verdicts out);
}
