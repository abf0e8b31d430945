package cn.beian.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path of every service's OpenAPI document (as its build stored it) routed through each overlay's rendered
 * Ingresses: on the API host to the service that owns it (admin paths and the benchmarks' baseline: not at all), on
 * the operators' host under /<service>/ to that service with the path it expects; server-sent event streams through
 * an unbuffered route whose read timeout outlasts the stream's heartbeat.
 */
class IngressRoutesTest {

    static List<String> overlays() {
        return Manifests.overlays();
    }

    /** Admin, baseline and service-to-service paths ({@code /api/v1/service/}) are never routed on the public host. */
    private static boolean publicPath(String path) {
        return !path.startsWith("/api/v1/admin/") && !path.startsWith("/api/v1/service/") && !path.equals("/api/v1/admin") && !path.startsWith("/api/v1/baseline");
    }

    private static String host(Manifests m, String ingress) {
        return m.find("Ingress", ingress).orElseThrow(() -> new AssertionError(m.overlay + ": no Ingress " + ingress))
                .at("/spec/rules/0/host").asText();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyOpenApiPathReachesTheServiceThatOwnsIt(String overlay) {
        Manifests m = Manifests.of(overlay);
        IngressRouter router = new IngressRouter(m);
        String api = host(m, "beian-api");
        String ops = host(m, "beian-ops");
        List<String> wrong = new ArrayList<>();
        int routed = 0;
        for (String service : Repo.SERVICES) {
            JsonNode paths = Repo.openApi(service).path("paths");
            for (String template : (Iterable<String>) paths::fieldNames) {
                String uri = IngressRouter.sample(template);
                Optional<IngressRouter.Match> onApi = router.route(api, uri);
                if (publicPath(template)) {
                    if (onApi.isEmpty()) {
                        wrong.add(api + template + " (" + service + "): no route");
                    } else if (!onApi.get().route().service().equals(service)) {
                        wrong.add(api + template + " (" + service + "): routed to " + onApi.get().route().service()
                                + " by " + onApi.get().route().path());
                    } else {
                        routed++;
                    }
                } else if (onApi.isPresent()) {
                    wrong.add(api + template + " (" + service + ", not public): routed to "
                            + onApi.get().route().service() + " by " + onApi.get().route().path());
                }
                Optional<IngressRouter.Match> onOps = router.route(ops, "/" + service + uri);
                if (onOps.isEmpty() || !onOps.get().route().service().equals(service)
                        || !onOps.get().upstreamPath().equals(uri)) {
                    wrong.add(ops + "/" + service + template + ": " + onOps.map(x -> x.route().service() + " gets "
                            + x.upstreamPath()).orElse("no route"));
                }
            }
        }
        // Served outside the OpenAPI documents: the reviewers' console (review-service's static files and config).
        for (var e : Map.of("/console/", "review-service", "/console/config.json", "review-service",
                "/console/js/queue.js", "review-service").entrySet()) {
            String got = router.route(api, e.getKey()).map(x -> x.route().service()).orElse("no route");
            if (!got.equals(e.getValue())) {
                wrong.add(api + e.getKey() + " (" + e.getValue() + "): " + got);
            }
        }
        assertEquals(List.of(), wrong, overlay + " (" + m.source + ")");
        assertTrue(routed >= 40, "the documents were read: " + routed + " public paths routed");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eventStreamsAreUnbufferedAndOutliveTheirHeartbeat(String overlay) {
        Manifests m = Manifests.of(overlay);
        IngressRouter router = new IngressRouter(m);
        String api = host(m, "beian-api");
        int streams = 0;
        for (String service : Repo.SERVICES) {
            ServiceConfig config = new ServiceConfig(service);
            Map<String, String> env = m.environment(service);
            JsonNode paths = Repo.openApi(service).path("paths");
            for (String template : (Iterable<String>) paths::fieldNames) {
                JsonNode get = paths.path(template).path("get");
                if (!get.at("/responses/200/content").has("text/event-stream")) {
                    continue;
                }
                streams++;
                String heartbeatSetting = config.resolve("beian.order-stream.heartbeat", env);
                assertTrue(heartbeatSetting != null, service + " names its stream's heartbeat (beian.order-stream.heartbeat)");
                Duration heartbeat = Duration.parse("PT" + heartbeatSetting.toUpperCase());
                IngressRouter.Route route = router.route(api, IngressRouter.sample(template)).orElseThrow().route();
                assertEquals(service, route.service(), template);
                String timeout = route.annotation("proxy-read-timeout");
                assertTrue(timeout != null && Duration.ofSeconds(Long.parseLong(timeout))
                                .compareTo(heartbeat.multipliedBy(2)) >= 0,
                        overlay + ": " + template + " via Ingress " + route.ingress() + ": proxy-read-timeout " + timeout
                                + " s must be at least twice the heartbeat " + heartbeat);
                assertEquals("off", route.annotation("proxy-buffering"), overlay + ": " + template
                        + " must not be buffered by the ingress (Ingress " + route.ingress() + ")");
            }
        }
        assertTrue(streams >= 1, "the order's event stream is in subject-service's document");
    }
}
