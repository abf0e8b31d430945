package cn.beian.notification;

import static cn.beian.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

/**
 * The idempotent consumer on real PostgreSQL: an event is applied once, a replay changes nothing, an event
 * that skips a sequence number waits (parked) for the missing one; malformed events are nacked (dead-lettered).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = InMemoryMessagingResource.class,
        initArgs = @ResourceArg(name = "incoming", value = "subject-events,website-events,review-events"))
@WithTestResource(OidcTestResource.class)
@WithTestResource(SmsStandInResource.class)
class SubjectEventsConsumerTest {

    private static final String SOURCE = "/beian/subject-service";

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void appliesAnEventOnceAndIgnoresItsReplay() throws Exception {
        String subjectId = UUID.randomUUID().toString();
        Delivery first = send(event(UUID.randomUUID().toString(), subjectId, 1, "subject.created.v1", created(subjectId)));
        first.awaitAck();
        Delivery replay = send(event(first.id, subjectId, 1, "subject.created.v1", created(subjectId)));
        replay.awaitAck();
        assertEquals(1, count("select count(*) from inbox_event where aggregate_id = '" + subjectId + "'"));
        assertEquals(1, count("select last_sequence from inbox_sequence where aggregate_id = '" + subjectId + "'"));

        as("ops", "admin").queryParam("aggregateId", subjectId).get("/api/v1/admin/applied-events")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].eventId", equalTo(first.id))
                .body("items[0].type", equalTo("subject.created.v1"))
                .body("items[0].sequence", equalTo(1))
                .body("items[0].known", equalTo(true));
    }

    @Test
    void anEventThatSkipsASequenceNumberWaitsForTheMissingOne() throws Exception {
        String subjectId = UUID.randomUUID().toString();
        send(event(UUID.randomUUID().toString(), subjectId, 1, "subject.created.v1", created(subjectId))).awaitAck();
        send(event(UUID.randomUUID().toString(), subjectId, 3, "subject.updated.v1", "{}")).awaitAck();
        assertEquals(1, count("select count(*) from inbox_event where aggregate_id = '" + subjectId + "'"));
        assertEquals(1, count("select count(*) from inbox_parked where aggregate_id = '" + subjectId + "'"));
        send(event(UUID.randomUUID().toString(), subjectId, 2, "subject.updated.v1", "{}")).awaitAck();
        assertEquals(3, count("select count(*) from inbox_event where aggregate_id = '" + subjectId + "'"));
        assertEquals(0, count("select count(*) from inbox_parked where aggregate_id = '" + subjectId + "'"));
    }

    @Test
    void unknownTypesAreRecordedAsUnknownAndSkipped() throws Exception {
        String subjectId = UUID.randomUUID().toString();
        send(event(UUID.randomUUID().toString(), subjectId, 1, "subject.teleported.v9", "{}")).awaitAck();
        as("ops", "admin").queryParam("aggregateId", subjectId).get("/api/v1/admin/applied-events")
                .then().statusCode(200).body("items[0].known", equalTo(false));
    }

    @Test
    void eventsWithoutASequenceAreNackedAsMalformed() throws Exception {
        Message<String> bare = Message.of("{}", Metadata.of(new DefaultIncomingCloudEventMetadata<>("1.0",
                UUID.randomUUID().toString(), URI.create(SOURCE), "subject.created.v1", "application/json", null,
                "x", TestClock.now().toZonedDateTime(), Map.of("aggregateid", "x"), "{}")));
        Delivery d = send(bare);
        assertTrue(d.awaitNack().getMessage().contains("sequence"));
    }

    @Test
    void theEventLogIsForAdminsOnly() {
        as("alice", "applicant").get("/api/v1/admin/applied-events").then().statusCode(403);
        as("ops", "admin").queryParam("limit", 101).get("/api/v1/admin/applied-events").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    private static String created(String subjectId) {
        return "{\"subjectId\":\"" + subjectId + "\",\"accountId\":\"acct-" + subjectId + "\"}";
    }

    private static Message<String> event(String id, String aggregateId, long sequence, String type, String data) {
        return Message.of(data, Metadata.of(new DefaultIncomingCloudEventMetadata<>("1.0", id, URI.create(SOURCE),
                type, "application/json", null, aggregateId, TestClock.now().toZonedDateTime(),
                Map.of("aggregateid", aggregateId, "sequence", String.valueOf(sequence)), data)));
    }

    private Delivery send(Message<String> template) {
        Delivery d = new Delivery(template.getMetadata(io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata.class)
                .map(m -> m.getId()).orElse(null));
        Message<String> tracked = template.withAck(() -> {
            d.acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }).withNack(e -> {
            d.nacked.set(e);
            d.acked.completeExceptionally(e);
            return CompletableFuture.completedFuture(null);
        });
        InMemorySource<Message<String>> source = connector.source("subject-events");
        source.send(tracked);
        return d;
    }

    private static final class Delivery {
        final String id;
        final CompletableFuture<Void> acked = new CompletableFuture<>();
        final AtomicReference<Throwable> nacked = new AtomicReference<>();

        Delivery(String id) {
            this.id = id;
        }

        void awaitAck() throws Exception {
            acked.get(10, TimeUnit.SECONDS);
        }

        Throwable awaitNack() {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> nacked.get() != null);
            return nacked.get();
        }
    }

    static long count(String sql) throws SQLException {
        try (Connection c = PostgresTestResource.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
