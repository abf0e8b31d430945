package cn.beian.platform.inbox;

import cn.beian.time.BeianClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The inbox's records, each method run inside the caller's transaction: which events of an aggregate were applied
 * (its last sequence), and which are parked. Every method takes the aggregate's advisory lock first, whichever
 * producer the event comes from, so one aggregate's events are never applied side by side: not by the Kafka
 * consumer, a replica's retry job and an operator's replay, nor by the consumers of two topics that carry events of
 * the same order (a handler that reads what another producer's events wrote always sees it committed).
 */
@ApplicationScoped
public class Inbox {

    /** What happened to an event offered to {@link #accept} or {@link #passOver}, and the metric's word for it. */
    public enum Outcome {
        APPLIED("applied", false),
        /**
         * Applied, and events of this aggregate are parked — this producer's, waiting for this one, or another
         * producer's, which may have waited for this one's facts: drain the aggregate now.
         */
        APPLIED_UNBLOCKING("applied", true),
        /** Recorded in its aggregate's sequence without the handler, which does nothing with it. */
        PASSED("passed", false),
        /** Passed over, and events of this aggregate are parked: drain it now. */
        PASSED_UNBLOCKING("passed", true),
        REPLAY("replay", false),
        PARKED("parked", false);

        private final String label;
        private final boolean unblocking;

        Outcome(String label, boolean unblocking) {
            this.label = label;
            this.unblocking = unblocking;
        }

        public String label() {
            return label;
        }

        /** Parked events of the aggregate may now apply. */
        public boolean unblocking() {
            return unblocking;
        }
    }

    /**
     * An aggregate's place: the last sequence applied, this producer's first parked one (null: none), and whether
     * another producer has events of the aggregate parked.
     */
    record Place(long last, Long firstParked, boolean othersParked) {
    }

    private static final String LOCK = """
            select count(*) from (select pg_advisory_xact_lock(hashtext('beian-inbox'), hashtext(:aggregateId))) l""";
    private static final String PLACE = """
            select coalesce((select last_sequence from inbox_sequence
                              where source = :source and aggregate_id = :aggregateId), 0),
                   (select min(sequence) from inbox_parked where source = :source and aggregate_id = :aggregateId),
                   exists(select 1 from inbox_parked where aggregate_id = :aggregateId and source <> :source)""";
    // One round trip: the sequence moves only when the event's row is new (a replay inserts neither), and never back
    // (an operator's skip of an event already passed); answers 1 or 0.
    private static final String RECORD_AND_ADVANCE = """
            with recorded as (
                insert into inbox_event (event_id, source, event_type, aggregate_id, sequence, known, processed_at)
                values (:id, :source, :type, :aggregateId, :sequence, :known, :now) on conflict (event_id) do nothing
                returning sequence)
            insert into inbox_sequence (source, aggregate_id, last_sequence)
            select :source, :aggregateId, sequence from recorded
            on conflict (source, aggregate_id)
            do update set last_sequence = greatest(inbox_sequence.last_sequence, excluded.last_sequence)""";
    // An event the handler does nothing with, in one autocommitted statement: recorded and its sequence moved only when
    // it is the next (the insert of its id refuses a replay), and whether the aggregate has parked events to drain.
    // No aggregate lock is needed: nothing but the inbox's own rows is written, the conditional upsert cannot move a
    // sequence backwards, and the same producer's next event arrives on the same partition, after this one.
    private static final String PASS_OVER = """
            with place as (
                select coalesce((select last_sequence from inbox_sequence
                                  where source = $2 and aggregate_id = $4), 0) as last),
            recorded as (
                insert into inbox_event (event_id, source, event_type, aggregate_id, sequence, known, processed_at)
                select $1, $2, $3, $4, $5::bigint, $6, $7 from place where place.last = $5::bigint - 1
                on conflict (event_id) do nothing
                returning sequence),
            advanced as (
                insert into inbox_sequence (source, aggregate_id, last_sequence)
                select $2, $4, sequence from recorded
                on conflict (source, aggregate_id)
                do update set last_sequence = greatest(inbox_sequence.last_sequence, excluded.last_sequence)
                returning 1)
            select exists(select 1 from advanced), exists(select 1 from inbox_parked where aggregate_id = $4)""";
    private static final String PARK = """
            insert into inbox_parked (event_id, source, aggregate_id, sequence, event_type, subject, order_id,
                                      event_time, data, reason, parked_at)
            values (:id, :source, :aggregateId, :sequence, :type, :subject, :orderId, :time, :data, :reason, :now)
            on conflict (event_id) do nothing""";
    private static final String HEAD = """
            select event_id, event_type, subject, order_id, event_time, data, sequence from inbox_parked
             where source = :source and aggregate_id = :aggregateId order by sequence limit 1""";
    private static final String UNPARK = "delete from inbox_parked where event_id = :id";
    private static final String FAILED = """
            update inbox_parked set reason = :reason, attempts = attempts + 1, last_tried_at = :now
             where event_id = :id""";

    private final ObjectMapper mapper;
    private final BeianClock clock;
    private final Pool pool;

    public Inbox(ObjectMapper mapper, BeianClock clock, Pool pool) {
        this.mapper = mapper;
        this.clock = clock;
        this.pool = pool;
    }

    /**
     * Applies {@code event} with {@code handler} if it is its aggregate's next; skips a replay; parks it behind
     * the aggregate's parked events, or as waiting for a missing one (a gap), without calling the handler.
     */
    public Uni<Outcome> accept(Mutiny.Session session, IncomingEvent event, InboxHandler handler) {
        return place(session, event.source(), event.aggregateId()).chain(place -> {
            long next = place.last() + 1;
            if (event.sequence() < next) {
                return Uni.createFrom().item(Outcome.REPLAY);
            }
            boolean waitedFor = place.firstParked() == null || place.firstParked() > event.sequence();
            if (event.sequence() == next && waitedFor) {
                return recordAndAdvance(session, event).chain(inserted -> inserted == 0
                        ? Uni.createFrom().item(Outcome.REPLAY)
                        : handler.apply(event)
                                .replaceWith(place.firstParked() == null && !place.othersParked()
                                        ? Outcome.APPLIED : Outcome.APPLIED_UNBLOCKING));
            }
            String reason = place.firstParked() != null && place.firstParked() < event.sequence()
                    ? "waiting behind parked #" + place.firstParked()
                    : "gap: waiting for #" + next;
            return park(session, event, reason).replaceWith(Outcome.PARKED);
        });
    }

    /**
     * Records {@code event}, which the handler does nothing with, as passed over if it is its aggregate's next;
     * answers null where it is not (a replay, a gap, or parked events ahead of it): {@link #accept} then decides.
     */
    public Uni<Outcome> passOver(IncomingEvent event) {
        return pool.preparedQuery(PASS_OVER)
                .execute(Tuple.from(List.of(event.id(), event.source(), event.type(), event.aggregateId(),
                        event.sequence(), event.eventType().isPresent(), clock.now())))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    if (!row.getBoolean(0)) {
                        return null;
                    }
                    return row.getBoolean(1) ? Outcome.PASSED_UNBLOCKING : Outcome.PASSED;
                });
    }

    /** Parks {@code event} (its application failed for {@code reason}) unless it was applied meanwhile. */
    public Uni<Boolean> parkFailed(Mutiny.Session session, IncomingEvent event, String reason) {
        return place(session, event.source(), event.aggregateId()).chain(place -> event.sequence() <= place.last()
                ? Uni.createFrom().item(false)
                : park(session, event, reason).replaceWith(true));
    }

    /** Records an event that can never apply as handled, if it is its aggregate's next; true if so. */
    public Uni<Boolean> markRejected(Mutiny.Session session, IncomingEvent event) {
        return place(session, event.source(), event.aggregateId()).chain(place -> {
            if (event.sequence() != place.last() + 1) {
                return Uni.createFrom().item(false);
            }
            return recordAndAdvance(session, event).replaceWith(true);
        });
    }

    /**
     * Applies the aggregate's first parked event if it is the next; answers it (null: nothing to apply now — none
     * parked, or the first still waits for a missing one). A parked event applied before (a replay) is dropped.
     */
    public Uni<IncomingEvent> applyHead(Mutiny.Session session, String source, String aggregateId,
            InboxHandler handler) {
        return place(session, source, aggregateId).chain(place -> head(session, source, aggregateId)
                .chain(head -> {
                    if (head == null || head.sequence() > place.last() + 1) {
                        return Uni.createFrom().nullItem();
                    }
                    Uni<Integer> unpark = session.createNativeQuery(UNPARK).setParameter("id", head.id())
                            .executeUpdate();
                    if (head.sequence() <= place.last()) {
                        return unpark.replaceWith(head);
                    }
                    return unpark.chain(() -> recordAndAdvance(session, head))
                            .chain(() -> handler.apply(head)).replaceWith(head);
                }));
    }

    /** Notes that the aggregate's first parked event failed again, and why. */
    public Uni<Void> headFailed(Mutiny.Session session, String source, String aggregateId, String reason) {
        return place(session, source, aggregateId).chain(() -> head(session, source, aggregateId)).chain(head ->
                head == null ? Uni.createFrom().voidItem()
                        : session.createNativeQuery(FAILED).setParameter("reason", reason).setParameter("id", head.id())
                                .setParameter("now", clock.now()).executeUpdate().replaceWithVoid());
    }

    /** Records the aggregate's first parked event as handled without applying it (an operator's decision). */
    public Uni<IncomingEvent> skipHead(Mutiny.Session session, String source, String aggregateId) {
        return place(session, source, aggregateId).chain(place -> head(session, source, aggregateId).chain(head -> {
            if (head == null) {
                return Uni.createFrom().nullItem();
            }
            return session.createNativeQuery(UNPARK).setParameter("id", head.id()).executeUpdate()
                    .chain(() -> recordAndAdvance(session, head))
                    .replaceWith(head);
        }));
    }

    private Uni<Place> place(Mutiny.Session session, String source, String aggregateId) {
        return session.createNativeQuery(LOCK).setParameter("aggregateId", aggregateId)
                .getSingleResult()
                .chain(() -> session.createNativeQuery(PLACE, Object[].class).setParameter("source", source)
                        .setParameter("aggregateId", aggregateId).getSingleResult())
                .map(row -> new Place(((Number) row[0]).longValue(),
                        row[1] == null ? null : ((Number) row[1]).longValue(), Boolean.TRUE.equals(row[2])));
    }

    private Uni<IncomingEvent> head(Mutiny.Session session, String source, String aggregateId) {
        return session.createNativeQuery(HEAD, Object[].class).setParameter("source", source)
                .setParameter("aggregateId", aggregateId).getResultList()
                .map((List<Object[]> rows) -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Object[] r = rows.get(0);
                    return new IncomingEvent((String) r[0], source, (String) r[1], (String) r[2], aggregateId,
                            (String) r[3], ((Number) r[6]).longValue(), time(r[4]), (String) r[5], mapper);
                });
    }

    private Uni<Integer> park(Mutiny.Session session, IncomingEvent event, String reason) {
        return session.createNativeQuery(PARK)
                .setParameter("id", event.id())
                .setParameter("source", event.source())
                .setParameter("aggregateId", event.aggregateId())
                .setParameter("sequence", event.sequence())
                .setParameter("type", event.type())
                .setParameter("subject", event.subject())
                .setParameter("orderId", event.orderId())
                .setParameter("time", event.time())
                .setParameter("data", event.data())
                .setParameter("reason", reason)
                .setParameter("now", clock.now())
                .executeUpdate();
    }

    /** Records the event and moves its aggregate's sequence to it; answers 0 where it was recorded before. */
    private Uni<Integer> recordAndAdvance(Mutiny.Session session, IncomingEvent event) {
        return session.createNativeQuery(RECORD_AND_ADVANCE)
                .setParameter("id", event.id())
                .setParameter("source", event.source())
                .setParameter("type", event.type())
                .setParameter("aggregateId", event.aggregateId())
                .setParameter("sequence", event.sequence())
                .setParameter("known", event.eventType().isPresent())
                .setParameter("now", clock.now())
                .executeUpdate();
    }

    /** A timestamp column as the reactive driver answers it. */
    static OffsetDateTime time(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }
}
