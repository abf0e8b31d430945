package cn.beian.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The operations of a service's live OpenAPI document ({@code /q/openapi?format=json}), with $refs resolved. */
final class OpenApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    record Param(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One operation. {@code bodies} maps each request media type to its schema (resolved); {@code roles} are the
     * scopes of its security requirement (smallrye lists the @RolesAllowed roles there), empty when public.
     */
    record Operation(String service, String base, String method, String path, String operationId, List<Param> params,
            Map<String, JsonNode> bodies, List<String> roles, boolean secured, boolean eventStream, List<String> produces,
            OpenApi doc) {

        String key() {
            return method + " " + service + ":" + path;
        }

        /** The Accept header of a valid request: JSON, unless the operation answers with something else only. */
        String accept() {
            if (eventStream) {
                return "text/event-stream";
            }
            return "application/json, */*;q=0.1";
        }

        boolean writes() {
            return !method.equals("GET");
        }

        boolean hasJsonBody() {
            return bodies.keySet().stream().anyMatch(t -> t.contains("json"));
        }

        JsonNode jsonSchema() {
            return bodies.entrySet().stream().filter(e -> e.getKey().contains("json")).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        boolean takesFile() {
            return bodies.keySet().stream().anyMatch(t -> t.startsWith("image/") || t.contains("octet-stream")
                    || t.startsWith("multipart/"));
        }

        List<Param> in(String where) {
            return params.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    final JsonNode root;

    private OpenApi(JsonNode root) {
        this.root = root;
    }

    static List<Operation> load(HttpClient http, String service, String base) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(base + "/q/openapi answered " + r.statusCode());
        }
        OpenApi doc = new OpenApi(JSON.readTree(r.body()));
        List<Operation> ops = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            if (!p.getKey().startsWith("/api/")) {
                continue;
            }
            List<Param> shared = doc.params(p.getValue().path("parameters"));
            for (String m : METHODS) {
                JsonNode op = p.getValue().get(m);
                if (op == null) {
                    continue;
                }
                List<Param> params = new ArrayList<>(shared);
                for (Param q : doc.params(op.path("parameters"))) {
                    params.removeIf(x -> x.name().equals(q.name()) && x.in().equals(q.in()));
                    params.add(q);
                }
                // Path parameters the document forgot (a class-level @Path) are still in the template.
                java.util.regex.Matcher t = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(p.getKey());
                while (t.find()) {
                    String name = t.group(1);
                    if (params.stream().noneMatch(x -> x.in().equals("path") && x.name().equals(name))) {
                        params.add(new Param(name, "path", true, JSON.createObjectNode().put("type", "string")));
                    }
                }
                Map<String, JsonNode> bodies = new LinkedHashMap<>();
                op.path("requestBody").path("content").fields().forEachRemaining(c ->
                        bodies.put(c.getKey().toLowerCase(Locale.ROOT), doc.resolve(c.getValue().path("schema"))));
                List<String> roles = new ArrayList<>();
                boolean secured = false;
                JsonNode security = op.has("security") ? op.get("security") : doc.root.path("security");
                for (JsonNode req : security) {
                    Iterator<Map.Entry<String, JsonNode>> it = req.fields();
                    while (it.hasNext()) {
                        secured = true;
                        it.next().getValue().forEach(role -> roles.add(role.asText()));
                    }
                }
                boolean eventStream = false;
                List<String> produces = new ArrayList<>();
                Iterator<Map.Entry<String, JsonNode>> responses = op.path("responses").fields();
                while (responses.hasNext()) {
                    Map.Entry<String, JsonNode> resp = responses.next();
                    if (resp.getValue().path("content").has("text/event-stream")) {
                        eventStream = true;
                    }
                    if (resp.getKey().startsWith("2")) {
                        resp.getValue().path("content").fieldNames().forEachRemaining(produces::add);
                    }
                }
                ops.add(new Operation(service, base, m.toUpperCase(Locale.ROOT), p.getKey(),
                        op.path("operationId").asText(m + p.getKey()), List.copyOf(params), bodies, List.copyOf(roles),
                        secured, eventStream, List.copyOf(produces), doc));
            }
        }
        return ops;
    }

    private List<Param> params(JsonNode list) {
        List<Param> out = new ArrayList<>();
        for (JsonNode p : list) {
            JsonNode r = resolve(p);
            out.add(new Param(r.path("name").asText(), r.path("in").asText(), r.path("required").asBoolean(false),
                    resolve(r.path("schema"))));
        }
        return out;
    }

    /** Follows $ref (and a single allOf, as smallrye writes for annotated references) to the schema itself. */
    JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 20 && s != null; i++) {
            if (s.has("$ref")) {
                String ref = s.get("$ref").asText();
                s = root.at(ref.substring(1));
            } else if (s.has("allOf") && s.get("allOf").size() == 1 && !s.has("properties")) {
                s = s.get("allOf").get(0);
            } else {
                return s;
            }
        }
        return s == null ? JSON.createObjectNode() : s;
    }
}
