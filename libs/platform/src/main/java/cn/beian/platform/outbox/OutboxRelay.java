package cn.beian.platform.outbox;

import static cn.beian.contract.events.CloudEventAttributes.AGGREGATE_ID;
import static cn.beian.contract.events.CloudEventAttributes.AGGREGATE_TYPE;
import static cn.beian.contract.events.CloudEventAttributes.ORDER_ID;
import static cn.beian.contract.events.CloudEventAttributes.SEQUENCE;

import cn.beian.platform.tracing.TraceContext;
import cn.beian.time.BeianClock;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka in insertion order and marks rows sent.
 *
 * <p>Every replica runs the relay, but each round first takes a transaction-scoped PostgreSQL advisory lock:
 * only one replica publishes at a time. It hands a batch's rows to the Kafka producer strictly by id without
 * waiting for each ack (the idempotent producer keeps them in that order per partition, so per-key order holds
 * however many replicas run), then waits for every ack before it marks the batch sent. A replica killed after
 * Kafka's ack but before its commit, or a batch of which only some sends failed, leaves the rows unsent; the next
 * round sends them again, and consumers drop the replay by event id and apply an aggregate's events in sequence
 * order whatever order they arrive in (at-least-once delivery, exactly-once effect).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant works: each service has its own database. */
    private static final long RELAY_LOCK = 0x6265_6961_6e01L;
    /** Events handed to the producer and not yet acknowledged, at most. */
    private static final int IN_FLIGHT = 16;

    private static final String SELECT_BATCH = """
            select id, event_id, topic, event_type, aggregate_type, aggregate_id, order_id, sequence, payload, occurred_at,
                   trace_parent, trace_state
            from outbox_event where published_at is null order by id limit $1""";

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final BeianClock clock;
    private final URI source;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    public OutboxRelay(Pool pool, @Channel("beian-outbox") MutinyEmitter<String> emitter, OutboxConfig config,
            BeianClock clock, MeterRegistry meters) {
        this.clock = clock;
        meters.gauge("beian.outbox.backlog", backlog);
        Gauge.builder("beian.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest unpublished outbox row (0: none): how far the relay lags")
                .register(meters);
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.source = URI.create(config.source());
    }

    /**
     * One guarded round for the scheduler: failures are logged and retried on the next round. Answers how many
     * events it published.
     */
    Uni<Integer> relayRound() {
        // No demand means the Kafka channel is not (or no longer) connected: wait for the next round.
        if (!emitter.hasRequests()) {
            return Uni.createFrom().item(0);
        }
        return Uni.createFrom().deferred(this::publishPending)
                .onFailure().invoke(e -> LOG.warnf("Outbox relay round failed, will retry: %s", e.toString()))
                .onFailure().recoverWithItem(0);
    }

    /**
     * Deletes rows published longer ago than the retention. Measured on the database's clock, which stamped
     * {@code published_at}: the business clock may be moved (tests, replays) and would purge rows just published.
     */
    Uni<Void> purge() {
        return pool.preparedQuery("delete from outbox_event where published_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.retention().toSeconds()))
                .invoke(rs -> LOG.debugf("Purged %d published outbox rows", rs.rowCount()))
                .replaceWithVoid();
    }

    /** Reads the outbox gauges: unpublished rows and the age of the oldest (on the business clock it was written by). */
    Uni<Void> refreshGauges() {
        return pool.query("select count(*), min(occurred_at) from outbox_event where published_at is null").execute()
                .invoke(rs -> {
                    Row row = rs.iterator().next();
                    backlog.set(row.getLong(0));
                    OffsetDateTime oldest = row.getOffsetDateTime(1);
                    oldestAgeSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.now()).toSeconds()));
                })
                .replaceWithVoid();
    }

    /** One relay round; answers how many events it published (0 when another replica holds the lock). */
    public Uni<Integer> publishPending() {
        return pool.withTransaction(conn -> conn.preparedQuery("select pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(RELAY_LOCK))
                .chain(rs -> rs.iterator().next().getBoolean(0) ? publishBatch(conn) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishBatch(SqlConnection conn) {
        return conn.preparedQuery(SELECT_BATCH).execute(Tuple.of(config.batchSize())).chain(rows -> {
            List<Row> batch = new ArrayList<>();
            rows.forEach(batch::add);
            if (batch.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            Long[] ids = batch.stream().map(r -> r.getLong("id")).toArray(Long[]::new);
            // Subscribed (so handed to the producer) in id order, a window of them in flight, acknowledged in any
            // order; all must be. The window stays within what the channel's sink asks for at once.
            return Multi.createFrom().iterable(batch)
                    .onItem().transformToUni(this::send).merge(IN_FLIGHT)
                    .collect().last()
                    .chain(() -> conn.preparedQuery("update outbox_event set published_at = now() where id = any($1)")
                            .execute(Tuple.of(ids)))
                    .invoke(() -> LOG.debugf("Published %d outbox events", batch.size()))
                    .replaceWith(batch.size());
        });
    }

    private Uni<Void> send(Row row) {
        String aggregateId = row.getString("aggregate_id");
        OutgoingCloudEventMetadataBuilder<Object> ce = OutgoingCloudEventMetadata.builder()
                .withId(row.getUUID("event_id").toString())
                .withSource(source)
                .withType(row.getString("event_type"))
                .withSubject(aggregateId)
                .withDataContentType("application/json")
                .withTimestamp(row.getOffsetDateTime("occurred_at").toZonedDateTime())
                .withExtension(AGGREGATE_ID, aggregateId)
                .withExtension(AGGREGATE_TYPE, row.getString("aggregate_type"))
                .withExtension(SEQUENCE, String.valueOf(row.getLong("sequence")));
        String orderId = row.getString("order_id");
        if (orderId != null) {
            ce.withExtension(ORDER_ID, orderId);
        }
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(aggregateId)
                .build();
        // The connector's tracing starts its publish span as a child of the writing transaction's context and sends
        // that span's traceparent/tracestate as Kafka headers: the consumers continue the same trace.
        TracingMetadata trace = TracingMetadata.withCurrent(
                new TraceContext(row.getString("trace_parent"), row.getString("trace_state")).toContext());
        return emitter.sendMessage(Message.of(row.getString("payload")).addMetadata(ce.build()).addMetadata(kafka)
                .addMetadata(trace));
    }
}
