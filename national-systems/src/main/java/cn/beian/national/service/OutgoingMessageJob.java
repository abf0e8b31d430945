package cn.beian.national.service;

import cn.beian.contract.privacy.Masking;
import cn.beian.national.domain.OutgoingMessage;
import cn.beian.platform.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Delivers {@link OutgoingMessage}s (SMS through the gateway, e-mail through SMTP) after their transaction committed:
 * every few seconds, and at once when a request or a decision has just queued some ({@link #kick()}). Rows are claimed for a minute with {@code FOR UPDATE SKIP LOCKED}, so replicas never send the same row at once and a
 * replica that dies mid-send leaves it to be retried (at-least-once). Failures back off; secret bodies (codes,
 * passwords) are wiped once sent.
 */
@ApplicationScoped
public class OutgoingMessageJob {

    private static final Logger LOG = Logger.getLogger(OutgoingMessageJob.class);
    static final String SIGN_NAME = "工信部ICP备案";

    private static final String CLAIM = """
            update outgoing_message set next_attempt_at = now() + interval '60 seconds', attempts = attempts + 1
            where id in (select id from outgoing_message where sent_at is null and next_attempt_at <= now()
                         order by created_at limit 20 for update skip locked)
            returning id, channel, recipient, subject, body, template_code, template_param""";
    private static final String SENT = """
            update outgoing_message set sent_at = now(), last_error = null,
              body = case when secret then null else body end,
              template_param = case when secret then null else template_param end
            where id = $1""";
    private static final String FAILED = """
            update outgoing_message set last_error = $2,
              next_attempt_at = now() + least(attempts * 5, 300) * interval '1 second'
            where id = $1""";

    private final Pool pool;
    private final SmsGatewayClient sms;
    private final ReactiveMailer mailer;
    private final Json json;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public OutgoingMessageJob(Pool pool, @RestClient SmsGatewayClient sms, ReactiveMailer mailer, Json json) {
        this.pool = pool;
        this.sms = sms;
        this.mailer = mailer;
        this.json = json;
    }

    @Scheduled(identity = "national-outgoing-messages", every = "${beian.national.scheduler.every:2s}",
            delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> round() {
        kick();
        return Uni.createFrom().voidItem();
    }

    /** Starts a delivery round now (or right after the running one): one round at a time in this replica. */
    public void kick() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            again.set(false);
            dispatch().subscribe().with(n -> finished(), e -> {
                LOG.warnf("Delivery round failed, will retry: %s", e.toString());
                finished();
            });
        }
    }

    private void finished() {
        running.set(false);
        if (again.get()) {
            kick();
        }
    }

    /** One round: claims due messages and sends them; answers how many were sent. */
    public Uni<Integer> dispatch() {
        return pool.withTransaction(c -> c.query(CLAIM).execute()).chain(rows -> {
            List<Row> claimed = new ArrayList<>();
            rows.forEach(claimed::add);
            return Multi.createFrom().iterable(claimed)
                    .onItem().transformToUniAndConcatenate(this::deliver)
                    .collect().asList()
                    .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
        });
    }

    private Uni<Boolean> deliver(Row row) {
        UUID id = row.getUUID("id");
        String channel = row.getString("channel");
        String recipient = row.getString("recipient");
        Uni<Void> send;
        if (OutgoingMessage.SMS.equals(channel)) {
            send = sms.send(new SmsGatewayClient.SendRequest(List.of(recipient), SIGN_NAME,
                    row.getString("template_code"), params(row.getString("template_param")), row.getString("body"),
                    id.toString())).replaceWithVoid();
        } else {
            send = mailer.send(Mail.withText(recipient, row.getString("subject"), row.getString("body")));
        }
        return send
                .chain(() -> pool.preparedQuery(SENT).execute(Tuple.of(id)))
                .invoke(() -> LOG.infof("Sent %s %s to %s", channel, id,
                        OutgoingMessage.SMS.equals(channel) ? Masking.mobile(recipient) : Masking.email(recipient)))
                .replaceWith(true)
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("Sending %s %s failed, will retry: %s", channel, id, e.toString());
                    String error = String.valueOf(e.getMessage());
                    return pool.preparedQuery(FAILED)
                            .execute(Tuple.of(id, error.length() > 500 ? error.substring(0, 500) : error))
                            .replaceWith(false);
                });
    }

    private Map<String, String> params(String raw) {
        if (raw == null) {
            return Map.of();
        }
        try {
            return json.read(raw, new TypeReference<Map<String, String>>() {
            });
        } catch (Exception e) {
            return Map.of();
        }
    }
}
