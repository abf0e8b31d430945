package cn.beian.platform.inbox;

import cn.beian.time.BeianClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Applies an incoming event exactly once: the event id and the aggregate's sequence are recorded in the same
 * transaction as the handler's effect. A replay (known id, or a sequence already applied) changes nothing; a
 * gap in the sequence is retried with back-off, then the message is nacked so the channel's
 * {@code failure-strategy=dead-letter-queue} moves it to the dead-letter topic with the reason in its headers.
 * An event that can never apply ({@link MalformedEventException}: undecodable, or a move its aggregate cannot
 * take) is dead-lettered at once and counted as handled, so the aggregate's later events still flow; other
 * handler failures are dead-lettered without advancing the sequence. Nothing blocks the partition.
 *
 * <p>Use it from an {@code @Incoming} method that takes {@code Message<String>} and returns {@code Uni<Void>}.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private static final String RECORD_EVENT = """
            insert into inbox_event (event_id, source, event_type, aggregate_id, sequence, processed_at)
            values (:id, :source, :type, :aggregateId, :sequence, :now) on conflict (event_id) do nothing""";
    private static final String LAST_SEQUENCE = """
            select last_sequence from inbox_sequence where source = :source and aggregate_id = :aggregateId for update""";
    private static final String ADVANCE_SEQUENCE = """
            insert into inbox_sequence (source, aggregate_id, last_sequence) values (:source, :aggregateId, :sequence)
            on conflict (source, aggregate_id) do update set last_sequence = excluded.last_sequence""";

    private final ObjectMapper mapper;
    private final InboxConfig config;
    private final MeterRegistry meters;
    private final BeianClock clock;

    public IdempotentConsumer(ObjectMapper mapper, InboxConfig config, MeterRegistry meters, BeianClock clock) {
        this.clock = clock;
        this.mapper = mapper;
        this.config = config;
        this.meters = meters;
    }

    /** Applies {@code message} with {@code handler} (which runs inside the transaction) and acks or nacks it. */
    public Uni<Void> consume(Message<String> message, Function<IncomingEvent, Uni<Void>> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(message, mapper);
        } catch (MalformedEventException e) {
            return reject(message, e, "malformed");
        }
        Context context = Vertx.currentContext();
        return applyWithRetries(event, handler, context, 0)
                .onItemOrFailure().transformToUni((outcome, failure) -> {
                    if (failure instanceof MalformedEventException) {
                        // It can never apply: count it as handled so later events of the aggregate still flow.
                        return Panache.withTransaction(() -> markRejected(event))
                                .onFailure().recoverWithItem(false)
                                .chain(() -> reject(message, failure, "rejected"));
                    }
                    if (failure != null) {
                        return reject(message, failure, failure instanceof SequenceGapException ? "gap" : "failed");
                    }
                    meters.counter("beian.inbox.events", "type", event.type(), "outcome", outcome.name().toLowerCase())
                            .increment();
                    return Uni.createFrom().completionStage(message.ack());
                });
    }

    private Uni<Outcome> applyWithRetries(IncomingEvent event, Function<IncomingEvent, Uni<Void>> handler,
            Context context, int attempt) {
        return Panache.withTransaction(() -> apply(event, handler))
                .onFailure(SequenceGapException.class).recoverWithUni(gap -> {
                    if (attempt >= config.gapRetries()) {
                        return Uni.createFrom().failure(gap);
                    }
                    Duration delay = config.gapRetryDelay().multipliedBy(1L << Math.min(attempt, 10));
                    LOG.debugf("%s, retry %d in %s", gap.getMessage(), attempt + 1, delay);
                    return sleep(context, delay).chain(() -> applyWithRetries(event, handler, context, attempt + 1));
                });
    }

    private Uni<Outcome> apply(IncomingEvent event, Function<IncomingEvent, Uni<Void>> handler) {
        return Panache.getSession().chain(session -> lastSequence(session, event).chain(last -> {
            if (event.sequence() <= last) {
                LOG.debugf("Skipping replay of %s (last applied #%d)", event, last);
                return Uni.createFrom().item(Outcome.REPLAY);
            }
            if (event.sequence() > last + 1) {
                return Uni.createFrom().failure(
                        new SequenceGapException(event.source(), event.aggregateId(), last + 1, event.sequence()));
            }
            return recordEvent(session, event)
                    .chain(inserted -> inserted == 0
                            ? Uni.createFrom().item(Outcome.REPLAY)
                            : advance(session, event).chain(() -> handler.apply(event)).replaceWith(Outcome.APPLIED));
        }));
    }

    /** Records an event that can never apply as handled, if it is the next in its aggregate's sequence. */
    private Uni<Boolean> markRejected(IncomingEvent event) {
        return Panache.getSession().chain(session -> lastSequence(session, event).chain(last -> {
            if (event.sequence() != last + 1) {
                return Uni.createFrom().item(false);
            }
            return recordEvent(session, event)
                    .chain(() -> advance(session, event))
                    .replaceWith(true);
        }));
    }

    /** Inserts the event id; answers 0 where it was recorded before (a replay). */
    private Uni<Integer> recordEvent(Mutiny.Session session, IncomingEvent event) {
        return session.createNativeQuery(RECORD_EVENT)
                .setParameter("id", event.id())
                .setParameter("source", event.source())
                .setParameter("type", event.type())
                .setParameter("aggregateId", event.aggregateId())
                .setParameter("sequence", event.sequence())
                .setParameter("now", clock.nowInChina())
                .executeUpdate();
    }

    private Uni<Long> lastSequence(Mutiny.Session session, IncomingEvent event) {
        return session.createNativeQuery(LAST_SEQUENCE, Long.class)
                .setParameter("source", event.source())
                .setParameter("aggregateId", event.aggregateId())
                .getResultList()
                .map((List<Long> rows) -> rows.isEmpty() ? 0L : rows.get(0));
    }

    private Uni<Integer> advance(Mutiny.Session session, IncomingEvent event) {
        return session.createNativeQuery(ADVANCE_SEQUENCE)
                .setParameter("source", event.source())
                .setParameter("aggregateId", event.aggregateId())
                .setParameter("sequence", event.sequence())
                .executeUpdate();
    }

    private Uni<Void> reject(Message<String> message, Throwable reason, String outcome) {
        LOG.warnf("Dead-lettering an event (%s): %s", outcome, reason.getMessage());
        meters.counter("beian.inbox.events", "type", "any", "outcome", outcome).increment();
        return Uni.createFrom().completionStage(message.nack(reason));
    }

    // Hibernate Reactive sessions are bound to the Vert.x context: resume on it after a delay.
    private static Uni<Void> sleep(Context context, Duration delay) {
        return Uni.createFrom().emitter(em -> context.owner().setTimer(Math.max(1, delay.toMillis()),
                id -> context.runOnContext(v -> em.complete(null))));
    }

    enum Outcome {
        APPLIED,
        REPLAY
    }
}
