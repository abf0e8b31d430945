package cn.beian.localstack.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Health probe and tiny admin tool for the local Kafka broker.
 *
 * <pre>
 *   KafkaReady &lt;bootstrap&gt;                 exit 0 when the broker answers (describeCluster + listTopics)
 *   KafkaReady &lt;bootstrap&gt; --list          also print the topic names
 *   KafkaReady &lt;bootstrap&gt; --create NAME   create a topic (3 partitions, RF 1) if missing
 * </pre>
 */
public final class KafkaReady {

    private KafkaReady() {
    }

    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : "localhost:19092";
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000);
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(p)) {
            String clusterId = admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
            int nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
            if (args.length > 2 && "--create".equals(args[1])) {
                Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
                if (!existing.contains(args[2])) {
                    admin.createTopics(List.of(new NewTopic(args[2], 3, (short) 1))).all().get(10, TimeUnit.SECONDS);
                    System.out.println("created topic " + args[2]);
                }
            }
            Set<String> topics = new TreeSet<>(admin.listTopics().names().get(5, TimeUnit.SECONDS));
            if (args.length > 1 && "--list".equals(args[1])) {
                topics.forEach(System.out::println);
            } else {
                System.out.println("kafka up: cluster " + clusterId + ", " + nodes + " broker(s), " + topics.size() + " topic(s)");
            }
            System.exit(0);
        } catch (Exception e) {
            System.err.println("kafka not ready at " + bootstrap + ": " + e);
            System.exit(1);
        }
    }
}
