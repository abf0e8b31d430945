package cn.beian.notification;

import cn.beian.testing.TestClock;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** CloudEvents fed to the in-memory channels, as the Kafka connector would deliver them, with their ack/nack. */
final class Events {

    private final InMemoryConnector connector;

    Events(InMemoryConnector connector) {
        this.connector = connector;
    }

    static Message<String> event(String source, String id, String aggregateId, String orderId, long sequence,
            String type, String data) {
        Map<String, Object> ext = orderId == null
                ? Map.of("aggregateid", aggregateId, "sequence", String.valueOf(sequence))
                : Map.of("aggregateid", aggregateId, "sequence", String.valueOf(sequence), "orderid", orderId);
        return Message.of(data, Metadata.of(new DefaultIncomingCloudEventMetadata<>("1.0", id, URI.create(source),
                type, "application/json", null, aggregateId, TestClock.now().toZonedDateTime(), ext, data)));
    }

    Delivery send(String channel, Message<String> template) {
        Delivery d = new Delivery(template.getMetadata(IncomingCloudEventMetadata.class).map(m -> m.getId())
                .orElse(UUID.randomUUID().toString()));
        Message<String> tracked = template.withAck(() -> {
            d.acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }).withNack(e -> {
            d.nacked.set(e);
            d.acked.completeExceptionally(e);
            return CompletableFuture.completedFuture(null);
        });
        connector.<Message<String>>source(channel).send(tracked);
        return d;
    }

    static final class Delivery {
        final String id;
        final CompletableFuture<Void> acked = new CompletableFuture<>();
        final AtomicReference<Throwable> nacked = new AtomicReference<>();

        Delivery(String id) {
            this.id = id;
        }

        Delivery awaitAck() throws Exception {
            acked.get(10, TimeUnit.SECONDS);
            return this;
        }

        Throwable awaitNack() {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> nacked.get() != null);
            return nacked.get();
        }
    }
}
