package cn.beian.rules;

import cn.beian.contract.findings.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Judges a whole order against every machine rule that applies to its province, nature and filing type on the day of
 * the facts. Never throws on odd input: each rule passes, fails with its finding, or is undetermined with the reason.
 */
public final class RuleEngine {

    private static final RuleEngine STANDARD = new RuleEngine(RuleBook.standard(), Checks.standard());

    private final RuleBook book;
    private final Checks checks;
    /** The rules this engine judges: the book's, or those {@link #only} kept. */
    private final List<Rule> rules;

    public RuleEngine(RuleBook book, Checks checks) {
        this(book, checks, book.rules());
    }

    private RuleEngine(RuleBook book, Checks checks, List<Rule> rules) {
        this.book = book;
        this.checks = checks;
        this.rules = rules;
    }

    public static RuleEngine standard() {
        return STANDARD;
    }

    public RuleBook book() {
        return book;
    }

    /**
     * An engine that judges only the rules {@code which} selects, chosen once here rather than tested again for every
     * rule of every order judged (a service that judges one part of the order on every view and move).
     */
    public RuleEngine only(Predicate<Rule> which) {
        return new RuleEngine(book, checks, rules.stream().filter(which).toList());
    }

    /** Every finding of every applicable rule, in the rule data's order, worded in English or Chinese. */
    public List<RuleFinding> judge(OrderDocument order, Facts facts, boolean english) {
        return judge(order, facts, english, r -> true);
    }

    /** The findings of the applicable rules that {@code which} selects. */
    public List<RuleFinding> judge(OrderDocument order, Facts facts, boolean english, Predicate<Rule> which) {
        List<RuleFinding> out = new ArrayList<>();
        judge(order, facts, which, (rule, v) -> out.add(finding(rule, v, english)));
        return out;
    }

    /** {@link #findings(OrderDocument, Facts, Predicate)} of every rule this engine judges. */
    public List<Finding> findings(OrderDocument order, Facts facts) {
        return findings(order, facts, r -> true);
    }

    /**
     * The same findings as the events and snapshots carry them ({@link Finding}): judged once, worded in zh-CN and
     * en, blocking only where a blocking rule is broken.
     */
    public List<Finding> findings(OrderDocument order, Facts facts, Predicate<Rule> which) {
        List<Finding> out = new ArrayList<>();
        judge(order, facts, which, (rule, v) -> {
            RuleFinding zh = finding(rule, v, false);
            RuleFinding en = finding(rule, v, true);
            out.add(new Finding(zh.ruleId(), "$".equals(zh.fieldKey()) ? null : zh.fieldKey(),
                    zh.blocks() ? Finding.Severity.BLOCKING : Finding.Severity.WARNING, zh.message(), en.message(),
                    zh.suggestion(), en.suggestion(), Finding.Weight.valueOf(zh.severity().name()),
                    Finding.Outcome.valueOf(zh.outcome().name())));
        });
        return out;
    }

    private void judge(OrderDocument order, Facts facts, Predicate<Rule> which,
            BiConsumer<Rule, Verdicts.Verdict> out) {
        if (order == null || order.subject() == null) {
            return;
        }
        for (Rule rule : rules) {
            if (!which.test(rule) || !rule.appliesTo(order.province(), order.nature(), order.type(),
                    facts == null ? null : facts.today())) {
                continue;
            }
            for (Verdicts.Verdict v : verdicts(rule, order, facts)) {
                out.accept(rule, v);
            }
        }
    }

    private List<Verdicts.Verdict> verdicts(Rule rule, OrderDocument order, Facts facts) {
        Verdicts out = new Verdicts();
        Check check = checks.find(rule.check()).orElse(null);
        if (check == null) {
            out.undetermined(null, "no check named " + rule.check());
            return out.all();
        }
        try {
            check.judge(rule, order, facts == null ? Facts.on(null) : facts, out);
        } catch (RuntimeException e) {
            // A defect in a check must not fail the whole pre-check: the rule is reported as not judged.
            out.undetermined(null, "check " + rule.check() + " failed: " + e.getClass().getSimpleName());
        }
        return out.all();
    }

    private static RuleFinding finding(Rule rule, Verdicts.Verdict v, boolean english) {
        String message = rule.message() == null ? rule.id() : rule.message().in(english, v.args());
        if (v.outcome() == Outcome.UNDETERMINED) {
            message = (english ? "Could not be checked yet (" : "暂时无法判断（") + v.reason()
                    + (english ? "): " : "）：") + message;
        }
        String suggestion = rule.suggestion() == null ? null : rule.suggestion().in(english, v.args());
        return new RuleFinding(rule.id(), v.fieldKey(), rule.severity(), v.outcome(), message, suggestion);
    }
}
