package cn.beian.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event this service applied, kept for operators (what arrived, when, in which order). Holds ids and
 * types only, never the personal data an event may carry.
 */
@Entity
@Table(name = "received_event")
public class ReceivedEvent {

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false, unique = true)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String source;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(name = "order_id")
    public String orderId;

    @Column(nullable = false)
    public long sequence;

    /** Whether this build knows the event type (unknown types are recorded and skipped). */
    @Column(nullable = false)
    public boolean known;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;
}
