package cn.beian.notification.service;

import cn.beian.notification.config.NotificationConfig;
import cn.beian.notification.domain.Channel;
import cn.beian.notification.domain.Delivery;
import cn.beian.notification.domain.DeliveryStatus;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The dispatcher's transactions. A claim takes due rows with {@code for update skip locked}, so replicas never
 * take the same row, and marks each SENDING with a lease (a dispatcher that dies mid-send leaves its rows to be
 * claimed again when the lease ends), or holds a non-urgent SMS for quiet hours, or suppresses an SMS over its
 * number's rate limit. Each address is taken with a per-address advisory lock and skipped while another dispatcher
 * is still sending to it, so one address's messages go out in order and replicas cannot both slip past a rate limit.
 */
@ApplicationScoped
public class DeliveryClaims {

    private static final String DUE = """
            select * from delivery
            where ((status in ('QUEUED', 'DEFERRED') and next_attempt_at <= :now)
                or (status = 'SENDING' and lease_until < :now))
            order by next_attempt_at, created_at limit :limit for update skip locked""";
    /**
     * Takes the address for this transaction (a per-address advisory lock, try only: a busy address is left for the
     * next round) and checks no other dispatcher is still sending to it, so each address's messages go in order.
     */
    private static final String TAKE_ADDRESS = """
            select case when pg_try_advisory_xact_lock(hashtext(:k)) then (select count(*) from delivery
                where channel = :c and address = :a and status = 'SENDING' and lease_until >= :now) else -1 end""";
    private static final String HANDED = """
            select count(*) filter (where handed_at > :hour), count(*) from delivery
            where channel = 'SMS' and address = :a and status in ('SENDING', 'SENT') and handed_at > :day""";
    private static final String SENT_IN_BULK = """
            update delivery set status = 'SENT', status_reason = null, lease_until = null, sent_at = :now,
                updated_at = :now where id in (:ids)""";
    private static final String MARK = """
            update delivery set status = :status, status_reason = :reason, attempts = attempts + :inc,
                next_attempt_at = :next, lease_until = :lease, handed_at = coalesce(:handed, handed_at),
                sent_at = coalesce(:sent, sent_at), provider_id = coalesce(:provider, provider_id), updated_at = :now
            where id = :id""";

    private final NotificationConfig config;
    private final QuietHours quietHours;
    private final BeianClock clock;

    public DeliveryClaims(NotificationConfig config, QuietHours quietHours, BeianClock clock) {
        this.config = config;
        this.quietHours = quietHours;
        this.clock = clock;
    }

    /** Claims up to {@code limit} due rows; answers those to send now (marked SENDING). */
    @WithTransaction
    public Uni<List<Delivery>> claim(int limit) {
        OffsetDateTime now = clock.nowInChina();
        List<Delivery> toSend = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        return Panache.getSession().chain(s -> s.createNativeQuery(DUE, Delivery.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList()
                .chain(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(d -> take(s, d, now, taken)
                                .chain(ok -> ok ? decide(s, d, now) : Uni.createFrom().item(false))
                                .invoke(send -> {
                                    if (send) {
                                        toSend.add(d);
                                    }
                                }))
                        .collect().last()
                        .map(ignored -> toSend)));
    }

    private Uni<Boolean> take(Mutiny.Session s, Delivery d, OffsetDateTime now, Set<String> taken) {
        String key = d.channel + "|" + d.address;
        if (taken.contains(key)) {
            return Uni.createFrom().item(true);
        }
        return s.createNativeQuery(TAKE_ADDRESS, Long.class).setParameter("k", key)
                .setParameter("c", d.channel.name()).setParameter("a", d.address).setParameter("now", now)
                .getSingleResult()
                .map(busy -> {
                    if (busy != 0) {
                        return false;
                    }
                    taken.add(key);
                    return true;
                });
    }

    private Uni<Boolean> decide(Mutiny.Session s, Delivery d, OffsetDateTime now) {
        if (d.channel != Channel.SMS) {
            return sending(s, d, now);
        }
        if (!d.urgent && quietHours.holds(now)) {
            OffsetDateTime until = quietHours.end(now);
            return mark(s, d.id, DeliveryStatus.DEFERRED, "QUIET_HOURS: held until " + until, 0, until, null, null,
                    null, null, now).replaceWith(false);
        }
        return s.createNativeQuery(HANDED, Object[].class).setParameter("a", d.address)
                .setParameter("hour", now.minusHours(1)).setParameter("day", now.minusDays(1)).getSingleResult()
                .chain(counts -> {
                    long lastHour = ((Number) counts[0]).longValue();
                    long lastDay = ((Number) counts[1]).longValue();
                    String over = lastHour >= config.sms().perNumberPerHour()
                            ? config.sms().perNumberPerHour() + " per hour"
                            : lastDay >= config.sms().perNumberPerDay() ? config.sms().perNumberPerDay() + " per day"
                            : null;
                    if (over != null) {
                        return mark(s, d.id, DeliveryStatus.SUPPRESSED, "RATE_LIMIT: this number already had " + over,
                                0, null, null, null, null, null, now).replaceWith(false);
                    }
                    return sending(s, d, now);
                });
    }

    private Uni<Boolean> sending(Mutiny.Session s, Delivery d, OffsetDateTime now) {
        return mark(s, d.id, DeliveryStatus.SENDING, d.statusReason, 1, null, now.plus(config.dispatch().lease()), now,
                null, null, now).replaceWith(true);
    }

    /** What sending one message came to: a provider id, or the failure. */
    public record Outcome(Delivery delivery, String providerId, SendFailure failure) {
    }

    /**
     * Records what a batch's sends came to: SENT; or, on failure, QUEUED again with exponential back-off, or
     * FAILED when the refusal is permanent or the attempts are used up. Answers each row's new status.
     */
    @WithTransaction
    public Uni<List<DeliveryStatus>> complete(List<Outcome> outcomes) {
        OffsetDateTime now = clock.nowInChina();
        List<UUID> plain = outcomes.stream().filter(o -> o.failure() == null && o.delivery().channel == Channel.EMAIL)
                .map(o -> o.delivery().id).toList();
        return Panache.getSession().chain(s -> (plain.isEmpty() ? Uni.createFrom().item(0)
                : s.createNativeQuery(SENT_IN_BULK).setParameter("now", now).setParameter("ids", plain).executeUpdate())
                .chain(() -> Multi.createFrom().iterable(outcomes)
                .onItem().transformToUniAndConcatenate(o -> {
                    if (o.failure() == null && o.delivery().channel == Channel.EMAIL) {
                        return Uni.createFrom().item(DeliveryStatus.SENT);
                    }
                    if (o.failure() == null) {
                        return mark(s, o.delivery().id, DeliveryStatus.SENT, null, 0, null, null, null, now,
                                o.providerId(), now).replaceWith(DeliveryStatus.SENT);
                    }
                    Delivery d = o.delivery();
                    int attempts = d.attempts + 1;
                    String reason = abbreviate("attempt " + attempts + ": " + o.failure().getMessage());
                    if (o.failure().permanent() || attempts >= config.dispatch().maxAttempts()) {
                        return mark(s, d.id, DeliveryStatus.FAILED, reason, 0, null, null, null, null, null, now)
                                .replaceWith(DeliveryStatus.FAILED);
                    }
                    OffsetDateTime next = now.plus(backoff(attempts));
                    return mark(s, d.id, DeliveryStatus.QUEUED, reason, 0, next, null, null, null, null, now)
                            .replaceWith(DeliveryStatus.QUEUED);
                })
                .collect().asList()));
    }

    /** The delay before retry {@code attempts}: {@code backoff × 2^(attempts-1)}, at most {@code max-backoff}. */
    Duration backoff(int attempts) {
        Duration delay = config.dispatch().backoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(config.dispatch().maxBackoff()) > 0 ? config.dispatch().maxBackoff() : delay;
    }

    private static Uni<Integer> mark(Mutiny.Session s, UUID id, DeliveryStatus status, String reason, int inc,
            OffsetDateTime next, OffsetDateTime lease, OffsetDateTime handed, OffsetDateTime sent, String provider,
            OffsetDateTime now) {
        return s.createNativeQuery(MARK)
                .setParameter("status", status.name())
                .setParameter("reason", reason)
                .setParameter("inc", inc)
                .setParameter("next", next)
                .setParameter("lease", lease)
                .setParameter("handed", handed)
                .setParameter("sent", sent)
                .setParameter("provider", provider)
                .setParameter("now", now)
                .setParameter("id", id)
                .executeUpdate();
    }

    private static String abbreviate(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }
}
