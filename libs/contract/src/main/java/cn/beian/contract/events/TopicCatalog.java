package cn.beian.contract.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every Kafka topic Beian uses, declared once: each service's events topic ({@link Topics}), and each consumer's
 * incoming channels with the dead-letter topic its failures go to. {@code k8s/platform/topics.yaml} is generated from
 * this list (k8s/check), and a test there compares it with every service's {@code application.properties}, so the
 * topics the cluster has, the topics the contract names and the topics the services read cannot drift apart.
 *
 * <p>A new channel is a line in {@link #CONSUMERS} (and in its service's {@code application.properties}); then
 * regenerate {@code topics.yaml} ({@code bin/k8s-render}).
 */
public final class TopicCatalog {

    /**
     * Partitions of every events topic. A consumer group of a service reads a topic with at most this many consumers
     * (Kafka consumers per pod × the HPA's maximum pods; more stay idle), which k8s/check verifies.
     */
    public static final int EVENT_PARTITIONS = 12;

    /** Partitions of a dead-letter topic: one, so an operator reads and replays them in the order they failed. */
    public static final int DEAD_LETTER_PARTITIONS = 1;

    /** What a topic is for. */
    public enum Kind {
        /** An owner's events ({@code beian.<service>.events.v1}). */
        EVENTS,
        /** What a consumer could not apply ({@code beian.<service>.<channel>.dlq}). */
        DEAD_LETTER
    }

    /** One topic: its name, kind, the service that writes it, and a line saying what is in it. */
    public record Topic(String name, Kind kind, String producer, String description) {
    }

    /**
     * An incoming channel of a service.
     *
     * @param service the consuming service ({@code subject-service} …)
     * @param channel the MicroProfile Reactive Messaging channel name
     * @param topics the topics it reads
     * @param deadLetters whether its failures go to a dead-letter topic ({@link #deadLetterTopic()})
     * @param groupPerReplica whether every replica reads every partition under a consumer group of its own (a memory
     *        rebuilt from the topics), rather than the replicas sharing the service's group
     */
    public record Consumer(String service, String channel, List<String> topics, boolean deadLetters,
            boolean groupPerReplica) {

        public Consumer {
            topics = List.copyOf(topics);
        }

        /** The channel's dead-letter topic, {@code beian.<service without -service>.<channel>.dlq}; null without. */
        public String deadLetterTopic() {
            return deadLetters ? Topics.deadLetter(shortName(service), channel) : null;
        }
    }

    /** An outgoing dead-letter channel a service writes itself (not the connector's failure strategy). */
    public record OutgoingDeadLetter(String service, String channel, String description) {

        public String topic() {
            return Topics.deadLetter(shortName(service), channel);
        }
    }

    /** The events topic each service publishes its outbox to ({@code beian.events.topic}). */
    public static final Map<String, String> PRODUCERS = orderedMap(
            "subject-service", Topics.SUBJECT_EVENTS,
            "website-service", Topics.WEBSITE_EVENTS,
            "materials-service", Topics.MATERIALS_EVENTS,
            "review-service", Topics.REVIEW_EVENTS,
            "notification-service", Topics.NOTIFICATION_EVENTS);

    /** Every incoming channel of every service. */
    public static final List<Consumer> CONSUMERS = List.of(
            shared("subject-service", "website-events", Topics.WEBSITE_EVENTS),
            shared("subject-service", "materials-events", Topics.MATERIALS_EVENTS),
            shared("subject-service", "review-events", Topics.REVIEW_EVENTS),
            // mobiles confirmed by an SMS code (MOBILE_UNCONFIRMED clears)
            shared("subject-service", "notification-events", Topics.NOTIFICATION_EVENTS),
            shared("website-service", "subject-events", Topics.SUBJECT_EVENTS),
            // its own events, journaled for the access policy's durable memory
            shared("website-service", "website-events", Topics.WEBSITE_EVENTS),
            shared("website-service", "review-events", Topics.REVIEW_EVENTS),
            shared("website-service", "notification-events", Topics.NOTIFICATION_EVENTS),
            new Consumer("website-service", "access-events",
                    List.of(Topics.SUBJECT_EVENTS, Topics.WEBSITE_EVENTS, Topics.REVIEW_EVENTS), false, true),
            shared("materials-service", "subject-events", Topics.SUBJECT_EVENTS),
            shared("materials-service", "website-events", Topics.WEBSITE_EVENTS),
            shared("materials-service", "review-events", Topics.REVIEW_EVENTS),
            shared("review-service", "subject-events", Topics.SUBJECT_EVENTS),
            shared("review-service", "website-events", Topics.WEBSITE_EVENTS),
            shared("review-service", "materials-events", Topics.MATERIALS_EVENTS),
            shared("notification-service", "subject-events", Topics.SUBJECT_EVENTS),
            shared("notification-service", "website-events", Topics.WEBSITE_EVENTS),
            shared("notification-service", "review-events", Topics.REVIEW_EVENTS));

    /** Dead letters services write on their own channels. */
    public static final List<OutgoingDeadLetter> OUTGOING_DEAD_LETTERS = List.of(
            new OutgoingDeadLetter("review-service", "authority-feed",
                    "entries of the administration's outcome feed the authority gateway could not apply"));

    private TopicCatalog() {
    }

    /** Every topic: the five events topics, then the dead-letter topics in the order declared above. */
    public static List<Topic> all() {
        List<Topic> all = new ArrayList<>();
        PRODUCERS.forEach((service, topic) -> all.add(new Topic(topic, Kind.EVENTS, service,
                service + "'s events (CloudEvents, keyed by aggregate)")));
        for (Consumer c : CONSUMERS) {
            if (c.deadLetters()) {
                all.add(new Topic(c.deadLetterTopic(), Kind.DEAD_LETTER, c.service(),
                        c.service() + ", channel " + c.channel() + " (reads " + String.join(", ", c.topics()) + ")"));
            }
        }
        for (OutgoingDeadLetter d : OUTGOING_DEAD_LETTERS) {
            all.add(new Topic(d.topic(), Kind.DEAD_LETTER, d.service(), d.service() + ": " + d.description()));
        }
        return List.copyOf(all);
    }

    /** Partitions of a topic of this kind. */
    public static int partitions(Kind kind) {
        return kind == Kind.EVENTS ? EVENT_PARTITIONS : DEAD_LETTER_PARTITIONS;
    }

    /** {@code subject-service} → {@code subject}. */
    public static String shortName(String service) {
        return service.endsWith("-service") ? service.substring(0, service.length() - "-service".length()) : service;
    }

    private static Consumer shared(String service, String channel, String topic) {
        return new Consumer(service, channel, List.of(topic), true, false);
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
