package cn.beian.platform.inbox;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test application's handler: decodes every event Beian knows into its payload record and keeps it, in the
 * order applied; fails every event of an aggregate in {@link #broken}, as a service would on a bug or a
 * constraint, until the test "fixes the cause" by removing it; and fails an event of {@link #DEPENDENT} about an
 * aggregate no other producer's event has been applied for. It does nothing with {@link #PASSED_OVER}'s events.
 */
@ApplicationScoped
public class RecordingHandler implements InboxHandler {

    /** A type this handler does nothing with: passed over. */
    static final String PASSED_OVER = "test.passed-over.v1";

    /** A producer whose events need the aggregate to have been applied from another producer first. */
    static final String DEPENDENT = "/beian/test-dependent-producer";

    private final Set<String> broken = ConcurrentHashMap.newKeySet();
    private final Set<String> conflicting = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Long>> applied = new ConcurrentHashMap<>();
    private final Map<String, Object> decoded = new ConcurrentHashMap<>();

    @Override
    public boolean handles(IncomingEvent event) {
        return !PASSED_OVER.equals(event.type());
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        if (!handles(event)) {
            return Uni.createFrom().voidItem();
        }
        if (broken.contains(event.aggregateId()) || broken.contains(event.aggregateId() + "#" + event.sequence())) {
            return Uni.createFrom().failure(new IllegalStateException("cannot apply #" + event.sequence()));
        }
        if (conflicting.remove(event.aggregateId())) {
            // Another writer changed the same rows first: what a concurrent update looks like at commit.
            return Uni.createFrom().failure(new jakarta.persistence.OptimisticLockException("row changed meanwhile"));
        }
        if (DEPENDENT.equals(event.source()) && !applied.containsKey(event.aggregateId())) {
            // As a review outcome needs the order subject-service announced: not known here yet.
            return Uni.createFrom().failure(new IllegalStateException(event.aggregateId() + " is not known yet"));
        }
        event.eventType().ifPresent(type -> decoded.put(event.id(), event.data(type.payloadType())));
        applied.computeIfAbsent(event.aggregateId(), a -> new CopyOnWriteArrayList<>()).add(event.sequence());
        return Uni.createFrom().voidItem();
    }

    // Tests reach the bean through its client proxy: methods, not fields.
    public void breakAggregate(String aggregateId) {
        broken.add(aggregateId);
    }

    /** The aggregate's next event loses a race with another writer once. */
    public void conflictOnce(String aggregateId) {
        conflicting.add(aggregateId);
    }

    /** Only this one event of the aggregate fails, for good: a poison event. */
    public void breakEvent(String aggregateId, long sequence) {
        broken.add(aggregateId + "#" + sequence);
    }

    public void fix(String aggregateId) {
        broken.remove(aggregateId);
    }

    public Object decoded(String eventId) {
        return decoded.get(eventId);
    }

    public List<Long> applied(String aggregateId) {
        return applied.getOrDefault(aggregateId, List.of());
    }
}
