package cn.beian.notification.service;

import cn.beian.notification.config.NotificationConfig;
import cn.beian.notification.domain.Audience;
import cn.beian.notification.domain.Channel;
import cn.beian.notification.domain.DeliveryStatus;
import cn.beian.notification.domain.Notice;
import cn.beian.notification.domain.OrderProjection;
import cn.beian.notification.domain.Recipient;
import cn.beian.notification.domain.WebsiteContact;
import cn.beian.platform.tracing.TraceContext;
import cn.beian.time.BeianClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns a notice into delivery rows inside the caller's transaction (the consumer's, or the police-reminder
 * round's): one per (event, recipient, channel), the same address reached once per event and channel. The
 * insert skips a row the unique key already holds, so a replay writes nothing. Recipients without a mobile or
 * e-mail get an {@code UNDELIVERABLE} row saying what could not be sent.
 */
@ApplicationScoped
public class DeliveryWriter {

    private static final String INSERT = """
            insert into delivery (id, event_id, event_type, kind, account_id, order_id, website_id, channel,
                recipient_role, recipient_key, address, locale, subject, body, sms_template_code, sms_params, urgent,
                status, status_reason, attempts, next_attempt_at, event_at, created_at, updated_at, trace_parent,
                trace_state)
            values (:id, :eventId, :eventType, :kind, :accountId, :orderId, :websiteId, :channel, :role, :key,
                :address, :locale, :subject, :body, :smsCode, :smsParams, :urgent, :status, :reason, 0, :next,
                :eventAt, :now, :now, :traceParent, :traceState)
            on conflict (event_id, recipient_key, channel) do nothing""";

    /** The event a notice comes from. */
    public record Source(String eventId, String eventType, OffsetDateTime eventAt, String orderId) {
    }

    private final MessageTemplates templates;
    private final NotificationConfig config;
    private final BeianClock clock;
    private final ObjectMapper mapper;

    public DeliveryWriter(MessageTemplates templates, NotificationConfig config, BeianClock clock, ObjectMapper mapper) {
        this.templates = templates;
        this.config = config;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** Writes the rows of {@code notice}; answers how many were new. */
    public Uni<Integer> write(Source source, Notice notice, OrderProjection contact, List<WebsiteContact> websites) {
        List<Recipient> recipients = recipients(notice, contact, websites);
        String locale = config.locale();
        Map<Channel, MessageTemplates.Rendered> rendered = new LinkedHashMap<>();
        for (Channel c : notice.channels()) {
            rendered.put(c, templates.render(notice.kind(), c, locale, notice.params()));
        }
        OffsetDateTime now = clock.now();
        String accountId = contact == null ? null : contact.accountId;
        AtomicInteger added = new AtomicInteger();
        TraceContext trace = TraceContext.current();
        return Panache.getSession().chain(session -> Multi.createFrom().iterable(recipients)
                .onItem().transformToUniAndConcatenate(r -> {
                    MessageTemplates.Rendered m = rendered.get(r.channel());
                    boolean missing = r.address() == null;
                    return session.createNativeQuery(INSERT)
                            .setParameter("id", UUID.randomUUID())
                            .setParameter("eventId", source.eventId())
                            .setParameter("eventType", source.eventType())
                            .setParameter("kind", notice.kind())
                            .setParameter("accountId", accountId)
                            .setParameter("orderId", source.orderId())
                            .setParameter("websiteId", r.websiteId())
                            .setParameter("channel", r.channel().name())
                            .setParameter("role", r.role())
                            .setParameter("key", r.key())
                            .setParameter("address", r.address())
                            .setParameter("locale", locale)
                            .setParameter("subject", m.subject())
                            .setParameter("body", m.body())
                            .setParameter("smsCode", m.smsTemplateCode())
                            .setParameter("smsParams", json(m.smsParams()))
                            .setParameter("urgent", notice.urgent())
                            .setParameter("status", (missing ? DeliveryStatus.UNDELIVERABLE : DeliveryStatus.QUEUED).name())
                            .setParameter("reason", missing ? "NO_ADDRESS: the " + r.role() + " has no "
                                    + (r.channel() == Channel.SMS ? "mobile" : "e-mail") : null)
                            .setParameter("next", missing ? null : now)
                            .setParameter("eventAt", source.eventAt())
                            .setParameter("now", now)
                            .setParameter("traceParent", trace.traceParent())
                            .setParameter("traceState", trace.traceState())
                            .executeUpdate()
                            .invoke(added::addAndGet);
                })
                .collect().last()
                .map(ignored -> added.get()));
    }

    /** Who receives {@code notice}, each address once per channel, the missing ones as address-less recipients. */
    static List<Recipient> recipients(Notice notice, OrderProjection contact, List<WebsiteContact> websites) {
        List<Recipient> all = new ArrayList<>();
        if (notice.audience().contains(Audience.ACCOUNT)) {
            all.add(new Recipient("account", Channel.EMAIL, blankToNull(contact == null ? null : contact.accountEmail),
                    null));
        }
        if (notice.audience().contains(Audience.SUBJECT_PRINCIPAL)) {
            all.add(new Recipient("subject-principal", Channel.SMS,
                    blankToNull(contact == null ? null : contact.principalMobile), null));
            all.add(new Recipient("subject-principal", Channel.EMAIL,
                    blankToNull(contact == null ? null : contact.principalEmail), null));
        }
        if (notice.audience().contains(Audience.WEBSITE_PRINCIPAL)) {
            for (WebsiteContact w : websites) {
                if (notice.websiteId() != null && !notice.websiteId().equals(w.websiteId)) {
                    continue;
                }
                all.add(new Recipient("website-principal", Channel.SMS, blankToNull(w.principalMobile), w.websiteId));
                all.add(new Recipient("website-principal", Channel.EMAIL, blankToNull(w.principalEmail), w.websiteId));
            }
        }
        Map<String, Recipient> unique = new LinkedHashMap<>();
        for (Recipient r : all) {
            if (notice.channels().contains(r.channel())) {
                unique.putIfAbsent(r.channel() + "|" + r.key(), r);
            }
        }
        return List.copyOf(unique.values());
    }

    private String json(Map<String, String> params) {
        if (params.isEmpty()) {
            return null;
        }
        try {
            return mapper.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
