package cn.beian.contract.events;

/**
 * Kafka topic names. One topic per owning service; every event about an order is keyed by the order id,
 * facts that belong to no order by their own aggregate (subject, server).
 */
public final class Topics {

    public static final String SUBJECT_EVENTS = "beian.subject.events.v1";
    public static final String WEBSITE_EVENTS = "beian.website.events.v1";
    public static final String MATERIALS_EVENTS = "beian.materials.events.v1";
    public static final String REVIEW_EVENTS = "beian.review.events.v1";
    public static final String NOTIFICATION_EVENTS = "beian.notification.events.v1";

    private Topics() {
    }

    /** Dead-letter topic of one consumer's incoming channel: {@code beian.<service>.<channel>.dlq}. */
    public static String deadLetter(String consumerService, String channel) {
        return "beian." + consumerService + "." + channel + ".dlq";
    }
}
