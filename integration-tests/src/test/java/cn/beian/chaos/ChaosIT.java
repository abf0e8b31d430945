package cn.beian.chaos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The short chaos run in the test command: a few orders through the whole pipeline on the test stack while Kafka and
 * two services are SIGKILLed and started again, review-service is killed between an outcome of the administration and
 * its event, and materials-service in the middle of an upload; then the same checks as bin/chaos. Everything killed
 * is started again before the test ends, so the ITs after it find the stack whole.
 */
class ChaosIT {

    @Test
    void aFewOrdersSurviveSigkillsOfTheirServicesAndTheBroker() {
        Chaos.Config config = new Chaos.Config(Integer.getInteger("chaos.it.orders", 10), 16L, 5, 15_000, 1, 1,
                240_000, 120_000, true, Set.of());
        Chaos c = new Chaos(config).run();
        Path report = Report.write(c, "Short chaos run (ChaosIT)", Path.of("target", "chaos-it"));
        System.out.println("[chaos] report: " + report.toAbsolutePath());
        assertTrue(c.passed(), "a check failed; see " + report.toAbsolutePath());
    }
}
