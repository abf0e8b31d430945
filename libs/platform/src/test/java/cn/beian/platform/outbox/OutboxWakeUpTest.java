package cn.beian.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A committed outbox row wakes the relay through PostgreSQL's notification ({@link OutboxListener}): with the relay's
 * poll an hour apart, the row is still published.
 */
@QuarkusTest
@TestProfile(OutboxWakeUpTest.HourlyPoll.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class OutboxWakeUpTest {

    /** The relay polls once an hour: only a notification can start a round in time. */
    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("beian.outbox.poll-interval", "1h");
        }
    }

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void aCommittedRowIsPublishedWithoutWaitingForThePoll() throws Exception {
        InMemorySink<String> sink = connector.sink("beian-outbox");
        String aggregate = "wake-test-" + UUID.randomUUID();
        // Committed by a connection of its own, as another replica's transaction would be.
        try (Connection c = PostgresTestResource.connect(); PreparedStatement insert = c.prepareStatement("""
                insert into outbox_event (event_id, topic, event_type, aggregate_type, aggregate_id, sequence,
                                          payload, occurred_at)
                values (?, 'beian.platform-test.events.v1', 'thing.created.v1', 'thing', ?, 1, '{}', ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, aggregate);
            insert.setObject(3, TestClock.now());
            insert.executeUpdate();
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> sink.received().stream()
                .anyMatch(m -> aggregate.equals(OutboxRelayTest.aggregateOf(m))));
        assertEquals(1, sink.received().stream().filter(m -> aggregate.equals(OutboxRelayTest.aggregateOf(m))).count());
    }
}
