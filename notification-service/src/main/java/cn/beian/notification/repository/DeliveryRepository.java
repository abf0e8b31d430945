package cn.beian.notification.repository;

import cn.beian.notification.domain.Channel;
import cn.beian.notification.domain.Delivery;
import cn.beian.notification.domain.DeliveryStatus;
import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.KeysetQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /** Up to {@code limit} deliveries after {@code after} in creation order, filtered where a filter is given. */
    public Uni<List<Delivery>> page(String accountId, String orderId, DeliveryStatus status, Channel channel,
            Cursor after, int limit) {
        KeysetQuery k = new KeysetQuery("createdAt").where("accountId", accountId).where("orderId", orderId)
                .where("status", status).where("channel", channel).after(after);
        return find(k.query(), k.parameters()).range(0, limit - 1).list();
    }
}
