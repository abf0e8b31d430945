package cn.beian.notification.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The SMS delivery reports' bookkeeping (in the caller's transaction): where the reading of the provider's report
 * log stands, each report recorded on its delivery, a mobile's latest reports, and the mobiles announced undeliverable.
 */
@ApplicationScoped
public class SmsReportRepository {

    /** An SMS delivery as a report finds it. */
    public record ReportedSms(UUID id, String accountId, String address, OffsetDateTime reportedAt) {
    }

    /** One of a mobile's latest reported SMS. */
    public record Outcome(String status, String errorCode) {
    }

    /** Where the reading of the provider's report log stands (empty: at its start); creates the row the first time. */
    public Uni<Optional<String>> position(String provider, OffsetDateTime now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into sms_report_cursor (provider, position, updated_at) values (:provider, null, :now)
                        on conflict (provider) do nothing""")
                .setParameter("provider", provider).setParameter("now", now).executeUpdate()
                .chain(() -> s.createNativeQuery("""
                                select coalesce(position, '') from sms_report_cursor where provider = :provider""",
                                String.class)
                        .setParameter("provider", provider).getSingleResult()))
                .map(p -> p.isEmpty() ? Optional.empty() : Optional.of(p));
    }

    /**
     * Locks the reading position until the transaction ends and answers whether it still stands at {@code expected}
     * (null: the start); false when another replica moved it on meanwhile.
     */
    public Uni<Boolean> lockAt(String provider, String expected) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select coalesce(position, '') from sms_report_cursor where provider = :provider for update""",
                        String.class)
                .setParameter("provider", provider).getSingleResult())
                .map(p -> p.equals(expected == null ? "" : expected));
    }

    public Uni<Void> savePosition(String provider, String position, OffsetDateTime now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update sms_report_cursor set position = :position, updated_at = :now where provider = :provider""")
                .setParameter("position", position).setParameter("now", now).setParameter("provider", provider)
                .executeUpdate()).replaceWithVoid();
    }

    /** The SMS delivery with this id, if there is one. */
    public Uni<Optional<ReportedSms>> sms(UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select id, account_id, address, provider_reported_at from delivery
                         where id = :id and channel = 'SMS'""", Object[].class)
                .setParameter("id", id).getResultList())
                .map(rows -> rows.stream().findFirst().map(r -> new ReportedSms((UUID) r[0], (String) r[1],
                        (String) r[2], (OffsetDateTime) r[3])));
    }

    /** Records the report on the delivery unless one is recorded already; answers whether it was. */
    public Uni<Boolean> record(UUID id, String status, String errorCode, OffsetDateTime reportedAt,
            OffsetDateTime now) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update delivery set provider_status = :status, provider_error = :error,
                               provider_reported_at = :reportedAt, updated_at = :now
                         where id = :id and provider_reported_at is null""")
                .setParameter("status", status).setParameter("error", errorCode)
                .setParameter("reportedAt", reportedAt).setParameter("now", now).setParameter("id", id)
                .executeUpdate()).map(n -> n > 0);
    }

    /** The latest {@code limit} reported SMS of the account to this address, newest (last queued) first. */
    public Uni<List<Outcome>> latest(String accountId, String address, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select provider_status, coalesce(provider_error, '') from delivery
                         where channel = 'SMS' and account_id = :account and address = :address
                           and provider_status is not null
                         order by seq desc limit :limit""", Object[].class)
                .setParameter("account", accountId).setParameter("address", address).setParameter("limit", limit)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Outcome((String) r[0],
                        ((String) r[1]).isEmpty() ? null : (String) r[1])).toList());
    }

    /** Records the mobile as announced undeliverable; answers whether it was not already. */
    public Uni<Boolean> markUndeliverable(String accountId, String mobileKey, String errorCode, OffsetDateTime at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into undeliverable_mobile (account_id, mobile_key, error_code, detected_at)
                        values (:account, :key, :error, :at) on conflict (account_id, mobile_key) do nothing""")
                .setParameter("account", accountId).setParameter("key", mobileKey).setParameter("error", errorCode)
                .setParameter("at", at).executeUpdate()).map(n -> n > 0);
    }

    /** Forgets that the mobile was announced undeliverable (an SMS to it was delivered); answers whether it was. */
    public Uni<Boolean> deliveredAgain(String accountId, String mobileKey) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        delete from undeliverable_mobile where account_id = :account and mobile_key = :key""")
                .setParameter("account", accountId).setParameter("key", mobileKey).executeUpdate()).map(n -> n > 0);
    }
}
