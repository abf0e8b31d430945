package cn.beian.notification.domain;

import java.time.OffsetDateTime;

/**
 * A delivery report (回执) of one SMS from the provider: what became of it at the handset.
 *
 * @param messageId  the provider's id of the message (the delivery's {@code provider_id})
 * @param outId      the id we gave it (the delivery's id; a mobile confirmation's id for its codes)
 * @param phone      the number it was sent to
 * @param status     {@code DELIVERED} or {@code FAILED} (a {@code SENDING} report is ignored)
 * @param errorCode  the operator's reason when failed ({@code MOBILE_NOT_ON_SERVICE} …)
 * @param reportedAt when the provider received the report
 */
public record SmsReport(String messageId, String outId, String phone, String status, String errorCode,
        OffsetDateTime reportedAt) {

    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
}
