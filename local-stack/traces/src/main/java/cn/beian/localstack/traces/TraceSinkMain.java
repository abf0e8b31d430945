package cn.beian.localstack.traces;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the trace sink until SIGTERM. Environment: {@code BEIAN_TRACES_PORT} (14318), {@code BEIAN_TRACES_HOST}
 * (127.0.0.1), {@code BEIAN_TRACES_CAPACITY} (spans kept, 50 000; the oldest go first).
 */
public final class TraceSinkMain {

    private TraceSinkMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("BEIAN_TRACES_PORT", "14318"));
        String host = env("BEIAN_TRACES_HOST", "127.0.0.1");
        int capacity = Integer.parseInt(env("BEIAN_TRACES_CAPACITY", "50000"));
        TraceSink sink = TraceSink.start(host, port, capacity);
        Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "trace-sink-shutdown"));
        System.out.printf("BEIAN-TRACES-READY http://%s:%d/v1/traces (keeps %d spans)%n", host, sink.port(), capacity);
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
