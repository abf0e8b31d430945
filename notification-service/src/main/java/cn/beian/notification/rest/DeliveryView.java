package cn.beian.notification.rest;

import cn.beian.contract.privacy.Masking;
import cn.beian.notification.domain.Channel;
import cn.beian.notification.domain.Delivery;
import cn.beian.notification.domain.DeliveryStatus;
import java.time.OffsetDateTime;

/**
 * One message of the delivery log. {@code address} is masked ({@code 138****0013}, {@code a***@example.com})
 * except in its owner's detail view; {@code subject} and {@code body} only appear in the detail view.
 */
public record DeliveryView(
        String id,
        String orderId,
        String websiteId,
        String kind,
        String eventType,
        Channel channel,
        String recipientRole,
        String address,
        DeliveryStatus status,
        String statusReason,
        int attempts,
        String smsTemplateCode,
        String subject,
        String body,
        OffsetDateTime eventAt,
        OffsetDateTime createdAt,
        OffsetDateTime handedAt,
        OffsetDateTime sentAt,
        OffsetDateTime nextAttemptAt) {

    public static DeliveryView summary(Delivery d) {
        return of(d, mask(d), false);
    }

    public static DeliveryView detail(Delivery d, boolean owner) {
        return of(d, owner ? d.address : mask(d), true);
    }

    private static DeliveryView of(Delivery d, String address, boolean detail) {
        boolean pending = d.status == DeliveryStatus.QUEUED || d.status == DeliveryStatus.DEFERRED;
        return new DeliveryView(d.id.toString(), d.orderId, d.websiteId, d.kind, d.eventType, d.channel,
                d.recipientRole, address, d.status, d.statusReason, d.attempts, d.smsTemplateCode,
                detail ? d.subject : null, detail ? d.body : null, d.eventAt, d.createdAt, d.handedAt, d.sentAt,
                pending ? d.nextAttemptAt : null);
    }

    private static String mask(Delivery d) {
        if (d.address == null) {
            return null;
        }
        return d.channel == Channel.SMS ? Masking.mobile(d.address) : Masking.email(d.address);
    }
}
