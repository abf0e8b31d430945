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
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Appends events to the outbox inside the caller's transaction, so the state change and its events commit
 * together or not at all. Must be called within {@code @WithTransaction} / {@code Panache.withTransaction}.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final String NEXT_SEQUENCE = """
            insert into outbox_sequence (aggregate_id, last_sequence) values (:aggregateId, 1)
            on conflict (aggregate_id) do update set last_sequence = outbox_sequence.last_sequence + 1
            returning last_sequence""";

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
        String json = toJson(payload);
        return Panache.getSession().chain(session -> nextSequence(session, payload.aggregateId())
                .chain(sequence -> {
                    OutboxEvent e = new OutboxEvent();
                    e.eventId = UUID.randomUUID();
                    e.topic = type.topic();
                    e.eventType = type.type();
                    e.aggregateType = type.aggregateType().wireName();
                    e.aggregateId = payload.aggregateId();
                    e.orderId = payload.orderId();
                    e.sequence = sequence;
                    e.payload = json;
                    e.occurredAt = clock.now();
                    TraceContext trace = TraceContext.current();
                    e.traceParent = trace.traceParent();
                    e.traceState = trace.traceState();
                    return session.persist(e).replaceWith(e);
                }));
    }

    // The upsert locks the aggregate's counter row until commit, so concurrent writers get distinct numbers; it
    // answers the number it took in the same round trip.
    private Uni<Long> nextSequence(Mutiny.Session session, String aggregateId) {
        return session.createNativeQuery(NEXT_SEQUENCE, Long.class).setParameter("aggregateId", aggregateId)
                .getSingleResult();
    }

    private String toJson(EventPayload payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be serialized: " + payload.getClass(), e);
        }
    }
}
