package cn.beian.chaos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * bin/chaos's driver (profile {@code -Pchaos}): the full run with the parameters bin/chaos passes as system properties
 * ({@code chaos.orders}, {@code chaos.seed}, {@code chaos.concurrency}, {@code chaos.killEvery} …), against the
 * throw-away stack bin/chaos started. Report: target/chaos/report.md; fails when any check fails.
 */
class ChaosRun {

    @Test
    void ordersSurviveSigkills() {
        Chaos c = new Chaos(Chaos.Config.fromProperties()).run();
        Path report = Report.write(c, "Chaos run: " + c.config.orders() + " orders under SIGKILL",
                Path.of("target", "chaos"));
        System.out.println("[chaos] report: " + report.toAbsolutePath());
        assertTrue(c.passed(), "a check failed; see " + report.toAbsolutePath());
    }
}
