package cn.beian.national;

import cn.beian.localstack.sms.SmsGateway;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local stack's SMS provider stand-in (the one notification-service's tests use too) on a free port: the service
 * sends real HTTP with the bearer key, and tests read the codes and passwords that were texted from the stand-in's
 * message list.
 */
public class SmsGatewayStandIn implements QuarkusTestResourceLifecycleManager {

    static final String KEY = "test-sms-key";
    private static volatile String url;
    private static volatile SmsGateway gateway;

    @Override
    public Map<String, String> start() {
        try {
            gateway = SmsGateway.start("127.0.0.1", 0, KEY, Files.createTempFile("sms-standin", ".jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        url = "http://127.0.0.1:" + gateway.port();
        return Map.of("beian.sms.url", url, "beian.sms.api-key", KEY);
    }

    @Override
    public void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    /** The messages of a template sent to a mobile, oldest first. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> messages(String mobile, String templateCode) {
        return RestAssured.given().baseUri(url).queryParam("phone", mobile).queryParam("templateCode", templateCode)
                .get("/api/v1/sms/messages").then().statusCode(200).extract().as(List.class);
    }

    /** A template parameter of the latest message of a template sent to a mobile. */
    @SuppressWarnings("unchecked")
    static Optional<String> param(String mobile, String templateCode, String param) {
        List<Map<String, Object>> found = messages(mobile, templateCode);
        return found.isEmpty() ? Optional.empty()
                : Optional.ofNullable((String) ((Map<String, Object>) found.get(found.size() - 1).get("templateParam"))
                        .get(param));
    }

    static long count(String mobile, String templateCode) {
        return messages(mobile, templateCode).size();
    }
}
