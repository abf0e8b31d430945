package cn.beian.subject.repository;

import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.KeysetQuery;
import cn.beian.subject.domain.Server;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ServerRepository implements PanacheRepositoryBase<Server, UUID> {

    /** The servers with these ids (those that exist). */
    public Uni<List<Server>> findByIds(List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    /** Up to {@code limit} servers after {@code after} in (createdAt, id) order, optionally one account's. */
    public Uni<List<Server>> page(String accountId, Cursor after, int limit) {
        KeysetQuery k = new KeysetQuery("createdAt").where("accountId", accountId).after(after);
        return find(k.query(), k.parameters()).range(0, limit - 1).list();
    }
}
