package cn.beian.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The whole corpus (bin/fuzz, {@code ./mvnw -Pfuzz -pl integration-tests verify}): 10 000 requests by default
 * against a running stack; the report goes to {@code integration-tests/target/fuzz/report.md}. Not an IT: the
 * test command runs {@link FuzzSampleIT} instead.
 */
class FuzzCorpus {

    @Test
    void theCorpus() throws Exception {
        FuzzConfig config = FuzzConfig.load(10_000, 17L, "all", "report.md");
        FuzzSession.Result r = FuzzSession.run(config, "Fuzz corpus");
        assertEquals(0, r.counted(config), "failures of the failing classes " + config.checks() + ": " + r.failures()
                + "; see " + r.report().toAbsolutePath());
    }
}
