package cn.beian.bench;

import cn.beian.it.Keycloak;
import cn.beian.it.Stack;
import cn.beian.rules.RuleEngine;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * The stateless whole-order pre-check (issue 14) on the largest order (10 websites × 10 domains): in-process with JMH,
 * then over HTTP on website-service next to its bare GET, same run.
 */
class PreCheckBenchmark {

    private static final int[] CONCURRENCY = java.util.Arrays.stream(
            System.getProperty("bench.concurrency", "1,4,16").split(",")).mapToInt(Integer::parseInt).toArray();
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration MEASURED = Duration.ofSeconds(15);

    @Test
    void preCheckInProcessAndOverHttpNextToABareGet() throws Exception {
        var order = PreCheckOrders.large();
        int findings = RuleEngine.standard().judge(order, PreCheckOrders.facts(order), false).size();
        BenchReport report = new BenchReport("precheck", "The whole-order pre-check: in-process (JMH) and over HTTP")
                .note("Order: a Tianjin enterprise with " + PreCheckOrders.WEBSITES + " websites × "
                        + PreCheckOrders.DOMAINS + " domains (the most an order may hold); "
                        + RuleEngine.standard().book().rules().size() + " machine rules in the book, " + findings
                        + " findings on this order in-process.")
                .note("In-process: JMH 1.37, SampleTime, 1 fork, 3 × 2 s warm-up, 5 × 2 s measured, one thread; "
                        + "registry facts given for every domain, so the registry rules run in full.")
                .note("Over HTTP: POST /api/v1/pre-checks on website-service with an applicant's token (JWT verified "
                        + "each request), JSON in and out, the registry stand-in asked for the 100 domains (website-"
                        + "service keeps its answers, so after the warm-up the rules and the JSON are what is "
                        + "measured); `baseline GET`: GET /api/v1/baseline of the same service, a constant answer.")
                .note("Load from AsyncLoad: one Vert.x event loop, c keep-alive connections, closed loop. Warm-up "
                        + WARM_UP.toSeconds() + " s, then " + MEASURED.toSeconds() + " s measured per run.");
        Options jmh = new OptionsBuilder().include(PreCheckJmh.class.getName()).forks(1).threads(1)
                .warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(5)
                .measurementTime(TimeValue.seconds(2)).build();
        Collection<RunResult> results = new Runner(jmh).run();
        for (RunResult r : results) {
            Statistics s = r.getPrimaryResult().getStatistics();
            report.line(String.format("In-process (JMH): %d samples, mean %.1f µs, p50 %.1f µs, p90 %.1f µs, "
                    + "p99 %.1f µs, p99.9 %.1f µs, max %.1f µs per whole-order judgement.", s.getN(), s.getMean(),
                    s.getPercentile(50), s.getPercentile(90), s.getPercentile(99), s.getPercentile(99.9),
                    s.getMax()));
        }
        String token = Keycloak.newApplicant();
        Buffer body = Buffer.buffer(PreCheckOrders.json(order));
        Map<String, String> headers = Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
        for (int c : CONCURRENCY) {
            report.add(AsyncLoad.run("baseline GET", c, WARM_UP, MEASURED,
                    i -> AsyncLoad.Request.get(Stack.WEBSITE + "/api/v1/baseline", Map.of()), status -> status == 200));
            report.add(AsyncLoad.run("pre-check 10 × 10", c, WARM_UP, MEASURED,
                    i -> AsyncLoad.Request.post(Stack.WEBSITE + "/api/v1/pre-checks", headers, body),
                    status -> status == 200));
        }
        report.write();
    }
}
