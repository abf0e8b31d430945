package cn.beian.platform.inbox;

import io.smallrye.mutiny.Uni;

/**
 * What a service does with an event it consumes: one bean per service. {@link IdempotentConsumer} calls it for
 * events from Kafka, {@link Inbox} for parked events it replays; either way inside the transaction that records
 * the event as applied. Unknown event types must be ignored (a newer producer), not refused.
 */
public interface InboxHandler {

    Uni<Void> apply(IncomingEvent event);
}
