package cn.beian.bench;

import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.RuleEngine;
import cn.beian.rules.RuleFinding;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** JMH: the rules engine judging the largest order in-process (sampled, so the report has percentiles). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PreCheckJmh {

    private OrderDocument order;
    private Facts facts;
    private final RuleEngine engine = RuleEngine.standard();

    @Setup
    public void setup() {
        order = PreCheckOrders.large();
        facts = PreCheckOrders.facts(order);
    }

    @Benchmark
    public List<RuleFinding> judgeTheWholeOrder() {
        return engine.judge(order, facts, false);
    }
}
