package cn.beian.notification.service;

import cn.beian.notification.domain.ReceivedEvent;
import cn.beian.notification.repository.ReceivedEventRepository;
import cn.beian.platform.inbox.IncomingEvent;
import cn.beian.platform.rest.Cursor;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Records every applied event; the messages themselves are sent by the delivery pipeline built on it. */
@ApplicationScoped
public class ReceivedEventService {

    private static final Logger LOG = Logger.getLogger(ReceivedEventService.class);

    private final ReceivedEventRepository events;
    private final BeianClock clock;

    public ReceivedEventService(ReceivedEventRepository events, BeianClock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Runs inside the idempotent consumer's transaction. */
    public Uni<Void> record(IncomingEvent event) {
        ReceivedEvent r = new ReceivedEvent();
        r.id = UUID.randomUUID();
        r.eventId = event.id();
        r.eventType = event.type();
        r.source = event.source();
        r.aggregateId = event.aggregateId();
        r.orderId = event.orderId();
        r.sequence = event.sequence();
        r.known = event.eventType().isPresent();
        r.occurredAt = event.time();
        r.receivedAt = clock.now();
        if (!r.known) {
            LOG.infof("Skipping unknown event type %s", event);
        }
        return events.persist(r).replaceWithVoid();
    }

    @WithSession
    public Uni<List<ReceivedEvent>> page(String aggregateId, String eventType, Cursor after, int limit) {
        return events.page(aggregateId, eventType, after, limit);
    }
}
