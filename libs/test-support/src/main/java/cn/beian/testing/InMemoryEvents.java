package cn.beian.testing;

import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Delivers other services' events into a service's in-memory incoming channels as Kafka would: CloudEvents with the
 * aggregate id and a sequence number per (source, aggregate), then waits for the consumer's ack or nack.
 */
public final class InMemoryEvents {

    /** Shared by every test of a JVM, so one aggregate's events stay numbered in order whoever sends them. */
    private static final Map<String, Integer> SEQUENCES = new ConcurrentHashMap<>();
    /** Generous: the machine the tests run on is often loaded. */
    private static final int TIMEOUT_SECONDS = 60;

    private final InMemoryConnector connector;

    public InMemoryEvents(InMemoryConnector connector) {
        this.connector = connector;
    }

    /** Delivers one event; fails the test if the consumer nacks it (with the reason). */
    public void ack(String channel, String source, String aggregate, String type, String data) {
        Throwable nacked = deliver(channel, source, aggregate, type, data);
        if (nacked != null) {
            throw new AssertionError(type + " was not applied: " + nacked.getMessage(), nacked);
        }
    }

    /** Delivers one event the consumer must refuse; answers why. */
    public Throwable nack(String channel, String source, String aggregate, String type, String data) {
        Throwable nacked = deliver(channel, source, aggregate, type, data);
        if (nacked == null) {
            throw new AssertionError(type + " was applied, but should have been refused");
        }
        return nacked;
    }

    /** Delivers one event and answers the nack's reason, or null when it was acked. */
    public Throwable deliver(String channel, String source, String aggregate, String type, String data) {
        int sequence = SEQUENCES.merge(source + aggregate, 1, Integer::sum);
        return send(channel, Message.of(data, Metadata.of(new DefaultIncomingCloudEventMetadata<>("1.0",
                UUID.randomUUID().toString(), URI.create(source), type, "application/json", null, aggregate,
                TestClock.now().toZonedDateTime(), Map.of("aggregateid", aggregate, "sequence", String.valueOf(sequence)),
                data))));
    }

    /** Sends a message as it is (the test sets its ids and sequence) and answers the nack's reason, or null. */
    public Throwable send(String channel, Message<String> message) {
        AtomicReference<Throwable> nacked = new AtomicReference<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        connector.<Message<String>>source(channel).send(message
                .withAck(() -> {
                    done.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    nacked.set(e);
                    done.complete(null);
                    return CompletableFuture.completedFuture(null);
                }));
        try {
            done.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("a message to " + channel + " was neither acked nor nacked", e);
        }
        return nacked.get();
    }
}
