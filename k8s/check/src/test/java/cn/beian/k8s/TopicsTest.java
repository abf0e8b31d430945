package cn.beian.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.beian.contract.events.TopicCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * k8s/platform/topics.yaml is what libs/contract's TopicCatalog generates, and the catalog is what the services'
 * application.properties configure: every channel, the topics it reads, its dead-letter topic, its consumer group kind,
 * and every outgoing topic. A channel added to a service without its line in the contract fails here.
 */
class TopicsTest {

    @Test
    void theCommittedTopicsYamlIsWhatTheContractGenerates() {
        var file = Repo.path("k8s", "platform", "topics.yaml");
        String generated = TopicsYaml.render();
        if (Repo.writing()) {
            Repo.write(file, generated);
        }
        assertEquals(generated, Repo.read(file).replace("\r\n", "\n"),
                "k8s/platform/topics.yaml is not what libs/contract's TopicCatalog generates: run bin/k8s-render");
    }

    @Test
    void everyServiceReadsWritesAndDeadLettersExactlyWhatTheContractDeclares() {
        for (String service : Repo.SERVICES) {
            ServiceConfig config = new ServiceConfig(service);
            List<String> configured = new ArrayList<>();
            for (ServiceConfig.Incoming in : config.incoming()) {
                boolean perReplica = in.groupId() != null && in.groupId().contains("${quarkus.uuid}");
                configured.add(in.channel() + " reads " + new TreeSet<>(in.topics()) + " dead letters "
                        + in.deadLetterTopic() + (perReplica ? " group per replica" : " shared group"));
            }
            List<String> declared = new ArrayList<>();
            for (TopicCatalog.Consumer c : TopicCatalog.CONSUMERS) {
                if (c.service().equals(service)) {
                    declared.add(c.channel() + " reads " + new TreeSet<>(c.topics()) + " dead letters "
                            + c.deadLetterTopic() + (c.groupPerReplica() ? " group per replica" : " shared group"));
                }
            }
            assertEquals(new TreeSet<>(declared), new TreeSet<>(configured), service
                    + ": incoming channels in application.properties vs TopicCatalog.CONSUMERS");

            Map<String, String> out = new TreeMap<>();
            out.put("beian-outbox", TopicCatalog.PRODUCERS.get(service));
            TopicCatalog.OUTGOING_DEAD_LETTERS.stream().filter(d -> d.service().equals(service))
                    .forEach(d -> out.put(d.channel() + "-dlq", d.topic()));
            assertEquals(out, config.outgoing(), service + ": outgoing channels vs TopicCatalog (PRODUCERS, "
                    + "OUTGOING_DEAD_LETTERS)");
        }
    }
}
