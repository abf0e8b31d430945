package cn.beian.platform.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.testing.InMemoryEvents;
import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

/**
 * One trace across the outbox: the transaction that writes an event keeps its trace context in the row, the relay
 * publishes the event as a child of it, and applying an incoming event continues the trace it arrived with.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class TracePropagationTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    RecordedSpans spans;

    @Test
    void anOutboxRowContinuesTheTraceOfItsTransaction() throws Exception {
        InMemorySink<String> sink = connector.sink("beian-outbox");
        String traceId = randomHex(32);
        String orderId = UUID.randomUUID().toString();

        String mdcOrder = given().header("traceparent", "00-" + traceId + "-" + randomHex(16) + "-01")
                .post("/api/v1/orders/{id}/traced", orderId)
                .then().statusCode(200).extract().asString();
        assertEquals(orderId, mdcOrder, "the request's log lines name its order");

        String stored = traceParentOf(orderId);
        assertTrue(stored != null && stored.startsWith("00-" + traceId + "-"), "row keeps the trace: " + stored);

        Message<String> published = Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> sink.received().stream().filter(m -> orderId.equals(key(m))).findFirst(),
                        Optional::isPresent).get();
        SpanContext sent = Span.fromContext(TracingMetadata.fromMessage(published).orElseThrow().getCurrentContext())
                .getSpanContext();
        assertEquals(traceId, sent.getTraceId(), "the relay publishes the event in the writer's trace");

        SpanData server = awaitSpan(s -> s.getTraceId().equals(traceId) && s.getKind().name().equals("SERVER"));
        assertEquals(orderId, server.getAttributes().get(AttributeKey.stringKey(Traced.ORDER_ATTRIBUTE)));
    }

    @Test
    void applyingAnEventContinuesTheTraceItArrivedWith() {
        String traceId = randomHex(32);
        SpanContext producer = SpanContext.createFromRemoteParent(traceId, randomHex(16), TraceFlags.getSampled(),
                TraceState.getDefault());
        String orderId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> extensions = new HashMap<>();
        extensions.put("aggregateid", orderId);
        extensions.put("orderid", orderId);
        extensions.put("sequence", "1");
        Message<String> message = Message.of("{}", Metadata.of(
                new DefaultIncomingCloudEventMetadata<>("1.0", eventId, URI.create("/beian/trace-test"),
                        "test.happened.v1", "application/json", null, orderId, TestClock.now().toZonedDateTime(),
                        extensions, "{}"),
                TracingMetadata.withCurrent(Context.root().with(Span.wrap(producer)))));
        new InMemoryEvents(connector).send("platform-events", message);

        SpanData applied = awaitSpan(s -> s.getName().equals("apply test.happened.v1")
                && eventId.equals(s.getAttributes().get(AttributeKey.stringKey("messaging.message.id"))));
        assertEquals(traceId, applied.getTraceId(), "applied in the producer's trace");
        assertEquals(producer.getSpanId(), applied.getParentSpanId());
        assertEquals(orderId, applied.getAttributes().get(AttributeKey.stringKey(Traced.ORDER_ATTRIBUTE)));
    }

    private SpanData awaitSpan(java.util.function.Predicate<SpanData> which) {
        return Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> spans.all().stream().filter(which).findFirst(), Optional::isPresent).get();
    }

    private static String key(Message<String> m) {
        return m.getMetadata(io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata.class)
                .map(k -> String.valueOf(k.getKey())).orElse(null);
    }

    private static String traceParentOf(String orderId) throws Exception {
        try (Connection c = PostgresTestResource.connect(); PreparedStatement q = c.prepareStatement(
                "select trace_parent from outbox_event where aggregate_id = ?")) {
            q.setString(1, orderId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String randomHex(int length) {
        String hex = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        return hex.substring(0, length);
    }
}
