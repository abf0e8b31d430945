package cn.beian.notification.service;

import cn.beian.notification.domain.Channel;
import cn.beian.notification.domain.Delivery;
import cn.beian.notification.domain.DeliveryStatus;
import cn.beian.notification.repository.DeliveryRepository;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.rest.Cursor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Reads the delivery log; an applicant only ever sees its own account's messages. */
@ApplicationScoped
public class DeliveryService {

    private final DeliveryRepository deliveries;

    public DeliveryService(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /** @param accountId the account whose messages to list; {@code null} for all (staff) */
    @WithSession
    public Uni<List<Delivery>> page(String accountId, String orderId, DeliveryStatus status, Channel channel,
            Cursor after, int limit) {
        return deliveries.page(accountId, orderId, status, channel, after, limit);
    }

    /** @param accountId the caller's account, or {@code null} for staff; another account's message is a 404 */
    @WithSession
    public Uni<Delivery> get(UUID id, String accountId) {
        return deliveries.findById(id).map(d -> {
            if (d == null || accountId != null && !Objects.equals(accountId, d.accountId)) {
                throw ProblemException.notFound("Delivery");
            }
            return d;
        });
    }
}
