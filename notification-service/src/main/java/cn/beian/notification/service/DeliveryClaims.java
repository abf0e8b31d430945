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
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The dispatcher's transactions. Each address (per channel) is a queue: a claim takes only the head of each queue,
 * the oldest row to that address still waiting, and only when the head is due, with {@code for update skip locked}
 * so replicas never take the same row. A later message to the address waits until the head is sent or has failed
 * for good, through retries, back-off and a dispatcher that died mid-send (its lease runs out and the head is taken
 * again), so an applicant never reads "photo approved" before "initial review passed". With one row per address in
 * flight, replicas cannot both slip past an SMS rate limit either.
 *
 * <p>A claimed head is marked SENDING with a lease; a non-urgent SMS during quiet hours is held as DEFERRED (unless
 * an urgent message waits behind it: then both go now, in order, rather than the urgent one waiting for the
 * morning); an SMS over its number's rate limit is SUPPRESSED.
 */
@ApplicationScoped
public class DeliveryClaims {

    /** Pending: still to be sent. Every other status is final. */
    private static final String DUE = """
            select d.* from delivery d
            where ((d.status = 'QUEUED' and d.next_attempt_at <= :now)
                or (d.status = 'DEFERRED' and (d.next_attempt_at <= :now or exists (select 1 from delivery u
                    where u.channel = d.channel and u.address = d.address and u.seq > d.seq and u.urgent
                      and u.status in ('QUEUED', 'DEFERRED'))))
                or (d.status = 'SENDING' and d.lease_until < :now))
              and not exists (select 1 from delivery e
                where e.channel = d.channel and e.address = d.address and e.seq < d.seq
                  and e.status in ('QUEUED', 'DEFERRED', 'SENDING'))
            order by d.seq limit :limit for update of d skip locked""";
    private static final String URGENT_BEHIND = """
            select count(*) from delivery
            where channel = :c and address = :a and seq > :seq and urgent and status in ('QUEUED', 'DEFERRED')""";
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
        OffsetDateTime now = clock.now();
        List<Delivery> toSend = new ArrayList<>();
        return Panache.getSession().chain(s -> s.createNativeQuery(DUE, Delivery.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList()
                .chain(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(d -> decide(s, d, now)
                                .invoke(send -> {
                                    if (send) {
                                        toSend.add(d);
                                    }
                                }))
                        .collect().last()
                        .map(ignored -> toSend)));
    }

    private Uni<Boolean> decide(Mutiny.Session s, Delivery d, OffsetDateTime now) {
        if (d.channel != Channel.SMS) {
            return sending(s, d, now);
        }
        if (!d.urgent && quietHours.holds(now)) {
            return s.createNativeQuery(URGENT_BEHIND, Long.class).setParameter("c", d.channel.name())
                    .setParameter("a", d.address).setParameter("seq", d.seq).getSingleResult()
                    .chain(urgentBehind -> urgentBehind > 0 ? withinRateLimit(s, d, now) : defer(s, d, now));
        }
        return withinRateLimit(s, d, now);
    }

    private Uni<Boolean> defer(Mutiny.Session s, Delivery d, OffsetDateTime now) {
        OffsetDateTime until = quietHours.end(now);
        return mark(s, d.id, DeliveryStatus.DEFERRED, "QUIET_HOURS: held until " + until, 0, until, null, null,
                null, null, now).replaceWith(false);
    }

    private Uni<Boolean> withinRateLimit(Mutiny.Session s, Delivery d, OffsetDateTime now) {
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
        OffsetDateTime now = clock.now();
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
