package cn.beian.platform.inbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import cn.beian.platform.rest.Cursor;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The aggregates whose events are parked: listed for operators, drained in sequence order once the cause is gone
 * (by the consumer when a missing event arrives, by {@link ParkedEventsJob} on a schedule, by an operator's replay),
 * and counted in the gauges {@code beian.inbox.parked.aggregates} and {@code beian.inbox.parked.events}.
 */
@ApplicationScoped
public class ParkedEvents {

    private static final Logger LOG = Logger.getLogger(ParkedEvents.class);
    private static final int MAX_REASON = 2000;

    /** One parked aggregate: its events wait behind {@code head}, the first of them. */
    public record ParkedAggregate(String source, String aggregateId, String orderId, long lastApplied, long events,
            long firstSequence, long lastSequence, String headEventId, String headType, String reason, int attempts,
            OffsetDateTime parkedAt, OffsetDateTime lastTriedAt) {

        /** The head waits for an event that has not arrived (rather than having failed). */
        @JsonProperty
        public boolean waitingForMissing() {
            return firstSequence > lastApplied + 1;
        }
    }

    /** What a drain did: events applied, and what is still parked (null: nothing). */
    public record Drained(String source, String aggregateId, int applied, ParkedAggregate stillParked) {
    }

    private static final String AGGREGATES = """
            select a.source, a.aggregate_id, h.order_id, coalesce(s.last_sequence, 0), a.events, a.first_sequence,
                   a.last_sequence, h.event_id, h.event_type, h.reason, h.attempts, a.parked_at, h.last_tried_at
              from (select source, aggregate_id, count(*) events, min(sequence) first_sequence,
                           max(sequence) last_sequence, min(parked_at) parked_at
                      from inbox_parked %s group by source, aggregate_id) a
              left join inbox_sequence s on s.source = a.source and s.aggregate_id = a.aggregate_id
              join lateral (select * from inbox_parked p where p.source = a.source
                               and p.aggregate_id = a.aggregate_id order by p.sequence limit 1) h on true
             %s
             order by a.parked_at, a.source, a.aggregate_id
             limit :limit""";
    private static final String AFTER = "where (a.parked_at, a.source, a.aggregate_id) > (:at, :afterSource, :afterId)";
    private static final String SOURCES = "select distinct source from inbox_parked where aggregate_id = :aggregateId";
    private static final String COUNTS = "select count(distinct (source, aggregate_id)), count(*) from inbox_parked";

    private final Inbox inbox;
    private final Instance<InboxHandler> handler;
    private final AtomicLong parkedAggregates = new AtomicLong();
    private final AtomicLong parkedEvents = new AtomicLong();

    public ParkedEvents(Inbox inbox, Instance<InboxHandler> handler, MeterRegistry meters) {
        this.inbox = inbox;
        this.handler = handler;
        meters.gauge("beian.inbox.parked.aggregates", parkedAggregates);
        meters.gauge("beian.inbox.parked.events", parkedEvents);
    }

    /**
     * One page of parked aggregates, oldest first, after {@code after} (null: from the start); {@code source} and
     * {@code aggregateId} narrow it when given.
     */
    public Uni<List<ParkedAggregate>> list(String source, String aggregateId, Cursor after, int limit) {
        List<String> conditions = new ArrayList<>();
        if (source != null) {
            conditions.add("source = :source");
        }
        if (aggregateId != null) {
            conditions.add("aggregate_id = :aggregateId");
        }
        String where = conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
        return Panache.withSession(() -> Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(AGGREGATES.formatted(where, after == null ? "" : AFTER), Object[].class)
                    .setParameter("limit", limit);
            if (source != null) {
                query.setParameter("source", source);
            }
            if (aggregateId != null) {
                query.setParameter("aggregateId", aggregateId);
            }
            if (after != null) {
                int bar = after.id().indexOf('|');
                query.setParameter("at", after.at()).setParameter("afterSource", after.id().substring(0, bar))
                        .setParameter("afterId", after.id().substring(bar + 1));
            }
            return query.getResultList();
        })).map(rows -> rows.stream().map(ParkedEvents::aggregate).toList());
    }

    /** Where a parked aggregate stands in {@link #list}'s order, for the next page's cursor. */
    public static Cursor position(ParkedAggregate a) {
        return new Cursor(a.parkedAt(), a.source() + "|" + a.aggregateId());
    }

    /** Drains the aggregate's parked events of every producer (see {@link #drain}). */
    public Uni<Void> drainAggregate(String aggregateId) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(SOURCES, String.class)
                        .setParameter("aggregateId", aggregateId).getResultList()))
                .chain(sources -> Multi.createFrom().iterable(sources)
                        .onItem().transformToUniAndConcatenate(source -> drain(source, aggregateId))
                        .collect().last().replaceWithVoid());
    }

    /** Applies the aggregate's parked events in order until one fails or one is missing. */
    public Uni<Drained> drain(String source, String aggregateId) {
        return drain(source, aggregateId, 0).chain(applied -> list(source, aggregateId, null, 1)
                .map(left -> new Drained(source, aggregateId, applied, left.isEmpty() ? null : left.get(0))));
    }

    /** Records the aggregate's first parked event as handled without applying it, then drains the rest. */
    public Uni<Drained> skipHead(String source, String aggregateId) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> inbox.skipHead(s, source, aggregateId)))
                .invoke(head -> {
                    if (head != null) {
                        LOG.warnf("An operator skipped parked %s", head);
                    }
                })
                .chain(() -> drain(source, aggregateId));
    }

    /** Drains every aggregate {@link #list} shows whose head failed and is due for another try. */
    public Uni<Integer> retryDue(InboxConfig config, OffsetDateTime now) {
        return list(null, null, null, 500).chain(all -> {
            List<ParkedAggregate> due = all.stream()
                    .filter(a -> !a.waitingForMissing() && a.attempts() < config.parkRetries())
                    .filter(a -> {
                        OffsetDateTime last = a.lastTriedAt() == null ? a.parkedAt() : a.lastTriedAt();
                        return !now.isBefore(last.plus(config.parkRetryInterval().multipliedBy(1L << a.attempts())));
                    })
                    .toList();
            return Multi.createFrom().iterable(due)
                    .onItem().transformToUniAndConcatenate(a -> drain(a.source(), a.aggregateId()))
                    .collect().asList().map(List::size);
        });
    }

    /** Reads the counts the gauges show. */
    public Uni<Void> refreshGauges() {
        return Panache.withSession(() -> Panache.getSession()
                        .chain(s -> s.createNativeQuery(COUNTS, Object[].class).getSingleResult()))
                .invoke(row -> {
                    parkedAggregates.set(((Number) row[0]).longValue());
                    parkedEvents.set(((Number) row[1]).longValue());
                })
                .replaceWithVoid();
    }

    private Uni<Integer> drain(String source, String aggregateId, int applied) {
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(s -> inbox.applyHead(s, source, aggregateId, handler.get())))
                .onItemOrFailure().transformToUni((head, failure) -> {
                    if (failure != null) {
                        String reason = reason(failure);
                        LOG.warnf("A parked event of %s %s failed again: %s", source, aggregateId, reason);
                        return Panache.withTransaction(() -> Panache.getSession()
                                        .chain(s -> inbox.headFailed(s, source, aggregateId, reason)))
                                .onFailure().recoverWithNull()
                                .replaceWith(applied);
                    }
                    if (head == null) {
                        return Uni.createFrom().item(applied);
                    }
                    LOG.infof("Applied parked %s", head);
                    return drain(source, aggregateId, applied + 1);
                });
    }

    /** Why an event failed, as kept with it: the exception's class and message (never the event's data). */
    static String reason(Throwable failure) {
        String prefix = failure instanceof MalformedEventException ? "can never apply: " : "";
        String text = prefix + failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) : text;
    }

    private static ParkedAggregate aggregate(Object[] r) {
        return new ParkedAggregate((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), ((Number) r[6]).longValue(), (String) r[7],
                (String) r[8], (String) r[9], ((Number) r[10]).intValue(), Inbox.time(r[11]), Inbox.time(r[12]));
    }
}
