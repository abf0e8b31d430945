package cn.beian.national;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny SMS gateway for the tests (JDK HttpServer): accepts {@code POST /api/v1/sms/send} with the bearer key like
 * the local stack's stand-in and records every message, so tests read the codes and passwords that were texted.
 */
public class SmsGatewayStandIn implements QuarkusTestResourceLifecycleManager {

    static final String KEY = "test-sms-key";
    static final List<Map<String, Object>> MESSAGES = new CopyOnWriteArrayList<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/sms/send", exchange -> {
            int status;
            String body;
            if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                body = "{\"code\":\"InvalidAccessKeyId.NotFound\"}";
            } else {
                try (InputStream in = exchange.getRequestBody()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> message = JSON.readValue(in.readAllBytes(), Map.class);
                    MESSAGES.add(message);
                }
                status = 200;
                body = "{\"code\":\"OK\",\"message\":\"OK\",\"requestId\":\"r\",\"bizId\":\"b\",\"messageIds\":[\"m\"]}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return Map.of("beian.sms.url", "http://127.0.0.1:" + server.getAddress().getPort(), "beian.sms.api-key", KEY);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The latest message of a template sent to a mobile. */
    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> latest(String mobile, String templateCode) {
        Map<String, Object> found = null;
        for (Map<String, Object> m : MESSAGES) {
            if (((List<String>) m.get("phoneNumbers")).contains(mobile) && templateCode.equals(m.get("templateCode"))) {
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }

    @SuppressWarnings("unchecked")
    static Optional<String> param(String mobile, String templateCode, String param) {
        return latest(mobile, templateCode).map(m -> ((Map<String, String>) m.get("templateParam")).get(param));
    }

    @SuppressWarnings("unchecked")
    static long count(String mobile, String templateCode) {
        return MESSAGES.stream().filter(m -> ((List<String>) m.get("phoneNumbers")).contains(mobile)
                && templateCode.equals(m.get("templateCode"))).count();
    }
}
