package cn.beian.k8s;

import cn.beian.contract.events.TopicCatalog;
import cn.beian.contract.events.TopicCatalog.Kind;
import cn.beian.contract.events.TopicCatalog.Topic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code k8s/platform/topics.yaml}: one Strimzi KafkaTopic per topic of {@link TopicCatalog}. Replication,
 * min.insync.replicas, retention and the cluster label come from the platform's patches (topic-defaults.yaml,
 * dlq-defaults.yaml, selected by the label {@code beian.cn/topic-kind}); partitions are the contract's.
 *
 * <p>{@code bin/k8s-render} runs it (through TopicsTest with {@code -Dk8s.write=true}); TopicsTest fails whenever the
 * committed file differs from what it writes.
 */
public final class TopicsYaml {

    private TopicsYaml() {
    }

    public static String render() {
        List<Topic> topics = TopicCatalog.all();
        long events = topics.stream().filter(t -> t.kind() == Kind.EVENTS).count();
        StringBuilder y = new StringBuilder();
        y.append("# GENERATED from libs/contract (cn.beian.contract.events.TopicCatalog) by k8s/check: do not edit.\n");
        y.append("# Regenerate with bin/k8s-render; k8s/check's TopicsTest fails when this file and the contract differ.\n");
        y.append("#\n");
        y.append("# ").append(events).append(" events topics (").append(TopicCatalog.EVENT_PARTITIONS)
                .append(" partitions each) and ").append(topics.size() - events).append(" dead-letter topics (")
                .append(TopicCatalog.DEAD_LETTER_PARTITIONS).append(" partition each): every topic a service reads,\n");
        y.append("# writes or dead-letters to (auto.create.topics.enable is false). Replication, min.insync.replicas and\n");
        y.append("# retention: topic-defaults.yaml and dlq-defaults.yaml, by the label beian.cn/topic-kind.\n");
        String sep = "";
        for (Topic t : topics) {
            y.append(sep);
            sep = "---\n";
            y.append("# ").append(t.description()).append('\n');
            y.append("apiVersion: kafka.strimzi.io/v1beta2\n");
            y.append("kind: KafkaTopic\n");
            y.append("metadata: {name: ").append(resourceName(t.name())).append(", labels: {beian.cn/topic-kind: ")
                    .append(t.kind() == Kind.EVENTS ? "events" : "dlq").append("}}\n");
            y.append("spec: {topicName: ").append(t.name()).append(", partitions: ")
                    .append(TopicCatalog.partitions(t.kind())).append("}\n");
        }
        return y.toString();
    }

    /** A Kubernetes name for a topic: dots become dashes ({@code beian.subject.events.v1} → {@code beian-subject-events-v1}). */
    public static String resourceName(String topic) {
        return topic.replace('.', '-');
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "k8s/platform/topics.yaml");
        Files.writeString(out, render(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }
}
