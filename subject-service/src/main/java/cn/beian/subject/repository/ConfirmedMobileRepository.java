package cn.beian.subject.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The mobiles each account confirmed ({@code confirmed_mobile}), in the caller's session. */
@ApplicationScoped
public class ConfirmedMobileRepository {

    /** Records a confirmation; an older one than the one kept changes nothing (events may come again). */
    public Uni<Void> confirmed(String accountId, String mobileKey, OffsetDateTime at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into confirmed_mobile (account_id, mobile_key, confirmed_at) values (:account, :key, :at)
                        on conflict (account_id, mobile_key)
                        do update set confirmed_at = greatest(confirmed_mobile.confirmed_at, excluded.confirmed_at)""")
                .setParameter("account", accountId).setParameter("key", mobileKey).setParameter("at", at)
                .executeUpdate()).replaceWithVoid();
    }

    /** Which of {@code keys} the account confirmed after {@code since}. */
    public Uni<Set<String>> confirmedSince(String accountId, List<String> keys, OffsetDateTime since) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select mobile_key from confirmed_mobile
                        where account_id = :account and mobile_key in (:keys) and confirmed_at > :since""", String.class)
                .setParameter("account", accountId).setParameter("keys", keys).setParameter("since", since)
                .getResultList()).map(HashSet::new);
    }
}
