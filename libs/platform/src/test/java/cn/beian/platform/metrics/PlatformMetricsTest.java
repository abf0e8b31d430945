package cn.beian.platform.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.testing.InMemoryMessagingResource;
import cn.beian.testing.Metrics;
import cn.beian.testing.OidcTestResource;
import cn.beian.testing.PostgresTestResource;
import cn.beian.testing.TestClock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The platform's gauges: the outbox's backlog and the age of its oldest unpublished row follow what the relay has
 * not sent; and no label of any metric the test application shows looks like an id.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
@WithTestResource(InMemoryMessagingResource.class)
@WithTestResource(OidcTestResource.class)
class PlatformMetricsTest {

    /** The relay's advisory lock (OutboxRelay.RELAY_LOCK): holding it keeps every relay round from publishing. */
    private static final long RELAY_LOCK = 0x6265_6961_6e01L;

    @Test
    void outboxBacklogAndLagFollowWhatTheRelayHasNotSent() throws Exception {
        try (Connection lock = PostgresTestResource.connect()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("select pg_advisory_xact_lock(" + RELAY_LOCK + ")");
            }
            insertRows(3, TestClock.now().minusMinutes(5));
            // The gauges are refreshed by a job (every second here); wait for a refresh that saw the rows.
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Metrics.scrape().value("beian_outbox_backlog") >= 3);
            double age = Metrics.scrape().value("beian_outbox_oldest_age_seconds");
            assertTrue(age >= 300, "the oldest unpublished row is five minutes old: " + age);
            lock.rollback();
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Metrics.scrape().value("beian_outbox_backlog") == 0);
        assertEquals(0, Metrics.scrape().value("beian_outbox_oldest_age_seconds"));
    }

    @Test
    void noLabelLooksLikeAnId() {
        assertEquals(List.of(), Metrics.scrape().idLikeLabels());
    }

    private static void insertRows(int n, java.time.OffsetDateTime at) throws Exception {
        try (Connection c = PostgresTestResource.connect(); PreparedStatement insert = c.prepareStatement("""
                insert into outbox_event (event_id, topic, event_type, aggregate_type, aggregate_id, sequence,
                                          payload, occurred_at)
                values (?, 'beian.platform-test.events.v1', 'thing.created.v1', 'thing', ?, ?, '{}', ?)""")) {
            String aggregate = "metrics-" + UUID.randomUUID();
            for (int i = 1; i <= n; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, aggregate);
                insert.setLong(3, i);
                insert.setObject(4, at);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
