package cn.beian.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One message to one recipient on one channel, unique per (event, recipient, channel). */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    public UUID id;

    /** Written by the database (bigserial): the order of this address's queue (see DeliveryClaims). */
    @Column(insertable = false, updatable = false)
    public long seq;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    public String kind;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "order_id")
    public String orderId;

    @Column(name = "website_id")
    public String websiteId;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Column(name = "recipient_role")
    public String recipientRole;

    @Column(name = "recipient_key")
    public String recipientKey;

    public String address;

    public String locale;

    public String subject;

    public String body;

    @Column(name = "sms_template_code")
    public String smsTemplateCode;

    /** The provider template's parameters as JSON. */
    @Column(name = "sms_params")
    public String smsParams;

    public boolean urgent;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    public int attempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;

    /** When the event that caused it happened (its CloudEvents time). */
    @Column(name = "event_at")
    public OffsetDateTime eventAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** When a dispatcher took it to hand it to the provider. */
    @Column(name = "handed_at")
    public OffsetDateTime handedAt;

    /** When the provider accepted it. */
    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "provider_id")
    public String providerId;

    /**
     * The provider's delivery report of an SMS: {@code DELIVERED} or {@code FAILED} (null until one was read; the
     * {@code log} provider reports nothing), its error code and when it arrived.
     */
    @Column(name = "provider_status")
    public String providerStatus;

    @Column(name = "provider_error")
    public String providerError;

    @Column(name = "provider_reported_at")
    public OffsetDateTime providerReportedAt;

    /** The W3C trace context of the event that queued it (null outside a trace): sending continues that trace. */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "trace_state")
    public String traceState;
}
