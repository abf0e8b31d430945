package cn.beian.chaos;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The short chaos run in the test command: a few orders through the whole pipeline on the test stack while Kafka and
 * notification-service are SIGKILLed and started again, review-service is killed between an outcome of the
 * administration and its event, and materials-service in the middle of an upload; then the same checks as bin/chaos.
 * Everything killed is started again before the test ends, so the ITs after it find the stack whole.
 */
class ChaosIT {

    @Test
    void aFewOrdersSurviveSigkillsOfTheirServicesAndTheBroker() {
        // 6 orders at once; Kafka and notification-service killed 12 s apart (scripted, so the short run is the same
        // every time), plus the two targeted cases; 4 minutes of patience per step, 2 to settle.
        List<String> scripted = List.of("kafka", "notification-service");
        Chaos.Config config = new Chaos.Config(Integer.getInteger("chaos.it.orders", 6), 16L, 6, 12_000, 1, 1,
                240_000, 120_000, false, scripted, Set.copyOf(scripted));
        Chaos c = new Chaos(config).run();
        Path report = Report.write(c, "Short chaos run (ChaosIT)", Path.of("target", "chaos-it"));
        System.out.println("[chaos] report: " + report.toAbsolutePath());
        assertTrue(c.passed(), "a check failed; see " + report.toAbsolutePath());
    }
}
