package cn.beian.review.service;

import cn.beian.platform.metrics.LabeledGauge;
import cn.beian.review.repository.ReviewCaseRepository;
import cn.beian.review.repository.SubmissionRepository;
import cn.beian.time.BeianClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * review-service's business gauges, from a few grouped queries every {@code beian.metrics.refresh-interval}: the
 * queue's depth, age and SLA breaches by kind ({@code beian_review_queue_cases{kind,status}},
 * {@code beian_review_queue_oldest_seconds{kind}}, {@code beian_review_sla_breached{kind}}), the authority
 * submissions not decided yet and how long the oldest waits ({@code beian_authority_submissions_waiting{status}},
 * {@code beian_authority_submissions_oldest_waiting_seconds{status}}), the time since the last outcome was applied
 * from the feed ({@code beian_authority_feed_last_entry_age_seconds}) and, on the replica that follows the feed, since
 * the feed last answered ({@code beian_authority_feed_silence_seconds}; 0 on the others).
 */
@ApplicationScoped
public class ReviewMetricsJob {

    private final ReviewCaseRepository cases;
    private final SubmissionRepository submissions;
    private final BeianClock clock;
    private final LabeledGauge queue;
    private final LabeledGauge queueOldest;
    private final LabeledGauge slaBreached;
    private final LabeledGauge waiting;
    private final LabeledGauge waitingOldest;
    private final AtomicLong lastEntryAge = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();
    private long applied;

    public ReviewMetricsJob(ReviewCaseRepository cases, SubmissionRepository submissions, BeianClock clock,
            MeterRegistry registry, GatewayLock lock, FeedFollower feed) {
        this.cases = cases;
        this.submissions = submissions;
        this.clock = clock;
        queue = new LabeledGauge(registry, "beian.review.queue.cases", "Live review cases by kind and status", null,
                "kind", "status");
        queueOldest = new LabeledGauge(registry, "beian.review.queue.oldest",
                "How long the oldest live case of each kind has been in the queue", "seconds", "kind");
        slaBreached = new LabeledGauge(registry, "beian.review.sla.breached",
                "Live cases past their due time (1 business day)", null, "kind");
        waiting = new LabeledGauge(registry, "beian.authority.submissions.waiting",
                "Authority submissions not decided yet (PENDING: not sent; SUBMITTED: at the administration)", null,
                "status");
        waitingOldest = new LabeledGauge(registry, "beian.authority.submissions.oldest.waiting",
                "How long the oldest undecided submission of each status has waited", "seconds", "status");
        Gauge.builder("beian.authority.feed.last.entry.age", lastEntryAge, AtomicLong::get).baseUnit("seconds")
                .description("Time since the last outcome from the administration's feed was applied")
                .register(registry);
        Gauge.builder("beian.authority.feed.silence", feed, f -> lock.held() ? f.secondsSinceAnswer() : 0)
                .baseUnit("seconds")
                .description("On the replica following the feed: time since the feed last answered a long-poll")
                .register(registry);
    }

    @Scheduled(identity = "review-service-metrics", every = "${beian.metrics.refresh-interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refresh() {
        // A round run by hand (staff, tests) may overlap the scheduled one: the gauges show the round that started
        // last, never an older round's figures that happened to finish later.
        long round = rounds.incrementAndGet();
        OffsetDateTime now = clock.now();
        return Panache.withSession(() -> cases.queueByKindAndStatus(now)
                        .chain(queueRows -> submissions.undecidedByStatus()
                                .chain(waitingRows -> submissions.feedCursorMovedAt()
                                        .invoke(at -> apply(round, now, queueRows, waitingRows, at)))))
                .replaceWithVoid().onFailure().recoverWithNull();
    }

    private synchronized void apply(long round, OffsetDateTime now, List<Object[]> queueRows,
            List<Object[]> waitingRows, OffsetDateTime feedMovedAt) {
        if (round < applied) {
            return;
        }
        applied = round;
        Map<List<String>, Long> depth = new HashMap<>();
        Map<List<String>, Long> oldest = new HashMap<>();
        Map<List<String>, Long> breached = new HashMap<>();
        for (Object[] r : queueRows) {
            List<String> kind = List.of((String) r[0]);
            depth.put(List.of((String) r[0], (String) r[1]), ((Number) r[2]).longValue());
            oldest.merge(kind, age(r[3], now), Math::max);
            breached.merge(kind, ((Number) r[4]).longValue(), Long::sum);
        }
        queue.set(depth);
        queueOldest.set(oldest);
        slaBreached.set(breached);
        Map<List<String>, Long> count = new HashMap<>();
        Map<List<String>, Long> waitingSince = new HashMap<>();
        for (Object[] r : waitingRows) {
            count.put(List.of((String) r[0]), ((Number) r[1]).longValue());
            waitingSince.put(List.of((String) r[0]), age(r[2], now));
        }
        waiting.set(count);
        waitingOldest.set(waitingSince);
        lastEntryAge.set(feedMovedAt == null ? 0 : Math.max(0, Duration.between(feedMovedAt, now).toSeconds()));
    }

    private static long age(Object value, OffsetDateTime now) {
        OffsetDateTime at = value instanceof OffsetDateTime t ? t
                : value instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : OffsetDateTime.parse(value.toString());
        return Math.max(0, Duration.between(at, now).toSeconds());
    }
}
