package cn.beian.subject.repository;

import cn.beian.platform.rest.Cursor;
import cn.beian.subject.domain.Subject;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SubjectRepository implements PanacheRepositoryBase<Subject, UUID> {

    public Uni<Subject> findByAccount(String accountId) {
        return find("accountId", accountId).firstResult();
    }

    /** Up to {@code limit} subjects after {@code after} in (createdAt, id) order, optionally one account's. */
    public Uni<List<Subject>> page(String accountId, Cursor after, int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (accountId != null) {
            q.append(" and accountId = :account");
            p.and("account", accountId);
        }
        if (after != null) {
            q.append(" and (createdAt > :at or (createdAt = :at and cast(id as string) > :id))");
            p.and("at", after.at()).and("id", after.id());
        }
        q.append(" order by createdAt, cast(id as string)");
        return find(q.toString(), p).range(0, limit - 1).list();
    }
}
