package cn.beian.notification.rest;

import cn.beian.notification.domain.ReceivedEvent;
import java.time.OffsetDateTime;

public record ReceivedEventView(
        String eventId,
        String type,
        String source,
        String aggregateId,
        String orderId,
        long sequence,
        boolean known,
        OffsetDateTime occurredAt,
        OffsetDateTime receivedAt) {

    public static ReceivedEventView of(ReceivedEvent e) {
        return new ReceivedEventView(e.eventId, e.eventType, e.source, e.aggregateId, e.orderId, e.sequence, e.known,
                e.occurredAt, e.receivedAt);
    }
}
