package cn.beian.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import cn.beian.fuzz.FuzzConfig.Check;
import cn.beian.fuzz.OpenApi.Operation;
import cn.beian.fuzz.OpenApi.Param;
import cn.beian.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The generator. For every operation of the live OpenAPI documents it builds a valid request (a hand-kept body for
 * the few operations whose schema cannot make a valid one, otherwise one built from the schema with A's data) and
 * then changes one thing at a time. Everything random comes from the seed; the same seed and documents give the
 * same corpus (the ids of the accounts the run creates differ, nothing else).
 */
final class Corpus {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String MARK = "FUZZ_MARKER_7f3a";
    private static final String MARK_Q = "\"" + MARK + "\"";

    private final World world;
    private final Random random;
    private final Map<String, String> validBodies;
    private final Map<String, String> known;
    private final List<FuzzCase> cases = new ArrayList<>();
    private final Map<String, Integer> seq = new LinkedHashMap<>();

    Corpus(World world, long seed) {
        this.world = world;
        this.random = new Random(seed);
        this.validBodies = world.validBodies();
        this.known = world.knownParams();
    }

    /** Operations the corpus leaves alone: moving the stack's clocks, and the benchmarks' bare endpoints. */
    static boolean excluded(Operation op) {
        return op.path().startsWith("/api/v1/baseline")
                || (op.path().equals("/api/v1/admin/clock") && op.writes());
    }

    /** Reads first, writes next, what destroys the fixtures (deletes, abandon, withdraw) last. */
    static int rank(Operation op) {
        if (op.method().equals("GET")) {
            return 0;
        }
        if (op.method().equals("DELETE") || op.path().endsWith("/abandon") || op.path().endsWith("/withdraw")) {
            return 2;
        }
        return 1;
    }

    /** Whose token an operation needs, from the roles its security requirement lists. */
    static String actor(Operation op) {
        if (!op.secured()) {
            return "none";
        }
        if (op.roles().isEmpty()) {
            return "gateway";
        }
        for (String r : List.of("applicant", "reviewer", "authority", "admin")) {
            if (op.roles().contains(r)) {
                return r.equals("applicant") ? "a" : r;
            }
        }
        return "admin";
    }

    // ---------------------------------------------------------------- the whole corpus

    List<FuzzCase> generate(List<Operation> ops, int count) {
        for (Operation op : ops) {
            generate(op);
        }
        int exhaustive = cases.size();
        // Fewer than asked: more random one-thing changes (a strange value in a random field or parameter).
        int guard = 0;
        while (cases.size() < count && guard++ < count * 4) {
            Operation op = ops.get(random.nextInt(ops.size()));
            randomExtra(op);
        }
        System.out.printf("fuzz: %d cases generated (%d systematic), %d asked%n", cases.size(), exhaustive, count);
        return sample(ops, count);
    }

    /** A seeded sample of {@code count} cases that keeps every (operation, kind) represented as long as it can. */
    private List<FuzzCase> sample(List<Operation> ops, int count) {
        if (cases.size() <= count) {
            return order(ops, cases);
        }
        Map<String, List<FuzzCase>> buckets = new LinkedHashMap<>();
        for (FuzzCase c : cases) {
            buckets.computeIfAbsent(c.op().key() + "|" + c.kind(), k -> new ArrayList<>()).add(c);
        }
        List<List<FuzzCase>> lists = new ArrayList<>(buckets.values());
        Collections.shuffle(lists, random);
        for (List<FuzzCase> l : lists) {
            Collections.shuffle(l, random);
        }
        List<FuzzCase> chosen = new ArrayList<>();
        for (int round = 0; chosen.size() < count; round++) {
            boolean any = false;
            for (List<FuzzCase> l : lists) {
                if (round < l.size() && chosen.size() < count) {
                    chosen.add(l.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return order(ops, chosen);
    }

    private List<FuzzCase> order(List<Operation> ops, List<FuzzCase> chosen) {
        Map<FuzzCase, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            index.put(cases.get(i), i);
        }
        List<FuzzCase> out = new ArrayList<>(chosen);
        out.sort((x, y) -> {
            int r = Integer.compare(rank(x.op()), rank(y.op()));
            if (r != 0) {
                return r;
            }
            int o = Integer.compare(ops.indexOf(x.op()), ops.indexOf(y.op()));
            return o != 0 ? o : Integer.compare(index.get(x), index.get(y));
        });
        return out;
    }

    // ---------------------------------------------------------------- one operation

    private void generate(Operation op) {
        String actor = actor(op);
        Base base = base(op, actor);
        add(op, "valid", "the valid request itself", base, b -> { });

        if (op.secured()) {
            auth(op, base);
        }
        acceptLanguage(op, base);
        for (Param p : op.in("path")) {
            pathParam(op, base, p);
        }
        for (Param p : op.in("query")) {
            queryParam(op, base, p);
        }
        add(op, "query", "an unknown query parameter", base, b -> b.query = join(b.query, "fuzzUnknown=1"));
        if (!op.in("query").isEmpty()) {
            Param p = op.in("query").get(0);
            add(op, "query", "the parameter " + p.name() + " twice", base,
                    b -> b.query = join(b.query, p.name() + "=1&" + p.name() + "=2"));
        }
        if (base.path.values().stream().anyMatch(v -> world.ids.containsValue(v)) && actor.equals("a")) {
            crossAccount(op, base);
        }
        if (op.in("header").stream().anyMatch(p -> p.name().equalsIgnoreCase("If-Match"))) {
            ifMatch(op, base);
        }
        if (op.hasJsonBody() && base.body != null) {
            jsonBody(op, base);
        } else if (op.takesFile()) {
            files(op, base);
        } else {
            add(op, "unexpected-body", "a JSON body where none is expected", base, b -> {
                b.body = "{\"x\":1}".getBytes(UTF_8);
                b.headers.put("Content-Type", "application/json");
            });
            add(op, "unexpected-body", "a malformed body where none is expected", base, b -> {
                b.body = "{\"x\":".getBytes(UTF_8);
                b.headers.put("Content-Type", "application/json");
            });
        }
        if (op.method().equals("POST")) {
            idempotency(op, base);
        }
    }

    /** The valid request of an operation, which each case copies and changes once. */
    private Base base(Operation op, String actor) {
        Base b = new Base();
        b.actor = actor;
        for (Param p : op.in("path")) {
            b.path.put(p.name(), encode(paramValue(p)));
        }
        List<String> q = new ArrayList<>();
        for (Param p : op.in("query")) {
            String v = paramValue(p);
            if (p.required() || known.containsKey(p.name())) {
                q.add(p.name() + "=" + encode(v));
            }
        }
        b.query = String.join("&", q);
        b.headers.put("Accept", op.accept());
        if (op.in("header").stream().anyMatch(p -> p.name().equalsIgnoreCase("If-Match"))) {
            b.headers.put("If-Match", "{etag}");
        }
        if (op.hasJsonBody()) {
            String hand = validBodies.get(op.method() + " " + op.path());
            JsonNode json;
            try {
                json = hand != null ? OpenApi.JSON.readTree(hand) : example(op, op.jsonSchema(), "", 0);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            b.json = json;
            b.body = bytes(json);
            b.headers.put("Content-Type", "application/json");
        } else if (op.takesFile()) {
            b.body = world.jpeg;
            b.headers.put("Content-Type", "image/jpeg");
            if (!b.query.contains("kind=")) {
                b.query = join(b.query, "kind=ID_BACK&ownerRef=subject.principal");
            }
        }
        return b;
    }

    private String paramValue(Param p) {
        if (known.containsKey(p.name())) {
            return known.get(p.name());
        }
        JsonNode s = p.schema();
        if (s.has("default")) {
            return s.get("default").asText();
        }
        if (s.has("enum")) {
            return s.get("enum").get(0).asText();
        }
        return switch (s.path("type").asText()) {
            case "integer", "number" -> s.has("minimum") ? s.get("minimum").asText() : "1";
            case "boolean" -> "false";
            default -> p.name().toLowerCase(Locale.ROOT).endsWith("id")
                    ? new UUID(random.nextLong(), random.nextLong()).toString() : "fuzz";
        };
    }

    /** A valid value for a schema, with A's data where a field's name says what it is. */
    private JsonNode example(Operation op, JsonNode schema, String name, int depth) {
        JsonNode s = op.doc().resolve(schema);
        String lower = name.toLowerCase(Locale.ROOT);
        if (depth > 6) {
            return NullNode.instance;
        }
        if (s.has("example") && !s.get("example").isNull()) {
            return s.get("example");
        }
        if (s.has("enum")) {
            for (String pref : List.of("BEIJING", "PERSON", "RESIDENT_ID", "FIRST_FILING", "OTHER", "REJECT")) {
                for (JsonNode e : s.get("enum")) {
                    if (e.asText().equals(pref)) {
                        return e;
                    }
                }
            }
            return s.get("enum").get(0);
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        switch (type) {
            case "object": {
                ObjectNode o = F.objectNode();
                Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode v = example(op, e.getValue(), e.getKey(), depth + 1);
                    if (!v.isNull()) {
                        o.set(e.getKey(), v);
                    }
                }
                return o;
            }
            case "array": {
                ArrayNode a = F.arrayNode();
                String item = lower.endsWith("s") ? lower.substring(0, lower.length() - 1) : lower;
                JsonNode v = example(op, s.path("items"), item, depth + 1);
                if (!v.isNull()) {
                    a.add(v);
                }
                return a;
            }
            case "integer":
                return IntNode.valueOf(s.has("minimum") ? s.get("minimum").asInt() : 1);
            case "number":
                return DoubleNode.valueOf(1.5);
            case "boolean":
                return BooleanNode.FALSE;
            default:
                break;
        }
        String format = s.path("format").asText("");
        if (format.equals("date-time")) {
            return TextNode.valueOf(TestClock.now().plusDays(30).toString());
        }
        if (format.equals("date")) {
            return TextNode.valueOf(TestClock.today().toString());
        }
        if (known.containsKey(name)) {
            return TextNode.valueOf(known.get(name));
        }
        if (lower.contains("certificatenumber")) {
            return TextNode.valueOf(world.certA);
        }
        if (lower.contains("mobile") || lower.contains("phone")) {
            return TextNode.valueOf(world.mobileA);
        }
        if (lower.contains("email")) {
            return TextNode.valueOf(world.emailA);
        }
        if (lower.contains("domain") || lower.equals("host")) {
            return TextNode.valueOf(world.domainA);
        }
        if (lower.contains("url")) {
            return TextNode.valueOf("http://www." + world.domainA);
        }
        if (lower.contains("filingnumber")) {
            return TextNode.valueOf("京公网安备11010802012345号");
        }
        if (lower.equals("accountid")) {
            return TextNode.valueOf(world.accountA);
        }
        if (lower.endsWith("id")) {
            return TextNode.valueOf(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        if (lower.contains("name")) {
            return TextNode.valueOf(world.nameA);
        }
        return TextNode.valueOf("备注" + name);
    }

    /** Another account's ids, alone and mixed with one's own: always 404 (or 403), never the resource. */
    private void crossAccount(Operation op, Base base) {
        add(op, "cross-account", "another applicant (B) with A's ids", base, b -> {
            b.actor = "b";
            b.cross = true;
        });
        add(op, "cross-account", "B with A's ids, Accept-Language: en", base, b -> {
            b.actor = "b";
            b.cross = true;
            b.headers.put("Accept-Language", "en");
        });
        if (op.writes()) {
            add(op, "cross-account", "B with A's ids and a guessed If-Match: \"1\"", base, b -> {
                b.actor = "b";
                b.cross = true;
                b.headers.put("If-Match", "\"1\"");
            });
        }
        List<String> own = op.in("path").stream().map(Param::name).filter(world.idsB::containsKey).toList();
        if (!own.isEmpty()) {
            add(op, "cross-account", "A with B's ids", base, b -> {
                b.cross = true;
                own.forEach(n -> b.path.put(n, world.idsB.get(n)));
            });
            if (op.in("path").size() > own.size()) {
                add(op, "cross-account", "B with its own " + String.join(", ", own) + " and A's other ids", base,
                        b -> {
                            b.actor = "b";
                            b.cross = true;
                            own.forEach(n -> b.path.put(n, world.idsB.get(n)));
                        });
            }
        }
    }

    // ---------------------------------------------------------------- headers

    private void auth(Operation op, Base base) {
        String[] parts = world.a.token().split("\\.");
        String other = world.b.token().split("\\.")[2];
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String expired = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"fuzz\"}") + "."
                + b64("{\"sub\":\"" + world.accountA + "\",\"exp\":1000000000,\"realm_access\":{\"roles\":"
                        + "[\"applicant\",\"admin\"]}}") + "." + b64("sig");
        String flipped = parts[2].charAt(5) == 'A' ? "B" : "A";
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("no token", null);
        forged.put("an empty Bearer", "Bearer ");
        forged.put("Bearer garbage", "Bearer garbage.garbage.garbage");
        forged.put("Basic credentials", "Basic " + b64("alice:alice-local"));
        forged.put("alg none with A's claims", "Bearer " + header + "." + parts[1] + ".");
        forged.put("A's token with one signature character changed", "Bearer " + parts[0] + "." + parts[1] + "."
                + parts[2].substring(0, 5) + flipped + parts[2].substring(6));
        forged.put("A's claims with B's signature", "Bearer " + parts[0] + "." + parts[1] + "." + other);
        forged.put("a self-made admin token (expired, unknown key)", "Bearer " + expired);
        forged.put("a 10 KB token", "Bearer " + "A".repeat(10_000));
        forged.put("a token scheme in lower case and a NUL-free control char", "bearer\t" + parts[0]);
        for (Map.Entry<String, String> e : forged.entrySet()) {
            add(op, "auth", e.getKey(), base, b -> {
                b.actor = "none";
                b.auth = e.getValue();
                b.refuse = Check.AUTH_BYPASS;
            });
        }
    }

    static final List<String> ACCEPT_LANGUAGES = List.of("en;q=2", "*;q=garbage", "zz-ZZ", "en-US,en;q=0.9,zh-CN;q=",
            ";;;,,,", "en;q=0.5;q=0.6", "q=1", "en-" + "x".repeat(300), "*", "zh-CN;q=1.0000001", "en;q=-1", "fr-\u00e9\u00e8");

    private void acceptLanguage(Operation op, Base base) {
        for (String al : ACCEPT_LANGUAGES) {
            add(op, "accept-language", "Accept-Language: " + FuzzCase.cut(al, 40) + " on the valid request", base,
                    b -> b.headers.put("Accept-Language", al));
            if (op.secured()) {
                add(op, "accept-language", "Accept-Language: " + FuzzCase.cut(al, 40) + " without a token", base,
                        b -> {
                            b.headers.put("Accept-Language", al);
                            b.actor = "none";
                        });
            }
            if (base.json instanceof ObjectNode o) {
                add(op, "accept-language", "Accept-Language: " + FuzzCase.cut(al, 40) + " with an unknown field",
                        base, b -> {
                            b.headers.put("Accept-Language", al);
                            ObjectNode c = o.deepCopy();
                            c.put("fuzzUnknown", 1);
                            b.body = bytes(c);
                            b.field = "fuzzUnknown";
                        });
            }
        }
        add(op, "accept-language", "an 8 KB Accept-Language", base,
                b -> b.headers.put("Accept-Language", "en;q=0.1,".repeat(900)));
    }

    private void ifMatch(Operation op, Base base) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("*", "*");
        values.put("garbage", "garbage");
        values.put("a stale version", "\"999999\"");
        values.put("a weak tag", "W/\"1\"");
        values.put("an empty tag", "\"\"");
        values.put("two tags", "\"1\", \"2\"");
        values.put("a 5 KB tag", "\"" + "9".repeat(5000) + "\"");
        values.put("an unquoted number", "1");
        values.put("a negative version", "\"-1\"");
        values.put("a version past Long.MAX", "\"9223372036854775808\"");
        for (Map.Entry<String, String> e : values.entrySet()) {
            add(op, "if-match", "If-Match: " + e.getKey(), base, b -> {
                b.headers.put("If-Match", e.getValue());
                if (e.getValue().equals("*") && op.method().equals("PUT")) {
                    b.refuse = Check.IF_MATCH_STAR;
                }
            });
        }
        add(op, "if-match", "no If-Match", base, b -> b.headers.remove("If-Match"));
    }

    private void idempotency(Operation op, Base base) {
        byte[] other = alternative(op, base);
        if (other != null) {
            String key = "fuzz-" + new UUID(random.nextLong(), random.nextLong());
            FuzzCase first = build(op, "idempotency", "the first use of the key", base, b -> b.headers.put(
                    "Idempotency-Key", key), "pre");
            add(op, "idempotency", "the same Idempotency-Key with a different body", base, b -> {
                b.headers.put("Idempotency-Key", key);
                b.body = other;
                b.preflight = first;
                b.refuseReplay = true;
            });
        }
        for (String k : List.of("", " ", "k".repeat(300), "cl\u00e9-" + random.nextInt(1000), "a,b")) {
            add(op, "idempotency", "Idempotency-Key: " + FuzzCase.cut(k, 20), base, b -> b.headers.put(
                    "Idempotency-Key", k.isEmpty() ? "\"\"" : k));
        }
    }

    /** Another body of the same operation that is just as valid (a changed string, a different file). */
    private byte[] alternative(Operation op, Base base) {
        if (base.json != null) {
            JsonNode c = base.json.deepCopy();
            for (List<Object> p : paths(c)) {
                JsonNode n = get(c, p);
                if (n.isTextual() && (last(p).equals("name") || last(p).equals("text") || last(p).equals("remarks")
                        || last(p).equals("suggestion") || last(p).equals("message"))) {
                    return bytes(set(c, p, TextNode.valueOf(n.asText().length() > 1 ? "赵六" : "改")));
                }
            }
            for (List<Object> p : paths(c)) {
                if (get(c, p).isTextual()) {
                    return bytes(set(c, p, TextNode.valueOf(get(c, p).asText() + "改")));
                }
            }
            return null;
        }
        if (op.takesFile()) {
            try {
                return World.jpeg(new Random(random.nextLong()), 800, 600);
            } catch (Exception e) {
                return null;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- parameters

    static final List<String> PATH_VALUES = List.of("not-a-uuid", "%00", "abc%00def", "%C0%AE%C0%AE", "..%2F..%2Fetc",
            "%E2%80%AE", "%FF%FE", "00000000-0000-0000-0000-000000000000", "%27%20OR%201%3D1--", "%F0%9F%98%80",
            "%ED%A0%80", "x".repeat(4000), "%20", "%2E%2E");

    private void pathParam(Operation op, Base base, Param p) {
        for (String v : PATH_VALUES) {
            add(op, "path-param", "{" + p.name() + "} = " + FuzzCase.cut(v, 40), base, b -> b.path.put(p.name(), v));
        }
        add(op, "path-param", "{" + p.name() + "} = A's id upper-cased", base,
                b -> b.path.put(p.name(), b.path.get(p.name()).toUpperCase(Locale.ROOT)));
        add(op, "path-param", "{" + p.name() + "} = a random UUID", base,
                b -> b.path.put(p.name(), new UUID(random.nextLong(), random.nextLong()).toString()));
    }

    static final List<String> QUERY_VALUES = List.of("%00", "-1", "0", "101", "abc", "9223372036854775808", "1e308",
            "%C0%AE%C0%AE", "y".repeat(4000), "NOT_A_VALUE", "", "%FF", "1.5", "NaN", "%E2%80%AE", "%27%22%3C%3E");

    private void queryParam(Operation op, Base base, Param p) {
        for (String v : QUERY_VALUES) {
            add(op, "query-param", p.name() + "=" + FuzzCase.cut(v, 40), base,
                    b -> b.query = replaceQuery(b.query, p.name(), v));
        }
    }

    private static String replaceQuery(String query, String name, String value) {
        List<String> out = new ArrayList<>();
        for (String kv : query.isEmpty() ? new String[0] : query.split("&")) {
            if (!kv.startsWith(name + "=")) {
                out.add(kv);
            }
        }
        out.add(name + "=" + value);
        return String.join("&", out);
    }

    // ---------------------------------------------------------------- JSON bodies

    static final List<String> MALFORMED = List.of("{", "}", "{\"a\":}", "[1,2", "{'type':'x'}", "{\"a\":1,}",
            "", " ", "null", "[]", "\"text\"", "123", "true", "{}xyz", "{}{}", "{\"a\" 1}", "{\"a\":01}",
            "/* c */{}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\t\"}", "{\"a\":NaN}", "{\"a\":Infinity}",
            "{\"a\":.5}", "{\"a\":+1}", "{\"\\u0000\":1}", "<xml/>", "\u0000", "{\"a\":\"b\"}\u0000");

    private void jsonBody(Operation op, Base base) {
        JsonNode json = base.json;
        for (String m : MALFORMED) {
            add(op, "malformed-json", "body " + FuzzCase.cut(m.replace("\u0000", "\\0"), 40), base,
                    b -> b.body = m.getBytes(UTF_8));
        }
        byte[] full = base.body;
        for (int cut : new int[] {1, full.length / 4, full.length / 2, full.length - 1, 1 + random.nextInt(
                Math.max(1, full.length - 1))}) {
            if (cut > 0 && cut < full.length) {
                add(op, "truncated-json", "the valid body cut after " + cut + " of " + full.length + " bytes", base,
                        b -> b.body = java.util.Arrays.copyOf(full, cut));
            }
        }
        add(op, "malformed-json", "a UTF-8 BOM before the valid body", base, b -> b.body = concat(new byte[] {
                (byte) 0xef, (byte) 0xbb, (byte) 0xbf}, full));
        add(op, "malformed-json", "the valid body in UTF-16", base,
                b -> b.body = new String(full, UTF_8).getBytes(StandardCharsets.UTF_16));
        add(op, "deep-nesting", "10 000 nested arrays", base,
                b -> b.body = ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(UTF_8));
        add(op, "deep-nesting", "10 000 nested objects", base,
                b -> b.body = ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes(UTF_8));
        add(op, "deep-nesting", "an unclosed 100 000-level array", base,
                b -> b.body = "[".repeat(100_000).getBytes(UTF_8));
        byte[] over = oversize(json);
        add(op, "oversize", "1.5 MiB body with Content-Length", base, b -> b.body = over);
        add(op, "oversize", "1.5 MiB body, chunked", base, b -> {
            b.body = over;
            b.chunked = true;
        });
        add(op, "oversize", "the valid body, chunked", base, b -> b.chunked = true);
        for (String ct : List.of("text/plain", "application/xml", "garbage", "application/json; charset=ISO-8859-1",
                "multipart/form-data", "application/x-www-form-urlencoded", "application/json;;;", "*/*",
                "application/json; charset=garbage", "application/merge-patch+json", "image/jpeg", "(none)")) {
            add(op, "content-type", "Content-Type: " + ct, base, b -> {
                if (ct.equals("(none)")) {
                    b.headers.remove("Content-Type");
                } else {
                    b.headers.put("Content-Type", ct);
                }
            });
        }
        add(op, "content-type", "the valid body in ISO-8859-1 declared as such", base, b -> {
            b.headers.put("Content-Type", "application/json; charset=ISO-8859-1");
            b.body = new String(full, UTF_8).getBytes(StandardCharsets.ISO_8859_1);
        });

        if (json instanceof ObjectNode root) {
            add(op, "unknown-field", "an unknown top-level field", base,
                    b -> unknown(b, root, List.of()));
        }
        for (List<Object> p : paths(json)) {
            JsonNode n = get(json, p);
            String field = fieldName(p);
            if (n instanceof ObjectNode) {
                add(op, "unknown-field", "an unknown field in " + field, base, b -> unknown(b, json, p));
            }
            if (last(p) instanceof String key) {
                add(op, "duplicate-key", "\"" + key + "\" twice in " + (p.size() == 1 ? "the body" : fieldName(
                        p.subList(0, p.size() - 1))), base, b -> b.body = duplicate(json, p, key));
            }
            for (JsonNode wrong : wrongTypes(n)) {
                add(op, "wrong-type", field + " = " + FuzzCase.cut(wrong.toString(), 30), base,
                        b -> fieldValue(b, json, p, wrong));
            }
            add(op, "null", field + " = null", base, b -> fieldValue(b, json, p, NullNode.instance));
            if (n instanceof ArrayNode arr) {
                add(op, "null", "null inside " + field, base, b -> {
                    ArrayNode c = arr.deepCopy();
                    c.addNull();
                    fieldValue(b, json, p, c);
                    b.field = field + "[" + arr.size() + "]";
                });
                add(op, "null", field + " = [null]", base, b -> {
                    fieldValue(b, json, p, F.arrayNode().addNull());
                    b.field = field + "[0]";
                });
                add(op, "wrong-type", field + " with 1 000 elements", base, b -> {
                    ArrayNode c = F.arrayNode();
                    for (int i = 0; i < 1000; i++) {
                        c.add(arr.isEmpty() ? TextNode.valueOf("x" + i) : arr.get(0));
                    }
                    fieldValue(b, json, p, c);
                });
                add(op, "wrong-type", field + " = []", base, b -> fieldValue(b, json, p, F.arrayNode()));
            }
            if (n.isTextual()) {
                strings(op, base, json, p, n.asText());
            }
            if (n.isNumber() || field.toLowerCase(Locale.ROOT).contains("version")
                    || field.toLowerCase(Locale.ROOT).contains("months")) {
                numbers(op, base, json, p);
            }
            if (n.isBoolean()) {
                for (String v : List.of("\"true\"", "1", "\"yes\"", "TRUE")) {
                    add(op, "wrong-type", field + " = " + v, base, b -> raw(b, json, p, v, !v.equals("TRUE")));
                }
            }
        }
        add(op, "deep-nesting", "a 10 000-level array as a field", base, b -> {
            if (json instanceof ObjectNode o && !o.isEmpty()) {
                List<Object> p = List.of(o.fieldNames().next());
                raw(b, json, p, "[".repeat(10_000) + "]".repeat(10_000), false);
            }
        });
    }

    private void strings(Operation op, Base base, JsonNode json, List<Object> p, String value) {
        String field = fieldName(p);
        String lower = field.toLowerCase(Locale.ROOT);
        // Each: description, raw JSON text of the value (or null with bytes), whether it must be refused.
        add(op, "strange-string", field + " with a NUL", base, b -> {
            raw(b, json, p, "\"" + esc(value) + "\\u0000x\"", true);
            b.refuse = Check.BAD_STRING_ACCEPTED;
        });
        add(op, "strange-string", field + " = a lone high surrogate", base, b -> {
            raw(b, json, p, "\"" + esc(value) + "\\ud800\"", true);
            b.refuse = Check.BAD_STRING_ACCEPTED;
        });
        add(op, "strange-string", field + " = a lone low surrogate", base, b -> {
            raw(b, json, p, "\"\\udc00" + esc(value) + "\"", true);
            b.refuse = Check.BAD_STRING_ACCEPTED;
        });
        add(op, "strange-string", field + " = surrogates in the wrong order", base, b -> {
            raw(b, json, p, "\"" + esc(value) + "\\udc00\\ud800\"", true);
            b.refuse = Check.BAD_STRING_ACCEPTED;
        });
        Map<String, byte[]> invalid = new LinkedHashMap<>();
        invalid.put("overlong UTF-8 C0 AE C0 AE C0 AF (../)", new byte[] {(byte) 0xc0, (byte) 0xae, (byte) 0xc0,
                (byte) 0xae, (byte) 0xc0, (byte) 0xaf});
        invalid.put("overlong UTF-8 E0 80 AF", new byte[] {(byte) 0xe0, (byte) 0x80, (byte) 0xaf});
        invalid.put("a UTF-8-encoded surrogate ED A0 80", new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80});
        invalid.put("bytes FF FE", new byte[] {(byte) 0xff, (byte) 0xfe});
        invalid.put("a cut multi-byte character E4 B8", new byte[] {(byte) 0xe4, (byte) 0xb8});
        invalid.put("a lone continuation byte 80", new byte[] {(byte) 0x80});
        invalid.put("a code point past U+10FFFF F4 90 80 80", new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80,
                (byte) 0x80});
        for (Map.Entry<String, byte[]> e : invalid.entrySet()) {
            add(op, "invalid-utf8", field + " with " + e.getKey(), base, b -> {
                b.body = render(json, p, concat(("\"" + value).getBytes(UTF_8), e.getValue(), "\"".getBytes(UTF_8)));
                // Refused at the byte level (before the JSON is parsed), so no field is required.
                b.refuse = Check.BAD_STRING_ACCEPTED;
            });
        }
        add(op, "strange-string", field + " with a raw control character (invalid JSON)", base,
                b -> raw(b, json, p, "\"" + esc(value) + "\u0001\"", false));
        Map<String, String> strange = new LinkedHashMap<>();
        strange.put("right-to-left override", value + "\u202Egnp.exe\u202C");
        strange.put("bidi isolates", "\u2066" + value + "\u2069\u200F");
        strange.put("zero-width and BOM", "\uFEFF" + value + "\u200B\u200D");
        strange.put("emoji", value + "😀👍🏽");
        strange.put("combining marks", value + "e\u0301\u0302\u0303\u0304");
        strange.put("empty", "");
        strange.put("blank", "   ");
        strange.put("a 100 KB string", "张".repeat(34_200));
        strange.put("a 10 000-character ASCII string", "a".repeat(10_000));
        strange.put("SQL", value + "' OR '1'='1' --");
        strange.put("HTML", "<script>alert(1)</script>");
        strange.put("a path", "../../../../etc/passwd");
        strange.put("a lookup", "${jndi:ldap://127.0.0.1/x}");
        strange.put("CRLF", value + "\r\nX-Injected: 1");
        strange.put("format specifiers", "%s%n%x%d");
        strange.put("a full-width copy", toFullWidth(value));
        strange.put("a number as text", "12345678901234567890");
        for (Map.Entry<String, String> e : strange.entrySet()) {
            add(op, "strange-string", field + " = " + e.getKey(), base,
                    b -> fieldValue(b, json, p, TextNode.valueOf(e.getValue())));
        }
        if (lower.endsWith("id") || lower.endsWith("ids") || lower.matches(".*ids\\[\\d+]")) {
            for (String v : List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000G",
                    "{" + UUID.randomUUID() + "}", "00000000-0000-0000-0000-000000000000")) {
                add(op, "bad-uuid", field + " = " + v, base, b -> fieldValue(b, json, p, TextNode.valueOf(v)));
            }
        }
        if (looksLikeEnum(value)) {
            for (String v : List.of("NOT_A_VALUE", value.toLowerCase(Locale.ROOT), " " + value, value + "\u0000"
                    .replace("\u0000", ""), "0")) {
                add(op, "bad-enum", field + " = " + FuzzCase.cut(v, 30), base, b -> fieldValue(b, json, p,
                        TextNode.valueOf(v.equals(value) ? value + "X" : v)));
            }
            add(op, "bad-enum", field + " = 0 (ordinal)", base, b -> fieldValue(b, json, p, IntNode.valueOf(0)));
        }
        if (value.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            for (String v : List.of("2024-13-45T25:61:00+08:00", "yesterday", "2024-02-30", "+999999999-12-31T23:59:59Z",
                    "1970-01-01T00:00:00Z", "2024-01-01T00:00:00+25:00")) {
                add(op, "bad-date", field + " = " + v, base, b -> fieldValue(b, json, p, TextNode.valueOf(v)));
            }
        }
    }

    private void numbers(Operation op, Base base, JsonNode json, List<Object> p) {
        String field = fieldName(p);
        for (String v : List.of("9223372036854775808", "-9223372036854775809", "1e308", "1e400", "-0", "\"NaN\"",
                "-1", "0", "1.5", "2147483648", "1e-400", "\"12\"", "123456789012345678901234567890")) {
            add(op, "bad-number", field + " = " + v, base, b -> raw(b, json, p, v, true));
        }
    }

    private void files(Operation op, Base base) {
        Map<String, byte[]> disguised = new LinkedHashMap<>();
        disguised.put("a Windows executable (MZ/PE)", concat("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1),
                new byte[60], "PE\u0000\u0000L\u0001".getBytes(StandardCharsets.ISO_8859_1), new byte[200]));
        disguised.put("a ZIP archive", concat(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0},
                "evil.sh".getBytes(UTF_8), new byte[100]));
        disguised.put("an HTML page", "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"
                .getBytes(UTF_8));
        disguised.put("a PDF", "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n".getBytes(UTF_8));
        disguised.put("an SVG with script", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(UTF_8));
        disguised.put("an ELF binary", concat(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1}, new byte[120]));
        disguised.put("a GIF", "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;".getBytes(StandardCharsets.ISO_8859_1));
        disguised.put("a JPEG magic number followed by HTML", concat(new byte[] {(byte) 0xff, (byte) 0xd8,
                (byte) 0xff, (byte) 0xe0}, "<html><script>alert(1)</script></html>".getBytes(UTF_8)));
        disguised.put("a shell script", "#!/bin/sh\nrm -rf /\n".getBytes(UTF_8));
        for (Map.Entry<String, byte[]> e : disguised.entrySet()) {
            add(op, "disguised-file", e.getKey() + " as image/jpeg", base, b -> {
                b.body = e.getValue();
                b.refuse = Check.DISGUISED_FILE_ACCEPTED;
            });
            add(op, "disguised-file", e.getKey() + " as a form part x.jpg (image/jpeg)", base, b -> {
                multipart(b, "x.jpg", "image/jpeg", e.getValue());
                b.refuse = Check.DISGUISED_FILE_ACCEPTED;
            });
        }
        byte[] jpeg = world.jpeg;
        add(op, "disguised-file", "an empty body", base, b -> b.body = new byte[0]);
        add(op, "disguised-file", "half a JPEG", base, b -> b.body = java.util.Arrays.copyOf(jpeg, jpeg.length / 2));
        add(op, "disguised-file", "a JPEG with a ZIP appended", base, b -> b.body = concat(jpeg, new byte[] {'P', 'K',
                3, 4}, new byte[64]));
        add(op, "disguised-file", "the JPEG as image/png", base, b -> b.headers.put("Content-Type", "image/png"));
        add(op, "disguised-file", "the JPEG as a form part", base, b -> multipart(b, "photo.jpg", "image/jpeg", jpeg));
        add(op, "multipart", "multipart/form-data without a boundary", base, b -> {
            multipart(b, "photo.jpg", "image/jpeg", jpeg);
            b.headers.put("Content-Type", "multipart/form-data");
        });
        add(op, "multipart", "multipart with the wrong boundary", base, b -> {
            multipart(b, "photo.jpg", "image/jpeg", jpeg);
            b.headers.put("Content-Type", "multipart/form-data; boundary=notTheOne");
        });
        add(op, "multipart", "a truncated multipart body", base, b -> {
            multipart(b, "photo.jpg", "image/jpeg", jpeg);
            b.body = java.util.Arrays.copyOf(b.body, b.body.length / 2);
        });
        add(op, "multipart", "multipart without a file part", base, b -> {
            multipart(b, null, null, null);
        });
        add(op, "multipart", "a file part named ../../x.jpg with a NUL", base,
                b -> multipart(b, "../../x\u0000.jpg", "image/jpeg", jpeg));
        for (String ct : List.of("garbage", "text/plain", "application/json", "multipart/mixed; boundary=x",
                "image/jpeg; charset=utf-8", "(none)")) {
            add(op, "content-type", "the JPEG with Content-Type: " + ct, base, b -> {
                if (ct.equals("(none)")) {
                    b.headers.remove("Content-Type");
                } else {
                    b.headers.put("Content-Type", ct);
                }
            });
        }
        byte[] big = concat(jpeg, new byte[5 * 1024 * 1024]);
        add(op, "oversize", "a 5 MiB file with Content-Length", base, b -> b.body = big);
        add(op, "oversize", "a 5 MiB file, chunked", base, b -> {
            b.body = big;
            b.chunked = true;
        });
        add(op, "oversize", "the JPEG, chunked", base, b -> b.chunked = true);
    }

    private void multipart(Base b, String filename, String type, byte[] content) {
        String boundary = "fuzzBoundary" + Math.abs(random.nextInt());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nID_BACK\r\n")
                .getBytes(UTF_8));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"ownerRef\"\r\n\r\n"
                + "subject.principal\r\n").getBytes(UTF_8));
        if (filename != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(UTF_8));
        b.body = out.toByteArray();
        b.headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
    }

    // ---------------------------------------------------------------- random extras (to reach the count)

    private static final List<String> EXTRA_TEXT = List.of("\\u0000", "\\ud83d", "\\u202e", "\\u0085", "\\u2028",
            "\\ufffd", "\\uffff", "\\\\", "\\\"", "\\/", "\\b\\f", "%00", "\\u00e9");

    private void randomExtra(Operation op) {
        if (excluded(op)) {
            return;
        }
        Base base = base(op, actor(op));
        if (op.hasJsonBody() && base.json != null && !paths(base.json).isEmpty()) {
            List<List<Object>> paths = paths(base.json);
            List<Object> p = paths.get(random.nextInt(paths.size()));
            JsonNode n = get(base.json, p);
            StringBuilder v = new StringBuilder();
            int parts = 1 + random.nextInt(4);
            for (int i = 0; i < parts; i++) {
                v.append(EXTRA_TEXT.get(random.nextInt(EXTRA_TEXT.size())));
                if (random.nextBoolean() && n.isTextual()) {
                    v.append(esc(n.asText()));
                }
            }
            String text = "\"" + v + "\"";
            boolean bad = text.contains("\\u0000") || text.matches(".*\\\\ud83d(?!\\\\udc).*");
            add(op, "random", fieldName(p) + " = " + text, base, b -> {
                raw(b, base.json, p, text, true);
                if (bad) {
                    b.refuse = Check.BAD_STRING_ACCEPTED;
                }
            });
        } else if (!op.in("query").isEmpty()) {
            Param q = op.in("query").get(random.nextInt(op.in("query").size()));
            String v = QUERY_VALUES.get(random.nextInt(QUERY_VALUES.size())) + encode(EXTRA_TEXT.get(random.nextInt(
                    EXTRA_TEXT.size())));
            add(op, "random", q.name() + "=" + FuzzCase.cut(v, 40), base, b -> b.query = replaceQuery(b.query,
                    q.name(), v));
        } else if (!op.in("path").isEmpty()) {
            Param q = op.in("path").get(random.nextInt(op.in("path").size()));
            String v = PATH_VALUES.get(random.nextInt(PATH_VALUES.size())) + random.nextInt(1000);
            add(op, "random", "{" + q.name() + "} = " + FuzzCase.cut(v, 40), base, b -> b.path.put(q.name(), v));
        } else {
            String al = ACCEPT_LANGUAGES.get(random.nextInt(ACCEPT_LANGUAGES.size())) + "," + random.nextInt(99);
            add(op, "random", "Accept-Language: " + al + " without a token", base, b -> {
                b.headers.put("Accept-Language", al);
                b.actor = "none";
            });
        }
    }

    // ---------------------------------------------------------------- building cases

    /** A mutable copy of the valid request, changed once by a case's lambda. */
    static final class Base {
        String actor;
        String auth;
        Map<String, String> path = new LinkedHashMap<>();
        String query = "";
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode json;
        byte[] body;
        boolean chunked;
        String field;
        Check refuse;
        boolean cross;
        boolean refuseReplay;
        FuzzCase preflight;

        Base copy() {
            Base c = new Base();
            c.actor = actor;
            c.auth = auth;
            c.path = new LinkedHashMap<>(path);
            c.query = query;
            c.headers = new LinkedHashMap<>(headers);
            c.json = json;
            c.body = body;
            c.chunked = chunked;
            return c;
        }
    }

    private void add(Operation op, String kind, String description, Base base, java.util.function.Consumer<Base> change) {
        cases.add(build(op, kind, description, base, change, null));
    }

    private FuzzCase build(Operation op, String kind, String description, Base base,
            java.util.function.Consumer<Base> change, String suffix) {
        Base b = base.copy();
        change.accept(b);
        String prefix = op.operationId() + "." + kind;
        int n = seq.merge(prefix, 1, Integer::sum);
        String id = prefix + "." + n + (suffix == null ? "" : "." + suffix);
        Map<String, String> headers = new LinkedHashMap<>(b.headers);
        if (b.body == null) {
            headers.remove("Content-Type");
        }
        return new FuzzCase(id, op, kind, description, b.actor, b.auth, b.path, b.query, headers, b.body, b.chunked,
                b.field, b.refuseReplay ? Check.IDEMPOTENCY_BODY_IGNORED : b.refuse, b.cross, b.preflight);
    }

    // ---------------------------------------------------------------- JSON helpers

    private void fieldValue(Base b, JsonNode json, List<Object> p, JsonNode value) {
        b.body = bytes(set(json.deepCopy(), p, value));
        b.field = fieldName(p);
    }

    /** The value at {@code p} replaced by raw JSON text (which Jackson would never write, e.g. -0 or \ud800). */
    private void raw(Base b, JsonNode json, List<Object> p, String text, boolean nameable) {
        b.body = render(json, p, text.getBytes(UTF_8));
        b.field = nameable ? fieldName(p) : null;
    }

    private void unknown(Base b, JsonNode json, List<Object> p) {
        JsonNode c = json.deepCopy();
        ObjectNode target = (ObjectNode) (p.isEmpty() ? c : get(c, p));
        target.put("fuzzUnknown", "x");
        b.body = bytes(c);
        b.field = (p.isEmpty() ? "" : fieldName(p) + ".") + "fuzzUnknown";
    }

    /** The object that holds {@code key} written with the key twice: first with another value, then its own. */
    private byte[] duplicate(JsonNode json, List<Object> p, String key) {
        List<Object> parent = p.subList(0, p.size() - 1);
        JsonNode holder = parent.isEmpty() ? json : get(json, parent);
        JsonNode own = holder.get(key);
        JsonNode other = own.isTextual() ? TextNode.valueOf(own.asText() + "2") : own.isNumber()
                ? IntNode.valueOf(own.asInt() + 1) : TextNode.valueOf("dup");
        String text = "{\"" + key + "\":" + other + "," + holder.toString().substring(1);
        return parent.isEmpty() ? text.getBytes(UTF_8) : render(json, parent, text.getBytes(UTF_8));
    }

    private static byte[] render(JsonNode json, List<Object> p, byte[] replacement) {
        JsonNode c = set(json.deepCopy(), p, TextNode.valueOf(MARK));
        String text = c.toString();
        int at = text.indexOf(MARK_Q);
        return concat(text.substring(0, at).getBytes(UTF_8), replacement,
                text.substring(at + MARK_Q.length()).getBytes(UTF_8));
    }

    static List<List<Object>> paths(JsonNode root) {
        List<List<Object>> out = new ArrayList<>();
        walk(root, new ArrayList<>(), out);
        return out;
    }

    private static void walk(JsonNode n, List<Object> at, List<List<Object>> out) {
        if (n instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(k -> {
                List<Object> p = new ArrayList<>(at);
                p.add(k);
                out.add(p);
                walk(o.get(k), p, out);
            });
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                List<Object> p = new ArrayList<>(at);
                p.add(i);
                out.add(p);
                walk(a.get(i), p, out);
            }
        }
    }

    static JsonNode get(JsonNode root, List<Object> p) {
        JsonNode n = root;
        for (Object k : p) {
            n = k instanceof Integer i ? n.get(i) : n.get((String) k);
        }
        return n;
    }

    static JsonNode set(JsonNode root, List<Object> p, JsonNode value) {
        JsonNode parent = get(root, p.subList(0, p.size() - 1));
        Object k = last(p);
        if (k instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) k, value);
        }
        return root;
    }

    static Object last(List<Object> p) {
        return p.get(p.size() - 1);
    }

    static String fieldName(List<Object> p) {
        StringBuilder s = new StringBuilder();
        for (Object k : p) {
            if (k instanceof Integer i) {
                s.append('[').append(i).append(']');
            } else {
                s.append(s.length() == 0 ? "" : ".").append(k);
            }
        }
        return s.toString();
    }

    private static List<JsonNode> wrongTypes(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        if (!n.isTextual()) {
            out.add(TextNode.valueOf("fuzz"));
        }
        if (!n.isNumber()) {
            out.add(IntNode.valueOf(12345));
        }
        if (!n.isBoolean()) {
            out.add(BooleanNode.TRUE);
        }
        if (!n.isObject()) {
            out.add(F.objectNode().put("a", 1));
        }
        if (!n.isArray()) {
            out.add(F.arrayNode().add(n.isContainerNode() ? F.textNode("x") : n));
        }
        return out;
    }

    private static boolean looksLikeEnum(String v) {
        return v.matches("[A-Z][A-Z0-9_]+") && v.length() > 1;
    }

    static byte[] bytes(JsonNode n) {
        return n.toString().getBytes(UTF_8);
    }

    private static byte[] oversize(JsonNode json) {
        String pad = "a".repeat(1_600_000);
        if (json instanceof ObjectNode o) {
            ObjectNode c = o.deepCopy();
            Iterator<String> names = c.fieldNames();
            String name = names.hasNext() ? names.next() : "padding";
            c.put(name, pad);
            return bytes(c);
        }
        return bytes(F.arrayNode().add(pad));
    }

    private static String esc(String v) {
        String s = TextNode.valueOf(v).toString();
        return s.substring(1, s.length() - 1);
    }

    private static String toFullWidth(String v) {
        StringBuilder s = new StringBuilder();
        for (char c : v.toCharArray()) {
            s.append(c >= '!' && c <= '~' ? (char) (c + 0xfee0) : c);
        }
        return s.toString();
    }

    private static String encode(String v) {
        return URLEncoder.encode(v, UTF_8).replace("+", "%20");
    }

    private static String join(String q, String more) {
        return q == null || q.isEmpty() ? more : q + "&" + more;
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(UTF_8));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
