package cn.beian.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes a request through the rendered Ingresses the way ingress-nginx does: on a host where any Ingress sets
 * {@code use-regex} (or {@code rewrite-target}), every path of the host is a case-insensitive regular expression
 * anchored at the start of the URI, tried longest path first; elsewhere the Kubernetes rules (Exact, then the longest
 * matching Prefix by path element).
 */
final class IngressRouter {

    record Route(String ingress, String host, String path, String pathType, String service, JsonNode annotations) {

        String annotation(String name) {
            return annotations.path("nginx.ingress.kubernetes.io/" + name).asText(null);
        }
    }

    /** Where a request ends: the route, and the path the service receives (after a rewrite). */
    record Match(Route route, String upstreamPath) {
    }

    private final List<Route> routes = new ArrayList<>();

    IngressRouter(Manifests m) {
        for (JsonNode ing : m.ofKind("Ingress")) {
            for (JsonNode rule : ing.at("/spec/rules")) {
                for (JsonNode p : rule.at("/http/paths")) {
                    routes.add(new Route(Manifests.name(ing), rule.path("host").asText(), p.path("path").asText(),
                            p.path("pathType").asText(), p.at("/backend/service/name").asText(),
                            ing.at("/metadata/annotations")));
                }
            }
        }
    }

    List<String> hosts() {
        return routes.stream().map(Route::host).distinct().sorted().toList();
    }

    private boolean regexHost(String host) {
        return routes.stream().filter(r -> r.host().equals(host))
                .anyMatch(r -> "true".equals(r.annotation("use-regex")) || r.annotation("rewrite-target") != null);
    }

    Optional<Match> route(String host, String uri) {
        List<Route> candidates = routes.stream().filter(r -> r.host().equals(host)).toList();
        if (regexHost(host)) {
            return candidates.stream()
                    .sorted(Comparator.comparingInt((Route r) -> r.path().length()).reversed())
                    .map(r -> {
                        Matcher matcher = Pattern.compile("^" + r.path(), Pattern.CASE_INSENSITIVE).matcher(uri);
                        if (!matcher.lookingAt()) {
                            return null;
                        }
                        String rewrite = r.annotation("rewrite-target");
                        String upstream = uri;
                        if (rewrite != null) {
                            upstream = rewrite;
                            for (int g = matcher.groupCount(); g >= 1; g--) {
                                String v = matcher.group(g);
                                upstream = upstream.replace("$" + g, v == null ? "" : v);
                            }
                            // nginx rewrites the matched part only; what follows the match is kept
                            upstream = upstream + uri.substring(matcher.end());
                        }
                        return new Match(r, upstream);
                    })
                    .filter(java.util.Objects::nonNull)
                    .findFirst();
        }
        Optional<Route> exact = candidates.stream()
                .filter(r -> r.pathType().equals("Exact") && r.path().equals(uri)).findFirst();
        if (exact.isPresent()) {
            return exact.map(r -> new Match(r, uri));
        }
        return candidates.stream()
                .filter(r -> !r.pathType().equals("Exact") && prefixMatches(r.path(), uri))
                .max(Comparator.comparingInt(r -> r.path().length()))
                .map(r -> new Match(r, uri));
    }

    private static boolean prefixMatches(String prefix, String uri) {
        String p = prefix.endsWith("/") && prefix.length() > 1 ? prefix.substring(0, prefix.length() - 1) : prefix;
        return p.equals("/") || uri.equals(p) || uri.startsWith(p + "/");
    }

    /** A concrete request path for an OpenAPI path template: every {parameter} a UUID. */
    static String sample(String template) {
        return template.replaceAll("\\{[^}]+}", "0b5e4a3c-1d2e-4f60-8a9b-7c6d5e4f3a21");
    }
}
