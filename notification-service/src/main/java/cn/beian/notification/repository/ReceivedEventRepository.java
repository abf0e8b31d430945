package cn.beian.notification.repository;

import cn.beian.notification.domain.ReceivedEvent;
import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.KeysetQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReceivedEventRepository implements PanacheRepositoryBase<ReceivedEvent, UUID> {

    /** Up to {@code limit} events after {@code after} in arrival order, filtered where a filter is given. */
    public Uni<List<ReceivedEvent>> page(String aggregateId, String eventType, Cursor after, int limit) {
        KeysetQuery k = new KeysetQuery("receivedAt").where("aggregateId", aggregateId).where("eventType", eventType)
                .after(after);
        return find(k.query(), k.parameters()).range(0, limit - 1).list();
    }
}
