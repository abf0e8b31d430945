package cn.beian.localstack.traces;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Local stand-in for an OpenTelemetry collector, for the services' traces: takes OTLP/HTTP protobuf spans and keeps
 * the latest {@code capacity} in memory, so that a test can read one trace across services.
 *
 * <ul>
 *   <li>{@code POST /v1/traces} (application/x-protobuf) - what the services' OTLP exporters send</li>
 *   <li>{@code GET /api/v1/spans?traceId=} - every span of a trace, oldest first</li>
 *   <li>{@code GET /api/v1/spans?attribute=key=value} - every span with that attribute (e.g. beian.order.id=…)</li>
 *   <li>{@code GET /api/v1/spans?contains=text} - every span with {@code text} in its name or an attribute's value
 *       (a test's search for personal data that must not be there)</li>
 *   <li>{@code DELETE /api/v1/spans} - forget everything</li>
 *   <li>{@code GET /health} - liveness</li>
 * </ul>
 */
public final class TraceSink implements AutoCloseable {

    /** One span, flattened: its resource's {@code service.name} and its attributes as strings. */
    public record StoredSpan(String traceId, String spanId, String parentSpanId, String name, String kind,
            String service, long startNanos, long endNanos, Map<String, String> attributes) {
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor;
    private final int capacity;
    private final Deque<StoredSpan> spans = new ArrayDeque<>();

    private TraceSink(String host, int port, int capacity) throws IOException {
        this.capacity = capacity;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "trace-sink-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/v1/traces", this::receive);
        server.createContext("/api/v1/spans", this::query);
        server.createContext("/health", ex -> answer(ex, 200, "application/json", "{\"status\":\"UP\"}".getBytes()));
    }

    public static TraceSink start(String host, int port, int capacity) throws IOException {
        TraceSink sink = new TraceSink(host, port, capacity);
        sink.server.start();
        return sink;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void receive(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            answer(ex, 405, "text/plain", new byte[0]);
            return;
        }
        ExportTraceServiceRequest request;
        try (InputStream in = ex.getRequestBody()) {
            request = ExportTraceServiceRequest.parseFrom(in);
        } catch (IOException e) {
            answer(ex, 400, "text/plain", ("not an OTLP trace export: " + e.getMessage()).getBytes());
            return;
        }
        store(request);
        answer(ex, 200, "application/x-protobuf", ExportTraceServiceResponse.getDefaultInstance().toByteArray());
    }

    void store(ExportTraceServiceRequest request) {
        List<StoredSpan> received = new ArrayList<>();
        for (ResourceSpans rs : request.getResourceSpansList()) {
            String service = attributes(rs.getResource().getAttributesList()).getOrDefault("service.name", "");
            for (ScopeSpans ss : rs.getScopeSpansList()) {
                for (var s : ss.getSpansList()) {
                    received.add(new StoredSpan(hex(s.getTraceId().toByteArray()), hex(s.getSpanId().toByteArray()),
                            hex(s.getParentSpanId().toByteArray()), s.getName(), s.getKind().name(), service,
                            s.getStartTimeUnixNano(), s.getEndTimeUnixNano(), attributes(s.getAttributesList())));
                }
            }
        }
        synchronized (spans) {
            for (StoredSpan s : received) {
                if (spans.size() == capacity) {
                    spans.removeFirst();
                }
                spans.addLast(s);
            }
        }
    }

    private void query(HttpExchange ex) throws IOException {
        if ("DELETE".equals(ex.getRequestMethod())) {
            synchronized (spans) {
                spans.clear();
            }
            answer(ex, 204, "text/plain", null);
            return;
        }
        Map<String, String> params = params(ex.getRequestURI().getRawQuery());
        String traceId = params.get("traceId");
        String attribute = params.get("attribute");
        String contains = params.get("contains");
        if (traceId == null && (attribute == null || !attribute.contains("=")) && (contains == null || contains.isEmpty())) {
            answer(ex, 400, "text/plain", "give traceId=, attribute=key=value or contains=text".getBytes());
            return;
        }
        List<StoredSpan> found = new ArrayList<>();
        synchronized (spans) {
            for (StoredSpan s : spans) {
                if (traceId != null && !traceId.equals(s.traceId())) {
                    continue;
                }
                if (attribute != null) {
                    int eq = attribute.indexOf('=');
                    if (!attribute.substring(eq + 1).equals(s.attributes().get(attribute.substring(0, eq)))) {
                        continue;
                    }
                }
                if (contains != null && !s.name().contains(contains)
                        && s.attributes().values().stream().noneMatch(v -> v.contains(contains))) {
                    continue;
                }
                found.add(s);
            }
        }
        answer(ex, 200, "application/json", mapper.writeValueAsBytes(found));
    }

    private static Map<String, String> attributes(List<KeyValue> list) {
        Map<String, String> map = new LinkedHashMap<>();
        for (KeyValue kv : list) {
            map.put(kv.getKey(), text(kv.getValue()));
        }
        return map;
    }

    private static String text(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case BOOL_VALUE -> String.valueOf(v.getBoolValue());
            case INT_VALUE -> String.valueOf(v.getIntValue());
            case DOUBLE_VALUE -> String.valueOf(v.getDoubleValue());
            default -> v.toString().trim();
        };
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static Map<String, String> params(String query) {
        Map<String, String> map = new LinkedHashMap<>();
        if (query == null) {
            return map;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    private static void answer(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
        } else {
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }
}
