package cn.beian.platform.inbox;

import cn.beian.contract.events.EventType;
import io.smallrye.mutiny.Uni;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A service's {@link InboxHandler} as one table: what each event type it acts on does. The same table says which
 * types it {@link #handles}, so the two cannot disagree: a type left out is passed over, never lost in a branch that
 * does nothing. Types this build does not know are passed over too (a newer producer).
 */
public final class EventRoutes {

    private final Map<EventType, Function<IncomingEvent, Uni<Void>>> routes = new EnumMap<>(EventType.class);

    /** Events of {@code type} are applied by {@code action}. */
    public EventRoutes on(EventType type, Function<IncomingEvent, Uni<Void>> action) {
        if (routes.putIfAbsent(type, action) != null) {
            throw new IllegalArgumentException(type.type() + " is routed twice");
        }
        return this;
    }

    /** Events of each of {@code types} are applied by {@code action}. */
    public EventRoutes on(List<EventType> types, Function<IncomingEvent, Uni<Void>> action) {
        types.forEach(type -> on(type, action));
        return this;
    }

    public boolean handles(IncomingEvent event) {
        return event.eventType().map(routes::containsKey).orElse(false);
    }

    /** Applies {@code event} by its type's route; nothing for a type without one. */
    public Uni<Void> apply(IncomingEvent event) {
        Function<IncomingEvent, Uni<Void>> route = event.eventType().map(routes::get).orElse(null);
        return route == null ? Uni.createFrom().voidItem() : route.apply(event);
    }
}
