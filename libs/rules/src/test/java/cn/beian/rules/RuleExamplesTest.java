package cn.beian.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.findings.Finding;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every machine rule judged on its own two examples: the order that breaks it must fail it (with a field key the row
 * declares), the order that satisfies it must not. A rule without both examples fails here.
 */
class RuleExamplesTest {

    private final RuleEngine engine = RuleEngine.standard();

    @TestFactory
    Stream<DynamicTest> everyRuleFailsItsBreakingOrderAndPassesItsSatisfyingOne() {
        return engine.book().rules().stream().map(rule -> DynamicTest.dynamicTest(rule.id() + " " + rule.check(),
                () -> judge(rule)));
    }

    private void judge(Rule rule) {
        assertNotNull(rule.examples(), rule.id() + " has no examples");
        assertNotNull(rule.examples().breaks(), rule.id() + " has no breaking example");
        assertNotNull(rule.examples().holds(), rule.id() + " has no satisfying example");
        Examples.Case base = Examples.base(rule);

        Examples.Case broken = Examples.apply(base, rule.examples().breaks());
        List<RuleFinding> failures = findings(rule, broken);
        assertTrue(failures.stream().anyMatch(f -> f.outcome() == Outcome.FAILED),
                rule.id() + ": the breaking example must fail it, found " + failures);
        for (RuleFinding f : failures) {
            assertTrue(declared(rule, f.fieldKey()), rule.id() + ": field key " + f.fieldKey()
                    + " is not one the row declares " + rule.fields());
            assertFalse(f.message().contains("{"), rule.id() + ": a placeholder was left unfilled: " + f.message());
        }
        // judged once and worded in both languages, as events carry it: the same findings as each language alone
        List<Finding> both = engine.findings(broken.order(), broken.facts(), r -> r == rule);
        List<RuleFinding> english = engine.judge(broken.order(), broken.facts(), true, r -> r == rule);
        assertEquals(failures.size(), both.size(), rule.id());
        for (int i = 0; i < both.size(); i++) {
            assertEquals(failures.get(i).message(), both.get(i).message(), rule.id());
            assertEquals(english.get(i).message(), both.get(i).messageEn(), rule.id());
            assertEquals(failures.get(i).blocks(), both.get(i).blocking(), rule.id());
            assertEquals("$".equals(failures.get(i).fieldKey()) ? null : failures.get(i).fieldKey(),
                    both.get(i).fieldKey(), rule.id());
        }

        // an engine that keeps only this rule (RuleEngine.only) finds what the whole engine finds of it
        RuleEngine alone = engine.only(r -> r == rule);
        assertEquals(failures, alone.judge(broken.order(), broken.facts(), false), rule.id());

        Examples.Case satisfied = Examples.apply(base, rule.examples().holds());
        List<RuleFinding> none = findings(rule, satisfied);
        assertTrue(none.isEmpty(), rule.id() + ": the satisfying example must pass it, found " + none);
        assertTrue(alone.judge(satisfied.order(), satisfied.facts(), false).isEmpty(), rule.id());
    }

    private List<RuleFinding> findings(Rule rule, Examples.Case c) {
        // Every applicable row with this id and check: a row is judged as the engine judges it, province and all.
        return engine.judge(c.order(), c.facts(), false, r -> r == rule);
    }

    static boolean declared(Rule rule, String fieldKey) {
        if (fieldKey == null) {
            return rule.fields().isEmpty() || rule.fields().contains("$");
        }
        return rule.fields().stream().anyMatch(p -> Pattern.compile(
                Pattern.quote(p).replace("[*]", "\\E\\[\\d+]\\Q")).matcher(fieldKey).matches());
    }
}
