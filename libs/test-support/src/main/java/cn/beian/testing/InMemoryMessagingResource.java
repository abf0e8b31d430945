package cn.beian.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Switches channels to the in-memory connector for unit-level tests. Init args: {@code incoming} and
 * {@code outgoing}, comma-separated channel names. The outbox relay's channel {@code beian-outbox} is always
 * switched.
 */
public class InMemoryMessagingResource implements QuarkusTestResourceLifecycleManager {

    private String[] incoming = new String[0];
    private String[] outgoing = {"beian-outbox"};

    @Override
    public void init(Map<String, String> initArgs) {
        incoming = split(initArgs.get("incoming"));
        String more = initArgs.get("outgoing");
        if (more != null) {
            String[] extra = split(more);
            String[] all = Arrays.copyOf(outgoing, outgoing.length + extra.length);
            System.arraycopy(extra, 0, all, outgoing.length, extra.length);
            outgoing = all;
        }
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> props = new HashMap<>();
        if (incoming.length > 0) {
            props.putAll(InMemoryConnector.switchIncomingChannelsToInMemory(incoming));
            // Kafka delivers on a Vert.x context, which Hibernate Reactive needs; make the stand-in do the same.
            for (String channel : incoming) {
                props.put("mp.messaging.incoming." + channel + ".run-on-vertx-context", "true");
            }
        }
        props.putAll(InMemoryConnector.switchOutgoingChannelsToInMemory(outgoing));
        return props;
    }

    @Override
    public void stop() {
        InMemoryConnector.clear();
    }

    private static String[] split(String csv) {
        return csv == null || csv.isBlank() ? new String[0] : csv.split("\\s*,\\s*");
    }
}
