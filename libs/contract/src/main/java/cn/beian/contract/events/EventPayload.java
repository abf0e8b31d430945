package cn.beian.contract.events;

/**
 * The {@code data} of a Beian event. Implementations are immutable records serialized as JSON; they carry
 * no full certificate numbers or phone numbers unless a consumer needs them, and never a filing password.
 */
public interface EventPayload {

    /** The id of the aggregate this event describes; it becomes the Kafka key. */
    String aggregateId();

    /** The order this event belongs to, or {@code null} for facts that belong to no order. */
    default String orderId() {
        return null;
    }
}
