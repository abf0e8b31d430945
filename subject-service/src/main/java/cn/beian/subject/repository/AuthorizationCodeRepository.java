package cn.beian.subject.repository;

import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.KeysetQuery;
import cn.beian.subject.domain.AuthorizationCode;
import cn.beian.subject.domain.AuthorizationCodeState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuthorizationCodeRepository implements PanacheRepositoryBase<AuthorizationCode, UUID> {

    /** Codes that count towards the server's limit (every one not revoked). */
    public Uni<Long> countLive(UUID serverId) {
        return count("serverId = ?1 and state <> ?2", serverId, AuthorizationCodeState.REVOKED);
    }

    /** A server's codes that are not revoked, oldest first, after {@code after}. */
    public Uni<List<AuthorizationCode>> page(UUID serverId, Cursor after, int limit) {
        KeysetQuery k = new KeysetQuery("createdAt").where("serverId", serverId).after(after);
        String q = k.query().replace(" order by ", " and state <> :revoked order by ");
        return find(q, k.parameters().and("revoked", AuthorizationCodeState.REVOKED)).range(0, limit - 1).list();
    }

    /** The code as typed, locked for the rest of the transaction. */
    public Uni<AuthorizationCode> findByCodeForUpdate(String code) {
        return find("code", code).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The codes as typed (normalised), locked in id order so that two orders taking the same codes never deadlock. */
    public Uni<List<AuthorizationCode>> findByCodesForUpdate(List<String> normalised) {
        if (normalised.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("code in ?1 order by id", normalised).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The codes an order holds (RESERVED, or EXPIRED on read), locked for the rest of the transaction. */
    public Uni<List<AuthorizationCode>> reservedByOrderForUpdate(UUID orderId) {
        return find("orderId = ?1 and state = ?2 order by id", orderId, AuthorizationCodeState.RESERVED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
