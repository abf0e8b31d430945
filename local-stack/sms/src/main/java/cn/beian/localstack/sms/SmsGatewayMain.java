package cn.beian.localstack.sms;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the SMS gateway stand-in until SIGTERM.
 * Environment: {@code BEIAN_SMS_PORT} (18086), {@code BEIAN_SMS_API_KEY}, {@code BEIAN_DATA}
 * (messages in {@code $BEIAN_DATA/sms/messages.jsonl}, their delivery reports in {@code reports.jsonl});
 * {@code BEIAN_SMS_HOST} (127.0.0.1); {@code BEIAN_SMS_REPORT_DELAY_MS} (0: how long a message stays SENDING).
 */
public final class SmsGatewayMain {

    private SmsGatewayMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(env("BEIAN_SMS_PORT", "18086"));
        String host = env("BEIAN_SMS_HOST", "127.0.0.1");
        String apiKey = env("BEIAN_SMS_API_KEY", "beian-local-sms-key");
        Path store = Path.of(env("BEIAN_DATA", ".data")).toAbsolutePath().resolve("sms").resolve("messages.jsonl");
        SmsGateway gateway = SmsGateway.start(host, port, apiKey, store);
        gateway.reportDelay(java.time.Duration.ofMillis(Long.parseLong(env("BEIAN_SMS_REPORT_DELAY_MS", "0"))));
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "sms-gateway-shutdown"));
        System.out.printf("BEIAN-SMS-READY http://%s:%d (store %s)%n", host, gateway.port(), store);
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
