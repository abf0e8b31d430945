package cn.beian.website.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/** The mobiles of each account that no longer receive SMS ({@code undeliverable_mobile}), in the caller's session. */
@ApplicationScoped
public class UndeliverableMobileRepository {

    /**
     * Records a mobile found undeliverable, unless the account confirmed it at or after that moment (the confirmation
     * came first); a report again keeps the newest detection. Answers whether the mobile is now recorded.
     */
    public Uni<Boolean> undeliverable(String accountId, String mobileKey, String errorCode, OffsetDateTime at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into undeliverable_mobile (account_id, mobile_key, error_code, detected_at)
                        select cast(:account as text), cast(:key as text), cast(:code as text),
                               cast(:at as timestamptz)
                         where not exists (select 1 from confirmed_mobile c where c.account_id = :account
                                             and c.mobile_key = :key and c.confirmed_at >= cast(:at as timestamptz))
                        on conflict (account_id, mobile_key) do update
                           set error_code = case when excluded.detected_at >= undeliverable_mobile.detected_at
                                                 then excluded.error_code else undeliverable_mobile.error_code end,
                               detected_at = greatest(undeliverable_mobile.detected_at, excluded.detected_at)""")
                .setParameter("account", accountId).setParameter("key", mobileKey).setParameter("code", errorCode)
                .setParameter("at", at).executeUpdate()).map(n -> n > 0);
    }

    /** Clears a mobile detected undeliverable before (or when) the account confirmed it; answers whether one was. */
    public Uni<Boolean> confirmed(String accountId, String mobileKey, OffsetDateTime confirmedAt) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        delete from undeliverable_mobile
                         where account_id = :account and mobile_key = :key and detected_at <= :at""")
                .setParameter("account", accountId).setParameter("key", mobileKey).setParameter("at", confirmedAt)
                .executeUpdate()).map(n -> n > 0);
    }

    /**
     * The account's mobiles that no longer receive SMS: each key with the provider's reason ("" when none was given);
     * an account has a handful at most.
     */
    public Uni<Map<String, String>> ofAccount(String accountId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select mobile_key, coalesce(error_code, '') from undeliverable_mobile
                         where account_id = :account""", Object[].class)
                .setParameter("account", accountId).getResultList()).map(rows -> {
                    Map<String, String> out = new HashMap<>();
                    rows.forEach(r -> out.put((String) r[0], (String) r[1]));
                    return out;
                });
    }
}
