package cn.beian.notification.repository;

import cn.beian.notification.domain.MobileConfirmation;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MobileConfirmationRepository implements PanacheRepositoryBase<MobileConfirmation, UUID> {

    // The account's lock first, then the mobile's: every request takes them in this order.
    private static final String LOCK = """
            select count(*) from (select pg_advisory_xact_lock(hashtext('mobile-confirmation-account'),
                                                               hashtext(:account)),
                                         pg_advisory_xact_lock(hashtext('mobile-confirmation-mobile'),
                                                               hashtext(:mobile))) l""";

    /**
     * Serialises, until the caller's transaction ends, everyone asking for a code for this mobile or this account, so
     * that two requests at once cannot both slip under a limit.
     */
    public Uni<Void> lock(String mobileKey, String accountId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(LOCK)
                .setParameter("account", accountId).setParameter("mobile", mobileKey).getSingleResult())
                .replaceWithVoid();
    }

    /** The creation times of the codes sent to this mobile since {@code since}, newest first. */
    public Uni<List<OffsetDateTime>> sentToMobileSince(String mobileKey, OffsetDateTime since) {
        return find("mobileKey = ?1 and createdAt >= ?2 order by createdAt desc", mobileKey, since).list()
                .map(rows -> rows.stream().map(c -> c.createdAt).toList());
    }

    /** The creation times of the codes this account asked for since {@code since}, oldest first. */
    public Uni<List<OffsetDateTime>> askedByAccountSince(String accountId, OffsetDateTime since) {
        return find("accountId = ?1 and createdAt >= ?2 order by createdAt", accountId, since).list()
                .map(rows -> rows.stream().map(c -> c.createdAt).toList());
    }

    /** The confirmation, locked until the caller's transaction ends (one attempt at a time). */
    public Uni<MobileConfirmation> lockById(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
