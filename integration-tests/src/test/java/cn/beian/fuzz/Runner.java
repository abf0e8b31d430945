package cn.beian.fuzz;

import cn.beian.fuzz.FuzzConfig.Check;
import cn.beian.fuzz.OpenApi.Operation;
import cn.beian.fuzz.OpenApi.Param;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the corpus one request at a time and judges each answer. Around every write it reads what the write could
 * have changed (the resource or the account's list the operation writes to, as its owner sees it), so a refused
 * request that left something behind is caught.
 */
final class Runner {

    /** One answer and what was wrong with it. */
    record Outcome(FuzzCase c, int status, String contentType, String body, List<Failure> failures, long millis) {
    }

    record Failure(Check check, String message) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final World world;
    private final List<Operation> ops;
    private final Map<String, String> knownPath = new LinkedHashMap<>();
    private final Map<Operation, Optional<Operation>> probes = new LinkedHashMap<>();
    private final Map<String, String> etags = new LinkedHashMap<>();
    private String lastProbeKey;
    private String lastProbe;

    Runner(World world, List<Operation> ops) {
        this.world = world;
        this.ops = ops;
        world.knownParams().forEach((k, v) -> knownPath.put(k, URLEncoder.encode(v, StandardCharsets.UTF_8)
                .replace("+", "%20")));
    }

    List<Outcome> run(List<FuzzCase> cases, java.util.function.Consumer<Outcome> progress) {
        List<Outcome> out = new ArrayList<>();
        for (FuzzCase c : cases) {
            Outcome o = run(c);
            out.add(o);
            progress.accept(o);
        }
        return out;
    }

    Outcome run(FuzzCase c) {
        Optional<Operation> probe = c.op().writes() ? probeOf(c.op()) : Optional.empty();
        String before = null;
        if (probe.isPresent()) {
            String key = probe.get().key() + "|" + probeActor(c.op(), probe.get());
            before = key.equals(lastProbeKey) && lastProbe != null ? lastProbe : settled(c.op(), probe.get());
            lastProbeKey = key;
        }
        boolean changedState = false;
        if (c.preflight() != null) {
            Answer pre = send(c.preflight());
            changedState = pre.status / 100 == 2;
        }
        long t0 = System.nanoTime();
        Answer a = send(c);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        List<Failure> failures = judge(c, a);
        if (a.status / 100 == 2 && c.op().writes()) {
            changedState = true;
            if (c.op().method().equals("POST") && !"true".equalsIgnoreCase(a.replayed)) {
                removeCreated(c, a);
            }
        }
        if (changedState) {
            etags.clear();
            lastProbe = null;
            acceptedSinceSettled = true;
        } else if (probe.isPresent()) {
            String after = digest(c.op(), probe.get());
            if (!after.equals(before)) {
                // Events of earlier accepted writes may still arrive: only a change that stays is this request's.
                sleep(400);
                String again = digest(c.op(), probe.get());
                if (again.equals(after)) {
                    failures.add(new Failure(Check.WRITE_LEFT, "refused with " + a.status + " but "
                            + probe.get().method() + " " + probe.get().path() + " changed: " + cut(before) + " → "
                            + cut(after)));
                }
                after = again;
                etags.clear();
            }
            lastProbe = after;
        }
        return new Outcome(c, a.status, a.contentType, a.body, failures, millis);
    }

    // ---------------------------------------------------------------- judging

    private List<Failure> judge(FuzzCase c, Answer a) {
        List<Failure> f = new ArrayList<>();
        if (a.status == -2) {
            return f; // not sent (java.net.http refuses it); counted as "not sent" in the report
        }
        if (a.status < 0) {
            f.add(new Failure(Check.TRANSPORT, a.body));
            return f;
        }
        if (a.status >= 500) {
            f.add(new Failure(Check.SERVER_ERROR, a.status + " " + cut(a.body)));
        }
        JsonNode problem = null;
        if (a.status >= 400 && a.status < 500) {
            String ct = a.contentType == null ? "" : a.contentType.toLowerCase();
            try {
                problem = a.body.isEmpty() ? null : OpenApi.JSON.readTree(a.body);
            } catch (IOException e) {
                problem = null;
            }
            boolean ok = ct.startsWith("application/problem+json") && problem != null && problem.hasNonNull("type")
                    && problem.hasNonNull("title") && problem.path("status").asInt() == a.status;
            if (!ok) {
                f.add(new Failure(Check.NOT_PROBLEM, a.status + " " + (ct.isEmpty() ? "(no content type)" : ct)
                        + " " + cut(a.body)));
            }
        }
        if (a.status == 400 && c.field() != null) {
            boolean named = false;
            if (problem != null) {
                for (JsonNode e : problem.path("errors")) {
                    if (!e.path("field").asText("").isBlank()) {
                        named = true;
                    }
                }
            }
            if (!named) {
                f.add(new Failure(Check.NO_FIELD, "400 for " + c.field() + " names no field: " + cut(a.body)));
            }
        }
        boolean replayed = "true".equalsIgnoreCase(a.replayed);
        if (c.refuse() != null && (c.refuse() == Check.IDEMPOTENCY_BODY_IGNORED ? replayed : a.status / 100 == 2)) {
            {
                f.add(new Failure(c.refuse(), (c.refuse() == Check.IDEMPOTENCY_BODY_IGNORED
                        ? "another body under the same key replayed the first answer (" + a.status
                                + ", Idempotent-Replayed: true): " : "accepted with " + a.status + ": ") + cut(a.body)));
            }
        }
        if (c.cross() && a.status != 404 && a.status != 403) {
            f.add(new Failure(Check.CROSS_ACCOUNT, "another account's id answered " + a.status + ": " + cut(a.body)));
        }
        return f;
    }

    // ---------------------------------------------------------------- sending

    private record Answer(int status, String contentType, String body, String replayed) {
    }

    private Answer send(FuzzCase c) {
        HttpRequest.Builder rb;
        try {
            rb = HttpRequest.newBuilder(URI.create(c.url())).timeout(Duration.ofSeconds(30));
            String auth = c.auth() != null ? c.auth() : c.actor().equals("none") ? null : "Bearer " + token(c.actor());
            if (auth != null) {
                rb.header("Authorization", auth);
            }
            for (Map.Entry<String, String> h : c.headers().entrySet()) {
                String v = h.getValue();
                if (v.equals("{etag}")) {
                    v = etag(c);
                    if (v == null) {
                        continue;
                    }
                }
                rb.header(h.getKey(), v);
            }
            byte[] body = c.body();
            HttpRequest.BodyPublisher pub = body == null ? HttpRequest.BodyPublishers.noBody() : c.chunked()
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                    : HttpRequest.BodyPublishers.ofByteArray(body);
            rb.method(c.op().method(), pub);
        } catch (IllegalArgumentException e) {
            return new Answer(-2, null, "the client cannot send this request: " + e.getMessage(), null);
        }
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<InputStream> r = http.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
                String ct = r.headers().firstValue("Content-Type").orElse(null);
                String text;
                try (InputStream in = r.body()) {
                    text = ct != null && ct.startsWith("text/event-stream") ? "(event stream)"
                            : new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
                }
                return new Answer(r.statusCode(), ct, text, r.headers().firstValue("Idempotent-Replayed").orElse(null));
            } catch (IOException e) {
                // A server may answer 413 and close before it has read a large body; the JDK client then reports the
                // broken pipe instead of the answer. Once more, then it counts.
                if (attempt == 0) {
                    sleep(200);
                    continue;
                }
                return new Answer(-1, null, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String token(String actor) {
        if (actor.equals("gateway")) {
            return gateway();
        }
        return world.token(actor);
    }

    private String gatewayToken;
    private long gatewayAt;

    private String gateway() {
        if (gatewayToken == null || System.currentTimeMillis() - gatewayAt > 240_000) {
            gatewayToken = cn.beian.it.Keycloak.clientToken("edge-gateway", "edge-gateway-local-secret");
            gatewayAt = System.currentTimeMillis();
        }
        return gatewayToken;
    }

    /**
     * What an accepted create made is deleted again where the API can (a DELETE on the created item), so the
     * fixtures stay as they were (an order holds at most 10 websites) and the next case starts from the same state.
     */
    private void removeCreated(FuzzCase c, Answer a) {
        String id;
        try {
            id = OpenApi.JSON.readTree(a.body).path("id").asText("");
        } catch (IOException e) {
            return;
        }
        if (id.isEmpty() || world.ids.containsValue(id)) {
            return;
        }
        Optional<Operation> delete = ops.stream().filter(o -> o.service().equals(c.op().service())
                && o.method().equals("DELETE") && o.path().startsWith(c.op().path() + "/{")
                && o.path().indexOf('/', c.op().path().length() + 1) < 0).findFirst();
        if (delete.isEmpty()) {
            return;
        }
        String p = delete.get().path();
        for (Param param : delete.get().in("path")) {
            p = p.replace("{" + param.name() + "}", p.endsWith("{" + param.name() + "}") ? id
                    : knownPath.getOrDefault(param.name(), ""));
        }
        String url = c.op().base() + p;
        String token = token(Corpus.actor(delete.get()));
        try {
            HttpResponse<Void> g = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                    "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding());
            HttpRequest.Builder d = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .DELETE();
            g.headers().firstValue("ETag").ifPresent(e -> d.header("If-Match", e));
            http.send(d.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | IllegalArgumentException e) {
            // best effort: the next case's comparison starts from whatever is there
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- what a write could change

    /** The GET that shows what a write changes: the same path, or the nearest parent path that can be read. */
    Optional<Operation> probeOf(Operation op) {
        return probes.computeIfAbsent(op, o -> {
            if (o.path().equals("/api/v1/admin/servers")) {
                return find(o.service(), "/api/v1/servers");
            }
            String p = o.path();
            while (p.lastIndexOf('/') > "/api/v1".length()) {
                Optional<Operation> g = find(o.service(), p);
                if (g.isPresent()) {
                    return g;
                }
                p = p.substring(0, p.lastIndexOf('/'));
            }
            return Optional.empty();
        });
    }

    private Optional<Operation> find(String service, String path) {
        return ops.stream().filter(g -> g.service().equals(service) && g.method().equals("GET")
                && g.path().equals(path) && !g.eventStream()).findFirst();
    }

    private String probeActor(Operation op, Operation probe) {
        return op.path().startsWith("/api/v1/admin/servers") ? "a" : Corpus.actor(probe);
    }

    private String probeUrl(Operation probe) {
        String p = probe.path();
        for (Param param : probe.in("path")) {
            p = p.replace("{" + param.name() + "}", knownPath.getOrDefault(param.name(), "00000000-0000-0000-0000-000000000000"));
        }
        return probe.base() + p;
    }

    private String digest(Operation op, Operation probe) {
        String actor = probeActor(op, probe);
        try {
            HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(probeUrl(probe))).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json");
            if (!actor.equals("none")) {
                rb.header("Authorization", "Bearer " + token(actor));
            }
            HttpResponse<String> r = http.send(rb.GET().build(), HttpResponse.BodyHandlers.ofString());
            StringBuilder s = new StringBuilder().append(r.statusCode());
            r.headers().firstValue("ETag").ifPresent(e -> s.append(" etag=").append(e));
            if (r.statusCode() == 200) {
                try {
                    collect(OpenApi.JSON.readTree(r.body()), "", s);
                } catch (IOException e) {
                    s.append(" body#").append(r.body().hashCode());
                }
            }
            return s.toString();
        } catch (IOException e) {
            return "unreadable " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The state once the events of earlier accepted writes have arrived: two reads 300 ms apart that agree. */
    private String settled(Operation op, Operation probe) {
        String s = digest(op, probe);
        if (!acceptedSinceSettled) {
            return s;
        }
        for (int i = 0; i < 8; i++) {
            sleep(300);
            String again = digest(op, probe);
            if (again.equals(s)) {
                break;
            }
            s = again;
        }
        acceptedSinceSettled = false;
        return s;
    }

    private boolean acceptedSinceSettled;

    private static void collect(JsonNode n, String at, StringBuilder s) {
        if (n.isArray()) {
            s.append(' ').append(at).append("#").append(n.size());
            for (JsonNode e : n) {
                collect(e, at + "[]", s);
            }
        } else if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                String k = e.getKey();
                if (e.getValue().isValueNode() && (k.equals("id") || k.equals("version") || k.equals("state")
                        || k.equals("status"))) {
                    s.append(' ').append(at).append(k).append('=').append(e.getValue().asText());
                } else if (e.getValue().isContainerNode() && (k.equals("items") || k.equals("websites"))) {
                    collect(e.getValue(), at + k, s);
                }
            });
        }
    }

    /**
     * The current ETag of what an operation updates: the nearest readable path that answers with one, read by the
     * owner with the owner's ids. A case that mixes B's own ids with A's reads it as B with its ids (what B can know).
     */
    private String etag(FuzzCase c) {
        boolean mixed = c.cross() && c.path().values().stream().anyMatch(world.idsB::containsValue);
        String actor = mixed ? c.actor() : Corpus.actor(c.op());
        Map<String, String> values = mixed ? c.path() : knownPath;
        String key = c.op().key() + "|" + actor + "|" + values;
        if (etags.containsKey(key)) {
            return etags.get(key);
        }
        String found = null;
        String p = c.op().path();
        while (found == null && p.lastIndexOf('/') > "/api/v1".length()) {
            Optional<Operation> g = find(c.op().service(), p);
            if (g.isPresent()) {
                String path = g.get().path();
                for (Param param : g.get().in("path")) {
                    path = path.replace("{" + param.name() + "}", values.getOrDefault(param.name(), "x"));
                }
                try {
                    HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(g.get().base() + path))
                            .timeout(Duration.ofSeconds(30));
                    if (!actor.equals("none")) {
                        rb.header("Authorization", "Bearer " + token(actor));
                    }
                    HttpResponse<Void> r = http.send(rb.GET().build(), HttpResponse.BodyHandlers.discarding());
                    found = r.headers().firstValue("ETag").orElse(null);
                } catch (IOException | IllegalArgumentException e) {
                    found = null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
        etags.put(key, found);
        return found;
    }

    static String cut(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replace('\n', ' ');
        return one.length() <= 300 ? one : one.substring(0, 300) + "…";
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
