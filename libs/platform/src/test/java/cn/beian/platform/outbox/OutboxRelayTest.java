package cn.beian.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import cn.beian.time.BeianClock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * Several relays at once (the scheduled one plus concurrent rounds standing in for other replicas) publish
 * every outbox row exactly once and in sequence order per aggregate.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class OutboxRelayTest {

    private static final int EVENTS = 300;

    @Inject
    OutboxRelay relay;

    @Inject
    BeianClock clock;

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void concurrentRelaysPublishEachEventOnceInOrder() throws Exception {
        InMemorySink<String> sink = connector.sink("beian-outbox");
        String aggregate = "relay-test-" + UUID.randomUUID();
        try (Connection c = PostgresTestResource.connect(); PreparedStatement insert = c.prepareStatement("""
                insert into outbox_event (event_id, topic, event_type, aggregate_type, aggregate_id, sequence,
                                          payload, occurred_at)
                values (?, 'beian.platform-test.events.v1', 'thing.created.v1', 'thing', ?, ?, '{}', ?)""")) {
            for (int i = 1; i <= EVENTS; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, aggregate);
                insert.setLong(3, i);
                insert.setObject(4, TestClock.now());
                insert.addBatch();
            }
            insert.executeBatch();
        }

        List<Uni<Integer>> rounds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rounds.add(relay.publishPending());
        }
        Uni.join().all(rounds).andFailFast().await().atMost(Duration.ofSeconds(30));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sequencesOf(sink, aggregate).size() >= EVENTS);
        List<Long> seen = sequencesOf(sink, aggregate);
        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= EVENTS; i++) {
            expected.add(i);
        }
        assertEquals(expected, seen, "each event once, in sequence order");
        assertEquals(0, count(
                "select count(*) from outbox_event where published_at is null and aggregate_id = '" + aggregate + "'"));
    }

    /**
     * The purge keeps a row published a moment ago even when the business clock has been moved weeks ahead (as
     * the order clock's tests do): retention is measured on the database clock that stamped the row.
     */
    @Test
    void purgeDropsOnlyRowsPublishedLongerAgoThanTheRetention() throws Exception {
        String aggregate = "purge-test-" + UUID.randomUUID();
        try (Connection c = PostgresTestResource.connect(); PreparedStatement insert = c.prepareStatement("""
                insert into outbox_event (event_id, topic, event_type, aggregate_type, aggregate_id, sequence,
                                          payload, occurred_at, published_at)
                values (?, 'beian.platform-test.events.v1', 'thing.created.v1', 'thing', ?, ?, '{}', ?,
                        now() - make_interval(days => ?))""")) {
            int[] publishedDaysAgo = {0, 8};
            for (int i = 0; i < publishedDaysAgo.length; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, aggregate);
                insert.setLong(3, i + 1);
                insert.setObject(4, TestClock.now());
                insert.setInt(5, publishedDaysAgo[i]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        clock.setOffset(Duration.ofDays(46));
        try {
            relay.purge().await().atMost(Duration.ofSeconds(10));
        } finally {
            clock.setOffset(Duration.ZERO);
        }
        assertEquals(List.of(1L), sequencesIn(aggregate), "the row published now stays, the one 8 days old goes");
    }

    private static List<Long> sequencesIn(String aggregate) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = PostgresTestResource.connect(); ResultSet rs = c.createStatement().executeQuery(
                "select sequence from outbox_event where aggregate_id = '" + aggregate + "' order by sequence")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = PostgresTestResource.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Long> sequencesOf(InMemorySink<String> sink, String aggregate) {
        List<Long> out = new ArrayList<>();
        for (Message<String> m : sink.received()) {
            if (aggregate.equals(aggregateOf(m))) {
                OutgoingCloudEventMetadata<?> ce = m.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
                out.add(Long.parseLong(ce.getExtension("sequence").orElseThrow().toString()));
            }
        }
        return out;
    }

    /** The aggregate a published event is about (its CloudEvents subject). */
    static String aggregateOf(Message<String> m) {
        OutgoingCloudEventMetadata<?> ce = m.getMetadata(OutgoingCloudEventMetadata.class).orElse(null);
        return ce == null ? null : ce.getSubject().orElse(null);
    }
}
