package cn.beian.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A fixed sample of the fuzz corpus in the test command ({@code bin/test}): 400 requests, seed 17, spread over every
 * operation of the five OpenAPI documents and every class of bad input. Strict by default: every failure class fails
 * it. {@code -Dfuzz.it.checks=…} (or {@code BEIAN_FUZZ_IT_CHECKS}) narrows the classes that fail it, e.g.
 * {@code all,-no-field,-bad-string-accepted} or {@code 5xx,cross-account,write-left}; the others are still reported
 * in {@code integration-tests/target/fuzz/sample-report.md}. {@code fuzz.it.count} and {@code fuzz.it.seed} change the
 * sample. The whole corpus is bin/fuzz ({@link FuzzCorpus}).
 */
class FuzzSampleIT {

    @Test
    void aSampleOfTheCorpusFindsNothing() throws Exception {
        FuzzConfig config = new FuzzConfig(Integer.parseInt(FuzzConfig.value("fuzz.it.count", "400")),
                Long.parseLong(FuzzConfig.value("fuzz.it.seed", "17")),
                FuzzConfig.checks(FuzzConfig.value("fuzz.it.checks", "all")),
                FuzzConfig.load(0, 0, "all", "unused").services(), null, Path.of("target/fuzz/sample-report.md"));
        FuzzSession.Result r = FuzzSession.run(config, "Fuzz corpus sample (FuzzSampleIT)");
        assertEquals(0, r.counted(config), "failures of the failing classes " + config.checks() + ": " + r.failures()
                + "; see " + r.report().toAbsolutePath());
    }
}
