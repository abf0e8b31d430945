package cn.beian.website;

import cn.beian.testing.TestClock;
import cn.beian.time.BeianClock;
import cn.beian.website.service.AccessPolicy;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * What the access policy's memory costs per filed website, and how fast a starting replica folds the events that
 * rebuild it — the two figures that size website-service for a million filed websites (k8s/README.md, "Scale on
 * paper"). A benchmark, not a test: surefire runs it only when named ({@code bin/bench access-policy-memory}); it
 * prints its report and writes docs/benchmarks/access-policy-memory.md.
 *
 * <p>Each website is filed the heaviest way per website: its own first-filing order (created, its website with two
 * domains, six moves from draft to approval, the approval with the number), nine events, as the replica reads them
 * from the subject-, website- and review-service topics.
 */
class AccessPolicyFootprintBenchmark {

    private static final int[] WEBSITES = {100_000, 200_000, 400_000};
    private static final String[][] MOVES = {{"DRAFT", "INITIAL_REVIEW", "SUBMIT"},
        {"INITIAL_REVIEW", "AWAITING_PHOTO", "INITIAL_APPROVE"}, {"AWAITING_PHOTO", "PHOTO_REVIEW", "PHOTO_SUBMIT"},
        {"PHOTO_REVIEW", "AUTHORITY_REVIEW", "PHOTO_APPROVE"}, {"AUTHORITY_REVIEW", "AUTHORITY_REVIEW", "SMS_VERIFIED"},
        {"AUTHORITY_REVIEW", "APPROVED", "AUTHORITY_APPROVE"}};

    @Test
    void memoryAndRebuildRatePerFiledWebsite() throws Exception {
        String approvedAt = TestClock.iso(Duration.ofDays(-30));
        List<String> rows = new ArrayList<>();
        double bytesPerWebsite = 0;
        double eventsPerSecond = 0;
        for (int n : WEBSITES) {
            long before = usedHeapAfterGc();
            AccessPolicy policy = new AccessPolicy(new ObjectMapper().registerModule(new JavaTimeModule()),
                    new BeianClock(TestClock.clock(), false), new SimpleMeterRegistry());
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                file(policy, i, approvedAt);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long after = usedHeapAfterGc();
            // The policy answers for what it folded: a website filed last is served under its number.
            Assertions.assertTrue(policy.decide("www.site-" + (n - 1) + ".cn").allowed());
            bytesPerWebsite = (after - before) / (double) n;
            eventsPerSecond = policy.appliedEvents() / seconds;
            rows.add(String.format(Locale.ROOT, "| %,d | %,d | %.0f | %.1f | %,.0f |", n, policy.appliedEvents(),
                    (after - before) / 1048576.0, bytesPerWebsite, eventsPerSecond));
            policy = null; // released before the next size is measured
        }
        double millionMib = bytesPerWebsite * 1_000_000 / 1048576.0;
        double millionRebuild = 9_000_000 / eventsPerSecond;
        String report = String.join("\n", List.of(
                "# website-service: the access policy's memory per filed website",
                "",
                "Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version") + "; load average when written: " + loadAverage() + ".",
                "",
                "- In process, no stack: `AccessPolicy` folds the events a replica reads from the topics at start.",
                "- Each website has its own first-filing order: created, its website with two domains (`site-N.cn`, "
                        + "`www.site-N.cn`), six moves to APPROVED, the administration's approval with the number: "
                        + "9 events per website.",
                "- Heap: used heap after full collections, before and after folding (the events' JSON is garbage).",
                "- Rate: events folded per second by the single writer (JSON parsing included; Kafka's fetch and "
                        + "the consumer around it excluded).",
                "",
                "| filed websites | events | heap (MiB) | bytes per website | events/s folded |",
                "| ---: | ---: | ---: | ---: | ---: |",
                String.join("\n", rows),
                "",
                String.format(Locale.ROOT, "A million filed websites: about **%.0f MiB** of heap for the policy in "
                        + "every replica, and about **%.0f s** of folding to rebuild it at start (9 million events, "
                        + "at the largest run's rate, before Kafka's own fetch time).", millionMib, millionRebuild),
                ""));
        System.out.println(report);
        Path out = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."))
                .resolve("docs/benchmarks/access-policy-memory.md");
        if (Files.isDirectory(out.getParent())) {
            Files.writeString(out, report);
            System.out.println("written: " + out);
        }
    }

    private static void file(AccessPolicy policy, int i, String approvedAt) {
        String order = "00000000-0000-4000-8000-" + String.format(Locale.ROOT, "%012d", i);
        String account = "acc-" + i;
        policy.apply("/beian/subject-service", order, 1, "order.created.v1", """
                {"orderId":"%s","accountId":"%s","subjectId":"s-%d","type":"FIRST_FILING","province":"BEIJING",
                 "nature":"PERSON","state":"DRAFT","createdAt":"%s"}""".formatted(order, account, i, approvedAt));
        policy.apply("/beian/website-service", order, 1, "website.order-websites-changed.v1", """
                {"orderId":"%s","version":1,"websites":[{"websiteId":"w-%d","name":"n","domains":["site-%d.cn",
                 "www.site-%d.cn"]}]}""".formatted(order, i, i, i));
        long seq = 2;
        for (String[] m : MOVES) {
            policy.apply("/beian/subject-service", order, seq++, "order.transitioned.v1", """
                    {"orderId":"%s","accountId":"%s","type":"FIRST_FILING","province":"BEIJING","from":"%s","to":"%s",
                     "trigger":"%s","actor":"APPLICANT"}""".formatted(order, account, m[0], m[1], m[2]));
        }
        policy.apply("/beian/review-service", order, 1, "authority.approved.v1", """
                {"orderId":"%s","submissionId":"x-%d","subjectFilingNumber":"京ICP备%08d号","approvedAt":"%s",
                 "websites":[{"websiteId":"w-%d","name":"n","domains":["site-%d.cn","www.site-%d.cn"],
                 "websiteFilingNumber":"京ICP备%08d号-1"}]}""".formatted(order, i, i, approvedAt, i, i, i, i));
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
