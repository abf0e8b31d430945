package cn.beian.notification.service;

import cn.beian.notification.config.NotificationConfig;
import cn.beian.notification.domain.SmsReport;
import cn.beian.time.BeianClock;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code dysms-http} provider: POSTs each SMS to a Dysms-shaped HTTP API ({@code quarkus.rest-client.sms.url})
 * with the API key as a bearer token. 4xx answers (bad number, template, key) are permanent, except 429; 5xx and
 * connection errors are retried.
 */
public class HttpSmsProvider implements SmsProvider {

    private final SmsApi api;
    private final NotificationConfig config;

    public HttpSmsProvider(SmsApi api, NotificationConfig config) {
        this.api = api;
        this.config = config;
    }

    @Override
    public Uni<String> send(String mobile, String templateCode, Map<String, String> params, String text,
            String outId) {
        return api.send("Bearer " + config.sms().apiKey(), new SmsApi.SendRequest(List.of(mobile),
                        config.sms().signName(), templateCode, params, text, outId))
                .onFailure().transform(HttpSmsProvider::classify)
                .map(r -> {
                    if (!"OK".equals(r.code())) {
                        throw new SendFailure("SMS provider answered " + r.code() + ": " + r.message(), true);
                    }
                    return r.messageIds() != null && !r.messageIds().isEmpty() ? r.messageIds().get(0) : r.bizId();
                });
    }

    @Override
    public Uni<Optional<String>> accepted(String mobile, String outId) {
        return api.sent("Bearer " + config.sms().apiKey(), mobile, outId)
                .onFailure().transform(HttpSmsProvider::classify)
                .map(list -> list.stream().filter(m -> outId.equals(m.outId())).map(SmsApi.SentMessage::id)
                        .findFirst());
    }

    @Override
    public Uni<Optional<ReportPage>> reports(String after, int limit) {
        return api.reports("Bearer " + config.sms().apiKey(), after, limit)
                .onFailure().transform(HttpSmsProvider::classify)
                .map(page -> Optional.of(new ReportPage(page.reports() == null ? List.of()
                        : page.reports().stream().map(r -> new SmsReport(r.messageId(), r.outId(), r.phone(),
                                r.status(), r.errorCode(), r.reportedAt() == null ? null
                                        : r.reportedAt().atZone(BeianClock.CHINA).toOffsetDateTime())).toList(),
                        page.next() == null ? after : page.next())));
    }

    private static Throwable classify(Throwable t) {
        if (t instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            boolean permanent = status >= 400 && status < 500 && status != 429 && status != 408;
            String body = "";
            try {
                body = w.getResponse().readEntity(String.class);
            } catch (RuntimeException ignored) {
                // the status says enough
            }
            return new SendFailure("SMS provider answered HTTP " + status + " " + field(body, "code") + ": "
                    + abbreviate(field(body, "detail")), permanent);
        }
        return new SendFailure("SMS provider unreachable: " + t, false);
    }

    /** A string member of the provider's JSON error body (Dysms: {@code code}, {@code message}). */
    private static String field(String body, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body == null ? "" : body);
        return m.find() ? m.group(1) : "";
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
    }
}
