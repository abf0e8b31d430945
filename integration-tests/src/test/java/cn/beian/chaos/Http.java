package cn.beian.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The chaos driver's HTTP client: one shared {@link HttpClient} (thread-safe), JSON through Jackson, and a transport
 * failure (connection refused or reset, a timeout — what a killed service looks like) answered as status 0 instead of
 * an exception, so that callers decide what is transient in one place ({@link #transient_}).
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private Http() {
    }

    /** An answer: status 0 when the request never got one (the transport failed; {@code error} says how). */
    record Resp(int status, Map<String, String> headers, String body, String error) {

        JsonNode json() {
            if (body == null || body.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Worth repeating as is: the transport failed, a 5xx (a service starting or dying), 429, 408. */
        boolean transient_() {
            return status == 0 || status >= 500 || status == 429 || status == 408;
        }

        /** Retry-After in ms when the answer carries one (seconds), else {@code fallback}. */
        long retryAfterMs(long fallback) {
            String v = header("retry-after");
            if (v == null) {
                return fallback;
            }
            try {
                return Math.min(10_000, Math.max(100, Long.parseLong(v.trim()) * 1000));
            } catch (NumberFormatException e) {
                return fallback;
            }
        }

        @Override
        public String toString() {
            String b = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
            return status == 0 ? "transport failure (" + error + ")" : status + " " + b.replace('\n', ' ');
        }
    }

    static final class Req {
        private final String method;
        private final String url;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        private Duration timeout = Duration.ofSeconds(30);

        Req(String method, String url) {
            this.method = method;
            this.url = url;
        }

        Req bearer(String token) {
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            return this;
        }

        Req header(String name, String value) {
            if (value != null) {
                headers.put(name, value);
            }
            return this;
        }

        Req json(Object body) {
            try {
                String s = body instanceof String str ? str : JSON.writeValueAsString(body);
                headers.put("Content-Type", "application/json");
                this.body = HttpRequest.BodyPublishers.ofString(s, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
            return this;
        }

        Req form(Map<String, String> fields) {
            StringBuilder sb = new StringBuilder();
            fields.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            this.body = HttpRequest.BodyPublishers.ofString(sb.toString());
            return this;
        }

        Req bytes(String contentType, byte[] bytes) {
            headers.put("Content-Type", contentType);
            this.body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            return this;
        }

        Req publisher(String contentType, HttpRequest.BodyPublisher publisher) {
            headers.put("Content-Type", contentType);
            this.body = publisher;
            return this;
        }

        Req timeout(Duration d) {
            this.timeout = d;
            return this;
        }

        Resp send() {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).method(method, body);
                headers.forEach(b::header);
                HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                Map<String, String> h = new LinkedHashMap<>();
                r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), v.isEmpty() ? "" : v.get(0)));
                return new Resp(r.statusCode(), h, r.body(), null);
            } catch (IOException e) {
                return new Resp(0, Map.of(), null, e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Resp(0, Map.of(), null, "interrupted");
            }
        }
    }

    static Req get(String url) {
        return new Req("GET", url);
    }

    static Req post(String url) {
        return new Req("POST", url);
    }

    static Req put(String url) {
        return new Req("PUT", url);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
