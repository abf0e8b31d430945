package cn.beian.localstack.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TraceSinkTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void keepsExportedSpansAndAnswersThemByTraceAndAttribute() throws Exception {
        try (TraceSink sink = TraceSink.start("127.0.0.1", 0, 2)) {
            String base = "http://127.0.0.1:" + sink.port();
            byte[] trace = HexFormat.of().parseHex("0af7651916cd43dd8448eb211c80319c");
            post(base, request("subject-service", trace, "POST /api/v1/orders/{orderId}/submit", "o-1"));
            post(base, request("review-service", trace, "apply order.transitioned.v1", "o-1"));

            String byTrace = get(base + "/api/v1/spans?traceId=0af7651916cd43dd8448eb211c80319c");
            assertTrue(byTrace.contains("\"service\":\"subject-service\"") && byTrace.contains("review-service"),
                    byTrace);
            String byOrder = get(base + "/api/v1/spans?attribute=beian.order.id%3Do-1");
            assertTrue(byOrder.contains("apply order.transitioned.v1"), byOrder);
            assertEquals("[]", get(base + "/api/v1/spans?attribute=beian.order.id%3Do-2"));
            assertTrue(get(base + "/api/v1/spans?contains=o-1").contains("review-service"));
            assertTrue(get(base + "/api/v1/spans?contains=transitioned").contains("review-service"));
            assertEquals("[]", get(base + "/api/v1/spans?contains=13800000000"));

            // Capacity 2: a third span pushes out the oldest.
            post(base, request("website-service", trace, "apply subject.snapshot-frozen.v1", "o-1"));
            assertTrue(!get(base + "/api/v1/spans?traceId=0af7651916cd43dd8448eb211c80319c")
                    .contains("subject-service"));
        }
    }

    private static ExportTraceServiceRequest request(String service, byte[] trace, String name, String orderId) {
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(kv("service.name", service)))
                .addScopeSpans(ScopeSpans.newBuilder().addSpans(Span.newBuilder()
                        .setTraceId(ByteString.copyFrom(trace))
                        .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex("00f067aa0ba902b7")))
                        .setName(name).setKind(Span.SpanKind.SPAN_KIND_SERVER)
                        .addAttributes(kv("beian.order.id", orderId)))))
                .build();
    }

    private static KeyValue kv(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private void post(String base, ExportTraceServiceRequest body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/traces"))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
