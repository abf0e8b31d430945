package cn.beian.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import cn.beian.contract.events.EventType;
import cn.beian.platform.persistence.Constraints;
import cn.beian.platform.tracing.Traced;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies an incoming event exactly once with the service's {@link InboxHandler}: the event id and the aggregate's
 * sequence are recorded in the same transaction as the handler's effect, and a replay changes nothing. An event the
 * handler does nothing with ({@link InboxHandler#handles}) is <em>passed over</em>: recorded in its aggregate's
 * sequence by one statement, without a transaction.
 *
 * <p>Nothing holds the partition. An event the handler fails on is <em>parked</em> with its reason, and every later
 * event of the same aggregate is parked behind it in order; an event that arrives before its predecessor is parked
 * as waiting for it, and applied with everything parked behind it once the predecessor comes; an event parked
 * because another producer's facts about its aggregate had not arrived is applied as soon as one of them is. Parked
 * events are also retried on a schedule and can be listed and replayed by an operator ({@link ParkedEvents}); every
 * other aggregate goes on at once. An event whose transaction lost a race with another writer of the same rows (an
 * optimistic lock, a serialization failure, a deadlock) is applied again at once, a few times, before it would park.
 * Only an event that can never apply ({@link MalformedEventException}: no CloudEvent, no sequence, undecodable data,
 * a move its aggregate cannot take) is nacked, so that the channel's {@code failure-strategy=dead-letter-queue}
 * moves it to the dead-letter topic, and it counts as handled.
 *
 * <p>Use it from an {@code @Incoming} method that takes {@code Message<String>} and returns {@code Uni<Void>}.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final int CONFLICT_RETRIES = 3;

    private final Inbox inbox;
    private final ParkedEvents parked;
    private final Instance<InboxHandler> handler;
    private final MeterRegistry meters;
    private final ObjectMapper mapper;
    private final Tracer tracer;

    public IdempotentConsumer(Inbox inbox, ParkedEvents parked, Instance<InboxHandler> handler,
            MeterRegistry meters, ObjectMapper mapper, Tracer tracer) {
        this.mapper = mapper;
        this.tracer = tracer;
        this.inbox = inbox;
        this.parked = parked;
        this.handler = handler;
        this.meters = meters;
    }

    /** Applies {@code message} (or parks it) and acks it; nacks only what can never apply. */
    public Uni<Void> consume(Message<String> message) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(message, mapper);
        } catch (MalformedEventException e) {
            return reject(message, "any", e, "malformed");
        }
        // The connector's receive span continues the producer's trace (the Kafka headers); applying the event is its
        // child, current while the handler runs, so the outbox rows it writes carry the same trace onwards.
        Context parent = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext)
                .orElseGet(Context::current);
        return Traced.run(tracer.spanBuilder("apply " + event.type()).setSpanKind(SpanKind.CONSUMER)
                        .setAttribute("messaging.message.id", event.id())
                        .setAttribute("beian.event.source", event.source())
                        .setAttribute("beian.event.type", event.type()),
                parent == null ? Context.current() : parent, event.orderId(), () -> apply(message, event));
    }

    private Uni<Void> apply(Message<String> message, IncomingEvent event) {
        // One aggregate's events are applied one at a time (the inbox's lock), but a request or a job may write the
        // same rows at the same moment: the loser of that race is applied again at once, not parked.
        InboxHandler target = handler.get();
        Uni<Inbox.Outcome> accepted = Uni.createFrom().deferred(() -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(s -> inbox.accept(s, event, target))))
                .onFailure(Constraints::isConcurrentUpdate).retry().atMost(CONFLICT_RETRIES);
        // An event the handler does nothing with is passed over in one statement when it is the next; anything else
        // about it (a replay, a gap, parked events ahead, a failed statement) is decided where every event's is.
        Uni<Inbox.Outcome> decided = target.handles(event) ? accepted
                : inbox.passOver(event)
                        .onFailure().invoke(e -> LOG.debugf("Passing over %s failed, accepting it instead: %s",
                                event, e))
                        .onFailure().recoverWithNull()
                        .chain(passed -> passed != null ? Uni.createFrom().item(passed) : accepted);
        return decided.onItemOrFailure().transformToUni((outcome, failure) -> {
                    if (failure instanceof MalformedEventException) {
                        // It can never apply: count it as handled so that the aggregate's later events flow.
                        return Panache.withTransaction(() -> Panache.getSession()
                                        .chain(s -> inbox.markRejected(s, event)))
                                .onFailure().recoverWithItem(false)
                                .chain(() -> parked.drain(event.source(), event.aggregateId()))
                                .chain(() -> reject(message, event.type(), failure, "rejected"));
                    }
                    if (failure != null) {
                        return park(message, event, failure);
                    }
                    count(event.type(), outcome.label());
                    if (outcome == Inbox.Outcome.PARKED) {
                        LOG.warnf("Parked %s: its aggregate waits for an earlier event", event);
                    }
                    Uni<?> drain = outcome.unblocking()
                            ? parked.drainAggregate(event.aggregateId())
                            : Uni.createFrom().voidItem();
                    return drain.chain(() -> Uni.createFrom().completionStage(message.ack()));
                });
    }

    private Uni<Void> park(Message<String> message, IncomingEvent event, Throwable failure) {
        String reason = ParkedEvents.reason(failure);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> inbox.parkFailed(s, event, reason)))
                .onItemOrFailure().transformToUni((done, parkFailure) -> {
                    if (parkFailure != null) {
                        // The database refuses even the parking: let the dead-letter topic keep the event.
                        return reject(message, event.type(), failure, "failed");
                    }
                    LOG.warnf("Parked %s: %s", event, reason);
                    count(event.type(), "parked");
                    return Uni.createFrom().completionStage(message.ack());
                });
    }

    private void count(String type, String outcome) {
        // Only the contract's types name a series: a label set stays bounded whatever a producer sends.
        String known = EventType.fromType(type).isPresent() ? type : "unknown";
        meters.counter("beian.inbox.events", "type", known, "outcome", outcome.toLowerCase()).increment();
    }

    private Uni<Void> reject(Message<String> message, String type, Throwable reason, String outcome) {
        LOG.warnf("Dead-lettering an event (%s): %s", outcome, reason.getMessage());
        count(type, outcome);
        return Uni.createFrom().completionStage(message.nack(reason));
    }
}
