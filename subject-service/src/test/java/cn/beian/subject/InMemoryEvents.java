package cn.beian.subject;

import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** Sends other services' CloudEvents into subject-service's in-memory incoming channels, numbering each aggregate. */
final class InMemoryEvents {

    private final InMemoryConnector connector;
    private final Map<String, Integer> sequences = new HashMap<>();

    InMemoryEvents(InMemoryConnector connector) {
        this.connector = connector;
    }

    void ack(String channel, String source, String aggregate, String type, String data) throws Exception {
        AtomicReference<Throwable> nacked = new AtomicReference<>();
        CompletableFuture<Void> done = send(channel, source, aggregate, type, data, nacked);
        done.get(10, TimeUnit.SECONDS);
        if (nacked.get() != null) {
            throw new AssertionError(type + " was not applied: " + nacked.get().getMessage());
        }
    }

    Throwable nack(String channel, String source, String aggregate, String type, String data)
            throws Exception {
        AtomicReference<Throwable> nacked = new AtomicReference<>();
        send(channel, source, aggregate, type, data, nacked).get(10, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> nacked.get() != null);
        return nacked.get();
    }

    private CompletableFuture<Void> send(String channel, String source, String aggregate, String type, String data,
            AtomicReference<Throwable> nacked) {
        int sequence = sequences.merge(source + aggregate, 1, Integer::sum);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Message<String> m = Message.of(data, Metadata.of(new DefaultIncomingCloudEventMetadata<>("1.0",
                        UUID.randomUUID().toString(), URI.create(source), type, "application/json", null, aggregate,
                        ZonedDateTime.now(), Map.of("aggregateid", aggregate, "sequence", String.valueOf(sequence)),
                        data)))
                .withAck(() -> {
                    done.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(e -> {
                    nacked.set(e);
                    done.complete(null);
                    return CompletableFuture.completedFuture(null);
                });
        io.smallrye.reactive.messaging.memory.InMemorySource<Message<String>> in = connector.source(channel);
        in.send(m);
        return done;
    }
}
