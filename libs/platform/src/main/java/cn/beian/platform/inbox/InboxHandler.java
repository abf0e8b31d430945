package cn.beian.platform.inbox;

import io.smallrye.mutiny.Uni;

/**
 * What a service does with an event it consumes: one bean per service. {@link IdempotentConsumer} calls it for
 * events from Kafka, {@link Inbox} for parked events it replays; either way inside the transaction that records
 * the event as applied. Unknown event types must be ignored (a newer producer), not refused.
 */
public interface InboxHandler {

    Uni<Void> apply(IncomingEvent event);

    /**
     * Whether {@link #apply} can do anything with {@code event}. An event it cannot is still recorded in its
     * aggregate's sequence, but in one statement: no transaction, no session, no aggregate lock
     * ({@link Inbox#passOver}). A service consumes every event its producers publish and acts on about half of them.
     * Answer false only where {@code apply} would do nothing; {@link EventRoutes} answers both from one table.
     */
    default boolean handles(IncomingEvent event) {
        return true;
    }
}
