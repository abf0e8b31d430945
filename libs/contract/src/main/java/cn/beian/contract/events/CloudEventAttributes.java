package cn.beian.contract.events;

/**
 * CloudEvents 1.0 extension attributes Beian adds to every event (names are lower-case letters only, as the
 * spec requires). In Kafka binary mode they travel as {@code ce_<name>} headers.
 */
public final class CloudEventAttributes {

    /** The id of the aggregate the event describes (order, subject, server). Also the Kafka key. */
    public static final String AGGREGATE_ID = "aggregateid";
    /** The aggregate type: {@code order}, {@code subject}, {@code server}. */
    public static final String AGGREGATE_TYPE = "aggregatetype";
    /** The order the event belongs to, where there is one. */
    public static final String ORDER_ID = "orderid";
    /** 1, 2, 3 … per aggregate and producer; consumers detect gaps and replays with it. */
    public static final String SEQUENCE = "sequence";

    /** Kafka binary-mode header prefix. */
    public static final String KAFKA_HEADER_PREFIX = "ce_";

    private CloudEventAttributes() {
    }
}
