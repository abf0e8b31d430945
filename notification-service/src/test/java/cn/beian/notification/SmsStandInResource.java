package cn.beian.notification;

import cn.beian.localstack.sms.SmsGateway;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The local stack's SMS provider stand-in on a free port: tests send real HTTP and read what it received. */
public class SmsStandInResource implements QuarkusTestResourceLifecycleManager {

    static final String API_KEY = "test-sms-key";
    static volatile String url;

    private static volatile SmsGateway gateway;

    /** Makes the stand-in flaky (see {@link SmsGateway#faults}); {@code faults(0, 0)} makes it reliable again. */
    static void faults(double failureRate, int maxDelayMs) {
        gateway.faults(failureRate, maxDelayMs);
    }

    /** Makes later SMS to {@code phone} end FAILED with {@code errorCode} in their reports; null restores it. */
    static void unreachable(String phone, String errorCode) {
        gateway.unreachable(phone, errorCode);
    }

    @Override
    public Map<String, String> start() {
        try {
            Path store = Files.createTempFile("sms-standin", ".jsonl");
            gateway = SmsGateway.start("127.0.0.1", 0, API_KEY, store);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        url = "http://127.0.0.1:" + gateway.port();
        return Map.of("quarkus.rest-client.sms.url", url, "beian.notification.sms.api-key", API_KEY);
    }

    @Override
    public void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }
}
