package cn.beian.localstack.sms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Local stand-in for a Chinese SMS provider's HTTP API (shaped after Aliyun Dysms: signName,
 * templateCode, templateParam, outId; answers {@code code=OK}, {@code requestId}, {@code bizId}).
 *
 * <ul>
 *   <li>{@code POST /api/v1/sms/send} (Bearer API key) - accept a message for one or more phones</li>
 *   <li>{@code GET /api/v1/sms/messages?phone=&since=&outId=&templateCode=} - list (newest last)</li>
 *   <li>{@code GET /api/v1/sms/messages/{id}} - one message</li>
 *   <li>{@code DELETE /api/v1/sms/messages} - clear</li>
 *   <li>{@code PUT /api/v1/sms/faults} {@code {"failureRate":0.3,"maxDelayMs":40}} - make sends flaky, as real
 *       providers are: each send waits up to {@code maxDelayMs}, and a message's first attempt fails with a
 *       transient 503 ({@code isp.SYSTEM_BUSY}, nothing stored) with probability {@code failureRate}; its retry
 *       (same {@code outId}) goes through, so a sender that retries loses nothing; zeros turn it off</li>
 *   <li>{@code GET /api/v1/sms/reports?after=&limit=} - delivery reports in arrival order after a cursor (below)</li>
 *   <li>{@code PUT /api/v1/sms/test/unreachable/{phone}} {@code {"errorCode":"MOBILE_IN_BLACK"}} (body optional,
 *       default {@code MOBILE_NOT_ON_SERVICE}) - a test control: later messages to that number end {@code FAILED}
 *       with that code; {@code DELETE} the same path restores it</li>
 *   <li>{@code GET /health} - liveness</li>
 * </ul>
 * Errors are {@code application/problem+json} with an extra provider-style {@code code}.
 *
 * <p>Delivery reports (Dysms' receipts): a message is {@code SENDING} when accepted, and its report
 * ({@code DELIVERED}, or {@code FAILED} with the operator's {@code errorCode}) arrives {@code reportDelay} later
 * (0 by default: by the next read). The report shows on the message ({@code status}, {@code errorCode},
 * {@code reportedAt}, as QuerySendDetails answers) and in the report log, which a reader pulls with
 * {@code GET /api/v1/sms/reports?after=<cursor>} ({@code {"reports":[…],"next":"<cursor>"}}): Dysms hands reports to a
 * queue the customer pulls from (MNS SmsReport); a cursor over an append-only log gives the same at-least-once
 * reading with the reader keeping its place.
 */
public final class SmsGateway implements AutoCloseable {

    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_PHONES = 1000;
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final String API = "/api/v1/sms";

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final byte[] apiKey;
    private final SmsStore store;
    private final HttpServer server;
    private final ExecutorService executor;

    /** Injected flakiness (tests of retries and ordering): failure probability and the longest added delay. */
    private record Faults(double failureRate, int maxDelayMs) {
    }

    private volatile Faults faults = new Faults(0, 0);
    /** Numbers a test made unreachable, with the report's error code. */
    private final Map<String, String> unreachable = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile java.time.Duration reportDelay = java.time.Duration.ZERO;

    /** The operators' reasons a stand-in report can carry (Dysms receipt codes), with their words. */
    static final Map<String, String> REPORT_ERRORS = Map.of(
            "MOBILE_NOT_ON_SERVICE", "停机 (number out of service)",
            "MOBILE_ACCOUNT_ABNORMAL", "用户账户异常 (subscriber account abnormal)",
            "MOBILE_IN_BLACK", "手机号在黑名单 (number blacklisted)",
            "MOBILE_NUMBER_ILLEGAL", "号码格式错误或空号 (no such number)",
            "MOBILE_CLOSED", "关机 (handset switched off)",
            "MOBILE_TERMINAL_ERROR", "手机终端问题 (handset error)",
            "GATEWAY_ERROR", "运营商网关错误 (operator gateway error)");
    /** outIds whose first attempt an injected fault refused: their retries go through. */
    private final java.util.Set<String> refusedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private SmsGateway(String host, int port, String apiKey, Path storeFile) throws IOException {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("API key must not be blank");
        }
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
        this.store = new SmsStore(storeFile, mapper);
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sms-gateway-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts a gateway; port 0 picks a free port (see {@link #port()}). */
    public static SmsGateway start(String host, int port, String apiKey, Path storeFile) throws IOException {
        SmsGateway g = new SmsGateway(host, port, apiKey, storeFile);
        g.server.start();
        return g;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Makes every later send wait a random time up to {@code maxDelayMs}, and a message's first attempt fail with a
     * transient 503 with probability {@code failureRate} (0 to 1); a retry with the same {@code outId} succeeds.
     * {@code faults(0, 0)} makes the gateway reliable again.
     */
    public void faults(double failureRate, int maxDelayMs) {
        if (failureRate < 0 || failureRate > 1 || maxDelayMs < 0 || maxDelayMs > 10_000) {
            throw new IllegalArgumentException("failureRate must be 0..1 and maxDelayMs 0..10000");
        }
        faults = new Faults(failureRate, maxDelayMs);
    }

    /** Makes later messages to {@code phone} end {@code FAILED} with {@code errorCode}; null restores the number. */
    public void unreachable(String phone, String errorCode) {
        String normalised = normalisePhone(phone);
        if (normalised == null) {
            throw new IllegalArgumentException("not a mainland mobile number");
        }
        if (errorCode == null) {
            unreachable.remove(normalised);
        } else if (!REPORT_ERRORS.containsKey(errorCode)) {
            throw new IllegalArgumentException("errorCode must be one of " + new java.util.TreeSet<>(REPORT_ERRORS.keySet()));
        } else {
            unreachable.put(normalised, errorCode);
        }
    }

    /** How long after a send its report arrives (the message is SENDING until then). */
    public void reportDelay(java.time.Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        reportDelay = delay;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------ routing

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.endsWith("/") && path.length() > 1) {
                path = path.substring(0, path.length() - 1);
            }
            if (path.equals("/health")) {
                requireMethod(method, "GET", "HEAD");
                json(ex, 200, Map.of("status", "UP"));
            } else if (path.equals(API + "/send")) {
                requireMethod(method, "POST");
                send(ex);
            } else if (path.equals(API + "/faults")) {
                requireMethod(method, "PUT");
                setFaults(ex);
            } else if (path.equals(API + "/reports")) {
                requireMethod(method, "GET");
                reports(ex);
            } else if (path.startsWith(API + "/test/unreachable/")) {
                requireMethod(method, "PUT", "DELETE");
                setUnreachable(ex, method, path.substring((API + "/test/unreachable/").length()));
            } else if (path.equals(API + "/messages")) {
                requireMethod(method, "GET", "DELETE");
                if (method.equals("GET")) {
                    list(ex);
                } else {
                    int n = store.clear();
                    json(ex, 200, Map.of("deleted", n));
                }
            } else if (path.startsWith(API + "/messages/")) {
                requireMethod(method, "GET");
                String id = path.substring((API + "/messages/").length());
                store.settle(Instant.now());
                SmsMessage m = store.get(id).orElseThrow(() ->
                        new ApiError(404, "Not Found", "NotFound", "no SMS with id " + id));
                json(ex, 200, m);
            } else {
                throw new ApiError(404, "Not Found", "NotFound", "no such endpoint: " + method + " " + path);
            }
        } catch (ApiError e) {
            problem(ex, e);
        } catch (RuntimeException e) {
            e.printStackTrace();
            problem(ex, new ApiError(500, "Internal Server Error", "InternalError", String.valueOf(e.getMessage())));
        } finally {
            ex.close();
        }
    }

    private static void requireMethod(String method, String... allowed) {
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        throw new ApiError(405, "Method Not Allowed", "MethodNotAllowed", "allowed: " + String.join(", ", allowed));
    }

    // ------------------------------------------------------------------ send

    private void setFaults(HttpExchange ex) throws IOException {
        JsonNode root;
        try {
            root = mapper.readTree(readBounded(ex));
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "Bad Request", "isv.INVALID_JSON_PARAM", "malformed JSON: " + e.getOriginalMessage());
        }
        try {
            faults(root.path("failureRate").asDouble(0), root.path("maxDelayMs").asInt(0));
        } catch (IllegalArgumentException e) {
            throw invalid("isv.INVALID_PARAMETERS", e.getMessage());
        }
        json(ex, 200, Map.of("failureRate", faults.failureRate(), "maxDelayMs", faults.maxDelayMs()));
    }

    /** Waits and maybe fails as {@link #faults(double, int)} asked; a failed send stores nothing. */
    private void injectFaults(String outId) {
        Faults f = faults;
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        if (f.maxDelayMs() > 0) {
            try {
                Thread.sleep(random.nextInt(f.maxDelayMs() + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (f.failureRate() > 0 && random.nextDouble() < f.failureRate()
                && (outId == null || refusedOnce.add(outId))) {
            throw new ApiError(503, "Service Unavailable", "isp.SYSTEM_BUSY", "injected transient failure");
        }
    }

    private void send(HttpExchange ex) throws IOException {
        checkApiKey(ex.getRequestHeaders().getFirst("Authorization"));
        byte[] body = readBounded(ex);
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "Bad Request", "isv.INVALID_JSON_PARAM", "malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ApiError(400, "Bad Request", "isv.INVALID_JSON_PARAM", "request body must be a JSON object");
        }

        List<String> phones = new ArrayList<>();
        JsonNode pn = root.get("phoneNumbers");
        if (pn == null || !pn.isArray() || pn.isEmpty()) {
            throw invalid("isv.MOBILE_NUMBER_ILLEGAL", "phoneNumbers must be a non-empty array");
        }
        if (pn.size() > MAX_PHONES) {
            throw invalid("isv.MOBILE_COUNT_OVER_LIMIT", "at most " + MAX_PHONES + " phone numbers per request");
        }
        for (JsonNode p : pn) {
            String normalised = p.isTextual() ? normalisePhone(p.asText()) : null;
            if (normalised == null) {
                throw invalid("isv.MOBILE_NUMBER_ILLEGAL",
                        "not a mainland China mobile number (11 digits starting 1[3-9], optionally +86): " + p);
            }
            phones.add(normalised);
        }
        String signName = requiredText(root, "signName", "isv.SMS_SIGNATURE_ILLEGAL");
        String templateCode = requiredText(root, "templateCode", "isv.SMS_TEMPLATE_ILLEGAL");
        Map<String, Object> templateParam = new LinkedHashMap<>();
        JsonNode tp = root.get("templateParam");
        if (tp != null && !tp.isNull()) {
            if (!tp.isObject()) {
                throw invalid("isv.INVALID_JSON_PARAM", "templateParam must be a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = mapper.convertValue(tp, Map.class);
            templateParam.putAll(m);
        }
        String text = optionalText(root, "text");
        String outId = optionalText(root, "outId");

        injectFaults(outId);
        String requestId = UUID.randomUUID().toString().toUpperCase();
        String bizId = System.currentTimeMillis() + "^" + Long.toUnsignedString(UUID.randomUUID().getMostSignificantBits() & 0xFFFFFFFFFFL);
        Instant now = Instant.now();
        List<SmsMessage> batch = new ArrayList<>();
        Map<String, String[]> failures = new HashMap<>();
        for (String phone : phones) {
            SmsMessage m = new SmsMessage(UUID.randomUUID().toString(), bizId, requestId, phone, signName,
                    templateCode, templateParam, text, outId, now, SmsMessage.SENDING, null, null);
            batch.add(m);
            String error = unreachable.get(phone);
            if (error != null) {
                failures.put(m.id(), new String[] {error, REPORT_ERRORS.get(error)});
            }
        }
        store.addAll(batch, failures, now.plus(reportDelay));
        store.settle(now);
        System.out.printf("%s SMS %s -> %s [%s/%s] outId=%s%n", now, bizId, phones, signName, templateCode, outId);

        Map<String, Object> resp = new LinkedHashMap<>();
        resp.put("code", "OK");
        resp.put("message", "OK");
        resp.put("requestId", requestId);
        resp.put("bizId", bizId);
        resp.put("messageIds", batch.stream().map(SmsMessage::id).toList());
        json(ex, 200, resp);
    }

    private void checkApiKey(String authorization) {
        String prefix = "Bearer ";
        if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw new ApiError(401, "Unauthorized", "InvalidAccessKeyId.NotFound", "missing Bearer API key");
        }
        byte[] given = authorization.substring(prefix.length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, apiKey)) {
            throw new ApiError(401, "Unauthorized", "InvalidAccessKeyId.NotFound", "invalid API key");
        }
    }

    private static byte[] readBounded(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            String cl = ex.getRequestHeaders().getFirst("Content-Length");
            if (cl != null) {
                long declared;
                try {
                    declared = Long.parseLong(cl.trim());
                } catch (NumberFormatException e) {
                    throw new ApiError(400, "Bad Request", "isv.INVALID_PARAMETERS", "bad Content-Length");
                }
                if (declared > MAX_BODY_BYTES) {
                    drain(in);
                    throw tooLarge();
                }
            }
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                drain(in);
                throw tooLarge();
            }
            return body;
        }
    }

    /** Reads away (up to 8 MiB of) an oversized body so the client receives the 413 instead of a reset. */
    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[16 * 1024];
        long left = 8L * 1024 * 1024;
        int n;
        while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
            left -= n;
        }
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "Payload Too Large", "isv.BODY_TOO_LARGE", "request body exceeds " + MAX_BODY_BYTES + " bytes");
    }

    /** Returns the 11-digit mainland mobile number, or null if {@code raw} is not one (accepts +86 / 86 prefixes). */
    static String normalisePhone(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replace(" ", "").replace("-", "");
        if (s.startsWith("+86")) {
            s = s.substring(3);
        } else if (s.startsWith("0086")) {
            s = s.substring(4);
        }
        return MAINLAND_MOBILE.matcher(s).matches() ? s : null;
    }

    private static String requiredText(JsonNode root, String field, String code) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw invalid(code, field + " is required and must be a non-blank string");
        }
        return n.asText();
    }

    private static String optionalText(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw invalid("isv.INVALID_PARAMETERS", field + " must be a string");
        }
        return n.asText();
    }

    private static ApiError invalid(String code, String detail) {
        return new ApiError(400, "Bad Request", code, detail);
    }

    // ------------------------------------------------------------------ reads

    private void list(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        String phone = null;
        if (q.containsKey("phone")) {
            phone = normalisePhone(q.get("phone"));
            if (phone == null) {
                throw invalid("isv.MOBILE_NUMBER_ILLEGAL", "phone is not a mainland mobile number: " + q.get("phone"));
            }
        }
        Instant since = null;
        if (q.containsKey("since")) {
            try {
                since = Instant.parse(q.get("since"));
            } catch (DateTimeParseException e) {
                throw invalid("isv.INVALID_PARAMETERS", "since must be an ISO-8601 instant, e.g. 2025-01-01T00:00:00Z");
            }
        }
        store.settle(Instant.now());
        json(ex, 200, store.find(phone, since, q.get("outId"), q.get("templateCode")));
    }

    private void reports(HttpExchange ex) throws IOException {
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        long after = 0;
        int limit = 100;
        try {
            if (q.containsKey("after") && !q.get("after").isEmpty()) {
                after = Long.parseLong(q.get("after"));
            }
            if (q.containsKey("limit")) {
                limit = Integer.parseInt(q.get("limit"));
            }
        } catch (NumberFormatException e) {
            throw invalid("isv.INVALID_PARAMETERS", "after must be a cursor this gateway answered, limit 1..1000");
        }
        if (after < 0 || limit < 1 || limit > 1000) {
            throw invalid("isv.INVALID_PARAMETERS", "after must be a cursor this gateway answered, limit 1..1000");
        }
        store.settle(Instant.now());
        List<SmsReport> page = store.reportsAfter(after, limit);
        Map<String, Object> resp = new LinkedHashMap<>();
        resp.put("reports", page);
        resp.put("next", page.isEmpty() ? String.valueOf(Math.min(after, store.lastCursor()))
                : page.get(page.size() - 1).cursor());
        json(ex, 200, resp);
    }

    private void setUnreachable(HttpExchange ex, String method, String rawPhone) throws IOException {
        String phone = normalisePhone(rawPhone);
        if (phone == null) {
            throw invalid("isv.MOBILE_NUMBER_ILLEGAL", "not a mainland mobile number");
        }
        String code = null;
        if (method.equals("PUT")) {
            byte[] body = readBounded(ex);
            code = "MOBILE_NOT_ON_SERVICE";
            if (body.length > 0) {
                JsonNode root;
                try {
                    root = mapper.readTree(body);
                } catch (JsonProcessingException e) {
                    throw new ApiError(400, "Bad Request", "isv.INVALID_JSON_PARAM", "malformed JSON: " + e.getOriginalMessage());
                }
                if (root != null && root.hasNonNull("errorCode")) {
                    code = root.get("errorCode").asText();
                }
            }
        }
        try {
            unreachable(phone, code);
        } catch (IllegalArgumentException e) {
            throw invalid("isv.INVALID_PARAMETERS", e.getMessage());
        }
        Map<String, Object> resp = new LinkedHashMap<>();
        resp.put("phone", phone);
        resp.put("unreachable", code != null);
        resp.put("errorCode", code);
        json(ex, 200, resp);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    // ------------------------------------------------------------------ responses

    private void json(HttpExchange ex, int status, Object body) throws IOException {
        write(ex, status, "application/json; charset=utf-8", mapper.writeValueAsBytes(body));
    }

    private void problem(HttpExchange ex, ApiError e) throws IOException {
        ObjectNode p = mapper.createObjectNode();
        p.put("type", "about:blank");
        p.put("title", e.title);
        p.put("status", e.status);
        p.put("detail", e.getMessage());
        p.put("instance", ex.getRequestURI().getPath());
        p.put("code", e.code);
        p.put("message", e.getMessage());
        if (e.status == 401) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"sms-gateway\"");
        }
        write(ex, e.status, "application/problem+json; charset=utf-8", mapper.writeValueAsBytes(p));
    }

    private static void write(HttpExchange ex, int status, String contentType, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** An error answered as problem+json. */
    static final class ApiError extends RuntimeException {
        final int status;
        final String title;
        final String code;

        ApiError(int status, String title, String code, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.title = title;
            this.code = code;
        }
    }
}
