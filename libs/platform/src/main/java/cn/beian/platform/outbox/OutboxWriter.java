package cn.beian.platform.outbox;

import cn.beian.contract.events.EventPayload;
import cn.beian.contract.events.EventType;
import cn.beian.platform.tracing.TraceContext;
import cn.beian.time.BeianClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Appends events to the outbox inside the caller's transaction, so the state change and its events commit
 * together or not at all. Must be called within {@code @WithTransaction} / {@code Panache.withTransaction}.
 */
@ApplicationScoped
public class OutboxWriter {

    // One round trip per event: the upsert takes the aggregate's next number (locking its counter row until commit,
    // so concurrent writers get distinct numbers) and the row is inserted with it in the same statement.
    private static final String APPEND = """
            with next as (
                insert into outbox_sequence (aggregate_id, last_sequence) values (:aggregateId, 1)
                on conflict (aggregate_id) do update set last_sequence = outbox_sequence.last_sequence + 1
                returning last_sequence)
            insert into outbox_event (event_id, topic, event_type, aggregate_type, aggregate_id, order_id, sequence,
                                      payload, occurred_at, trace_parent, trace_state)
            select :eventId, :topic, :eventType, :aggregateType, :aggregateId, cast(:orderId as text), last_sequence,
                   :payload, :occurredAt, cast(:traceParent as text), cast(:traceState as text) from next
            returning id, sequence""";

    private final ObjectMapper mapper;
    private final BeianClock clock;

    public OutboxWriter(ObjectMapper mapper, BeianClock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Records {@code payload} as the next event of its aggregate (its record names its one event type). */
    public Uni<OutboxEvent> append(EventPayload payload) {
        return append(EventType.of(payload), payload);
    }

    /** Records {@code payload} as the next event of its aggregate, of {@code type}. */
    public Uni<OutboxEvent> append(EventType type, EventPayload payload) {
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(type.type() + " does not carry " + payload.getClass().getSimpleName());
        }
        OutboxEvent e = new OutboxEvent();
        e.eventId = UUID.randomUUID();
        e.topic = type.topic();
        e.eventType = type.type();
        e.aggregateType = type.aggregateType().wireName();
        e.aggregateId = payload.aggregateId();
        e.orderId = payload.orderId();
        e.payload = toJson(payload);
        e.occurredAt = clock.now();
        TraceContext trace = TraceContext.current();
        e.traceParent = trace.traceParent();
        e.traceState = trace.traceState();
        return Panache.getSession().chain(session -> session.createNativeQuery(APPEND, Object[].class)
                .setParameter("eventId", e.eventId)
                .setParameter("topic", e.topic)
                .setParameter("eventType", e.eventType)
                .setParameter("aggregateType", e.aggregateType)
                .setParameter("aggregateId", e.aggregateId)
                .setParameter("orderId", e.orderId)
                .setParameter("payload", e.payload)
                .setParameter("occurredAt", e.occurredAt)
                .setParameter("traceParent", e.traceParent)
                .setParameter("traceState", e.traceState)
                .getSingleResult()
                .map(row -> {
                    e.id = ((Number) row[0]).longValue();
                    e.sequence = ((Number) row[1]).longValue();
                    AppendedSequences.record(e.aggregateId, e.sequence);
                    return e;
                }));
    }

    private String toJson(EventPayload payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be serialized: " + payload.getClass(), e);
        }
    }
}
