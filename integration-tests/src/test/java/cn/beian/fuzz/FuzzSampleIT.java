package cn.beian.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A fixed sample of the fuzz corpus in the test command: 400 requests (seed 17) spread over every operation and
 * every class of bad input, strict by default. {@code -Dfuzz.it.checks=5xx,not-problem} (or
 * {@code BEIAN_FUZZ_IT_CHECKS}) narrows the classes that fail it, e.g. {@code all,-no-field}; the others are still
 * reported in {@code integration-tests/target/fuzz/sample-report.md}.
 */
class FuzzSampleIT {

    @Test
    void aSampleOfTheCorpusFindsNothing() throws Exception {
        String checks = FuzzConfig.value("fuzz.it.checks", "all");
        FuzzConfig base = FuzzConfig.load(400, 17L, checks, "sample-report.md");
        // The IT's own count, seed and checks: bin/fuzz's settings (fuzz.count …) are for the full corpus.
        FuzzConfig config = new FuzzConfig(Integer.parseInt(FuzzConfig.value("fuzz.it.count", "400")),
                Long.parseLong(FuzzConfig.value("fuzz.it.seed", "17")),
                FuzzConfig.load(0, 0, checks, "x").checks(), base.services(), null,
                java.nio.file.Path.of("target/fuzz/sample-report.md"));
        FuzzSession.Result r = FuzzSession.run(config, "Fuzz corpus sample (FuzzSampleIT)");
        assertEquals(0, r.counted(config), "failures of the failing classes " + config.checks() + ": " + r.failures()
                + "; see " + r.report().toAbsolutePath());
    }
}
