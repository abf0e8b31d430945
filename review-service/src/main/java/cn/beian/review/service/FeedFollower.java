package cn.beian.review.service;

import cn.beian.national.client.FeedEntry;
import cn.beian.national.client.FeedPage;
import cn.beian.national.client.NationalSystemsClient;
import cn.beian.review.config.AuthorityConfig;
import cn.beian.time.BeianClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Follows the administration's outcome feed (long-poll) and turns each entry into {@code authority.*} events.
 *
 * <p>Exactly once across restarts and instances: the cursor lives in {@code feed_cursor} and advances in the same
 * transaction as the outbox rows its entries produce; that transaction locks the cursor row and skips entries at or
 * below the stored position, so even two followers could never apply an entry twice. Only one follows at a time
 * anyway: the replica holding the {@link GatewayLock} (a session-level PostgreSQL advisory lock on a connection of
 * its own, released when the instance dies). An entry that cannot be applied is recorded in {@code feed_dead_letter} with
 * the reason (and sent to {@code beian.review.authority-feed.dlq} after commit); the cursor moves past it.
 */
@ApplicationScoped
public class FeedFollower {

    private static final Logger LOG = Logger.getLogger(FeedFollower.class);
    private final GatewayLock lock;
    private final NationalSystemsClient national;
    private final AuthorityOutcomes outcomes;
    private final MutinyEmitter<String> deadLetters;
    private final ObjectMapper mapper;
    private final AuthorityConfig config;
    private final BeianClock clock;
    /** When the feed last answered (System.nanoTime): the gauge of a silent feed. */
    private volatile long lastAnswer = System.nanoTime();

    public FeedFollower(GatewayLock lock, @RestClient NationalSystemsClient national, AuthorityOutcomes outcomes,
            @Channel("authority-feed-dlq") MutinyEmitter<String> deadLetters, ObjectMapper mapper, AuthorityConfig config,
            BeianClock clock) {
        this.lock = lock;
        this.national = national;
        this.outcomes = outcomes;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    /** Whether this instance holds (or now takes) the gateway's lock, which the feed's one follower holds. */
    public Uni<Boolean> lead() {
        return lock.lead();
    }

    /** Gives the lock up (shutdown, tests simulating a killed gateway). */
    public Uni<Void> resign() {
        return lock.resign();
    }

    /** Seconds since the administration's feed last answered a long-poll of this replica. */
    public long secondsSinceAnswer() {
        return (System.nanoTime() - lastAnswer) / 1_000_000_000L;
    }

    /** One long-poll and its application; answers how many entries it consumed. */
    public Uni<Integer> round() {
        Context context = Vertx.currentContext();
        return Panache.withSession(this::storedCursor)
                .chain(after -> national.feed(after, config.feedBatch(), config.feedWait())
                        // Hibernate Reactive must resume on the context the round started on.
                        .emitOn(task -> context.runOnContext(v -> task.run()))
                        .invoke(() -> lastAnswer = System.nanoTime())
                        .chain(page -> apply(after, page)));
    }

    private Uni<Long> storedCursor() {
        return Panache.getSession().chain(s -> s.createNativeQuery("select position from feed_cursor where id = 1",
                Long.class).getSingleResult());
    }

    Uni<Integer> apply(long askedAfter, FeedPage page) {
        if (page.entries() == null || page.entries().isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<DeadLetter> dead = new ArrayList<>();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select position from feed_cursor where id = 1 for update", Long.class)
                .getSingleResult()
                .chain(stored -> {
                    if (stored != askedAfter) {
                        LOG.debugf("Feed cursor moved from %d to %d meanwhile; skipping what was applied", askedAfter,
                                stored);
                    }
                    List<FeedEntry> fresh = page.entries().stream().filter(e -> e.position() > stored).toList();
                    long last = Math.max(stored, fresh.isEmpty() ? stored : fresh.get(fresh.size() - 1).position());
                    return Multi.createFrom().iterable(fresh)
                            .onItem().transformToUniAndConcatenate(e -> outcomes.apply(e, "feed")
                                    .chain(reason -> reason.isEmpty() ? Uni.createFrom().voidItem()
                                            : deadLetter(session, e, reason.get().reason(), dead)))
                            .collect().last()
                            .chain(() -> session.createNativeQuery(
                                            "update feed_cursor set position = :p, updated_at = :at where id = 1")
                                    .setParameter("p", last).setParameter("at", clock.now())
                                    .executeUpdate())
                            .replaceWith(fresh.size());
                })))
                .call(() -> Multi.createFrom().iterable(dead).onItem().transformToUniAndConcatenate(this::publish)
                        .collect().last());
    }

    private Uni<Void> deadLetter(Mutiny.Session session, FeedEntry e, String reason, List<DeadLetter> dead) {
        LOG.warnf("Feed entry %d (%s of %s) cannot be applied: %s", e.position(), e.type(), e.submissionId(), reason);
        String json = json(e);
        dead.add(new DeadLetter(e.position(), e.submissionId(), reason, json));
        return session.createNativeQuery("""
                        insert into feed_dead_letter (position, submission_id, entry_type, reason, entry, at)
                        values (:p, :s, :t, :r, :e, :at) on conflict (position) do nothing""")
                .setParameter("p", e.position()).setParameter("s", e.submissionId())
                .setParameter("t", e.type() == null ? null : e.type().name()).setParameter("r", reason)
                .setParameter("e", json).setParameter("at", clock.now())
                .executeUpdate().replaceWithVoid();
    }

    private Uni<Void> publish(DeadLetter d) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", d.reason().getBytes(StandardCharsets.UTF_8));
        headers.add("feed-position", String.valueOf(d.position()).getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(d.submissionId() == null ? String.valueOf(d.position()) : d.submissionId())
                .withHeaders(headers).build();
        return deadLetters.sendMessage(Message.of(d.entry()).addMetadata(kafka))
                .onFailure().invoke(e -> LOG.warnf("Feed dead letter %d stays in the table only: %s", d.position(), e))
                .onFailure().recoverWithNull();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    record DeadLetter(long position, String submissionId, String reason, String entry) {
    }
}
