package cn.beian.notification.service;

import cn.beian.contract.privacy.Masking;
import cn.beian.notification.config.NotificationConfig;
import cn.beian.notification.domain.Channel;
import cn.beian.notification.domain.Delivery;
import cn.beian.notification.domain.DeliveryStatus;
import cn.beian.platform.tracing.TraceContext;
import cn.beian.platform.tracing.Traced;
import cn.beian.time.BeianClock;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends what the consumers queued, after their transactions committed: woken right after each applied event and
 * every {@code beian.notification.dispatch.interval} in every replica; several workers per replica, kept apart (as
 * replicas are) by skip-locked claims. A batch holds at most one message per address (the head of that address's
 * queue, see {@link DeliveryClaims}), so one address's messages go in order and several addresses at once. E-mail through
 * {@code quarkus-mailer} (SMTP), SMS through the configured {@link SmsProvider}.
 *
 * <p>Woken, not a {@code @Scheduled} job: the wake-up after each event's commit keeps a message milliseconds from its
 * event, and the interval is only the net for retries and other replicas' rows. It stays a Vert.x timer because
 * Quarkus' scheduler checks its triggers once a second: an interval under a second (the tests' 200 ms) would
 * silently become one.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };

    /** What a round did. */
    public record Round(int sent, int failed) {
    }

    private final DeliveryClaims claims;
    private final ReactiveMailer mailer;
    private final SmsProvider sms;
    private final NotificationConfig config;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final MeterRegistry meters;
    private final Tracer tracer;
    private final BeianClock clock;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long timer = -1;

    public DeliveryDispatcher(DeliveryClaims claims, ReactiveMailer mailer, SmsProvider sms, NotificationConfig config,
            ObjectMapper mapper, Vertx vertx, MeterRegistry meters, BeianClock clock, Tracer tracer) {
        this.tracer = tracer;
        this.clock = clock;
        this.claims = claims;
        this.mailer = mailer;
        this.sms = sms;
        this.config = config;
        this.mapper = mapper;
        this.vertx = vertx;
        this.meters = meters;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.dispatch().enabled()) {
            timer = vertx.setPeriodic(config.dispatch().interval().toMillis(), id -> wake());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /**
     * Starts a worker now if fewer than {@code dispatch.workers} run, else makes sure one looks again when it ends.
     * Workers claim disjoint rows (skip locked), so several keep the pipeline full while others wait on providers.
     */
    public void wake() {
        if (!config.dispatch().enabled()) {
            return;
        }
        pending.set(true);
        int n;
        do {
            n = active.get();
            if (n >= config.dispatch().workers()) {
                return;
            }
        } while (!active.compareAndSet(n, n + 1));
        pending.set(false);
        // Hibernate Reactive wants a safe duplicated context of its own, as a request has.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(v -> runRound().subscribe().with(
                r -> finished(),
                e -> {
                    LOG.warnf("Dispatch round failed, will retry: %s", e.toString());
                    finished();
                }));
    }

    private void finished() {
        active.decrementAndGet();
        if (pending.get()) {
            wake();
        }
    }

    /** Claims and sends batches until nothing is due. */
    public Uni<Round> runRound() {
        return batch(new Round(0, 0));
    }

    private Uni<Round> batch(Round sofar) {
        int size = config.dispatch().batchSize();
        return claims.claim(size).chain(rows -> {
            if (rows.isEmpty()) {
                return Uni.createFrom().item(sofar);
            }
            // Sending touches no database; the outcomes are written together afterwards, in one transaction.
            return Multi.createFrom().iterable(rows)
                    .onItem().transformToUni(this::sendOne)
                    .merge(config.dispatch().concurrency())
                    .collect().asList()
                    .chain(outcomes -> claims.complete(outcomes).map(statuses -> {
                        int sent = 0;
                        for (int i = 0; i < outcomes.size(); i++) {
                            DeliveryClaims.Outcome o = outcomes.get(i);
                            // A delivery queued again after a provider failure is a retry.
                            record(o.delivery(), statuses.get(i) == DeliveryStatus.QUEUED ? "retried"
                                    : statuses.get(i).name().toLowerCase());
                            if (o.failure() == null) {
                                sent++;
                            }
                        }
                        return new Round(sofar.sent() + sent, sofar.failed() + outcomes.size() - sent);
                    }))
                    .chain(this::batch);
        });
    }

    private Uni<DeliveryClaims.Outcome> sendOne(Delivery d) {
        // A span of the trace that queued the delivery (the order's), never made current: a round sends several
        // deliveries at once on one context. It names the channel and the kind, never the address.
        Span span = tracer.spanBuilder("send " + d.channel.name().toLowerCase() + " " + d.kind)
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(new TraceContext(d.traceParent, d.traceState).toContext())
                .setAttribute("beian.delivery.channel", d.channel.name())
                .setAttribute(Traced.ORDER_ATTRIBUTE, d.orderId == null ? "" : d.orderId)
                .startSpan();
        Uni<String> send = d.channel == Channel.EMAIL ? email(d) : sms(d);
        return send.onItemOrFailure().invoke((providerId, failure) -> {
            if (failure != null) {
                span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            }
            span.end();
        }).onItemOrFailure().transform((providerId, failure) -> {
            if (failure == null) {
                return new DeliveryClaims.Outcome(d, providerId, null);
            }
            SendFailure f = failure instanceof SendFailure sf ? sf : new SendFailure(failure.toString(), false);
            LOG.warnf("Delivery %s (%s to %s) failed: %s", d.id, d.channel, mask(d), f.getMessage());
            return new DeliveryClaims.Outcome(d, null, f);
        });
    }

    private Uni<String> email(Delivery d) {
        Mail mail = Mail.withText(d.address, d.subject, d.body).addHeader("X-Beian-Delivery", d.id.toString())
                .addHeader("X-Beian-Kind", d.kind);
        return mailer.send(mail).replaceWith(d.id.toString())
                .onFailure().transform(t -> new SendFailure("SMTP: " + t.getMessage(), false));
    }

    private Uni<String> sms(Delivery d) {
        Map<String, String> params;
        try {
            params = d.smsParams == null ? Map.of() : mapper.readValue(d.smsParams, PARAMS);
        } catch (Exception e) {
            return Uni.createFrom().failure(new SendFailure("unreadable SMS parameters", true));
        }
        Uni<String> send = Uni.createFrom().deferred(() -> sms.send(d.address, d.smsTemplateCode, params, d.body,
                d.id.toString()));
        if (d.status != DeliveryStatus.SENDING) {
            return send;
        }
        // Claimed again after its lease ran out: the dispatcher that held it died, maybe after the provider took it.
        return sms.accepted(d.address, d.id.toString())
                .chain(found -> found.isPresent() ? Uni.createFrom().item(found.get()) : send);
    }

    private void record(Delivery d, String outcome) {
        meters.counter("beian.notification.deliveries", "channel", d.channel.name(), "outcome", outcome).increment();
        if (d.eventAt != null && "sent".equals(outcome)) {
            Timer.builder("beian.notification.event-to-provider").tag("channel", d.channel.name())
                    .publishPercentiles(0.5, 0.99).register(meters)
                    .record(Duration.between(d.eventAt.toInstant(), clock.instant()));
        }
    }

    private static String mask(Delivery d) {
        return d.channel == Channel.SMS ? Masking.mobile(d.address) : Masking.email(d.address);
    }
}
