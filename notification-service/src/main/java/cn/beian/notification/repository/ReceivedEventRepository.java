package cn.beian.notification.repository;

import cn.beian.notification.domain.ReceivedEvent;
import cn.beian.platform.rest.Cursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReceivedEventRepository implements PanacheRepositoryBase<ReceivedEvent, UUID> {

    /** Up to {@code limit} events after {@code after} in arrival order, filtered where a filter is given. */
    public Uni<List<ReceivedEvent>> page(String aggregateId, String eventType, Cursor after, int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (aggregateId != null) {
            q.append(" and aggregateId = :aggregateId");
            p.and("aggregateId", aggregateId);
        }
        if (eventType != null) {
            q.append(" and eventType = :eventType");
            p.and("eventType", eventType);
        }
        if (after != null) {
            q.append(" and (receivedAt > :at or (receivedAt = :at and cast(id as string) > :id))");
            p.and("at", after.at()).and("id", after.id());
        }
        q.append(" order by receivedAt, cast(id as string)");
        return find(q.toString(), p).range(0, limit - 1).list();
    }
}
