package cn.beian.platform.http;

import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.Messages;
import cn.beian.platform.problem.Problem;
import cn.beian.platform.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The edge every request of every service passes first (right after {@code BodyLimitRoute}), so that a class of bad
 * input is refused once, here, and never reaches a resource, a mapper or the database:
 * <ul>
 * <li>an {@code Accept-Language} that is not a well-formed list ({@code en;q=2}, {@code *;q=garbage}, {@code ;;;},
 * hundreds of characters) is dropped, so language negotiation falls back to zh-CN instead of failing;</li>
 * <li>a body's {@code Content-Type} that is not a media type ({@code garbage}) is a 415 problem;</li>
 * <li>the body of a POST, PUT, PATCH or DELETE is read here, up to {@code beian.http.max-body-size}: more, also when
 * sent chunked without {@code Content-Length}, is a 413 problem (Quarkus' own limit would answer a bare 413);</li>
 * <li>a JSON body is checked by {@link JsonBodyCheck} (strict UTF-8, no duplicated member, no NUL or unpaired
 * surrogate, no null in an array): a 400 problem naming the field;</li>
 * <li>the SHA-256 of the body is kept on the request ({@link #BODY_SHA256}) for the Idempotency-Key fingerprint.</li>
 * </ul>
 * The body then goes on to Quarkus REST from memory (it reads an already read body from the routing context).
 * <p>
 * That is why the services speak HTTP/1.1 only ({@code quarkus.http.http2=false} in the shared configuration):
 * over HTTP/2 Quarkus REST pauses the request when it starts, which Vert.x refuses once the request's stream has
 * ended, so a body read here first would turn every HTTP/2 POST into a 500. Clients that offer an h2c upgrade (the
 * JDK's HttpClient does by default) simply stay on HTTP/1.1; TLS and HTTP/2 end at the ingress.
 */
@ApplicationScoped
public class EdgeRoute {

    /** Routing-context key of the hex SHA-256 of the request body (of no bytes where there is none). */
    public static final String BODY_SHA256 = "beian.body-sha256";

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MEDIA_TYPE = Pattern.compile("\\s*" + TOKEN + "/" + TOKEN + "\\s*(?:;\\s*" + TOKEN
            + "\\s*=\\s*(?:" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\")\\s*)*;?\\s*");
    private static final String EMPTY_SHA256 = hex(new byte[0]);
    private static final int MOST_PRESIZED = 1 << 20;

    private final long limit;

    public EdgeRoute(@ConfigProperty(name = "beian.http.max-body-size", defaultValue = "1M") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        List<String> languages = request.headers().getAll(HttpHeaders.ACCEPT_LANGUAGE);
        if (!languages.isEmpty() && !AcceptLanguages.isValid(String.join(",", languages))) {
            request.headers().remove(HttpHeaders.ACCEPT_LANGUAGE);
        }
        boolean en = english(ctx);
        String lengthHeader = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        Long declared = lengthHeader == null ? null : declaredLength(lengthHeader);
        if (!WITH_BODY.contains(request.method()) || !hasBody(request, lengthHeader, declared)) {
            ctx.put(BODY_SHA256, EMPTY_SHA256);
            ctx.next();
            return;
        }
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !MEDIA_TYPE.matcher(contentType).matches()) {
            String message = Messages.text(en, "field.not-a-media-type");
            refuse(ctx, ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    Messages.text(en, "detail.content-type-invalid"),
                    List.of(new FieldViolation("Content-Type", "INVALID_VALUE", message)), Map.of(), false);
            return;
        }
        if (request.isEnded()) {
            ctx.put(BODY_SHA256, EMPTY_SHA256);
            ctx.next();
            return;
        }
        String expect = request.getHeader(HttpHeaders.EXPECT);
        if (expect != null && expect.equalsIgnoreCase("100-continue") && request.version() != HttpVersion.HTTP_1_0) {
            ctx.response().writeContinue();
        }
        Buffer body = Buffer.buffer(initialCapacity(declared));
        boolean[] over = {false};
        request.handler(chunk -> {
            if (over[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                over[0] = true;
                refuse(ctx, ProblemType.PAYLOAD_TOO_LARGE,
                        Messages.text(en, "detail.body-too-large", String.valueOf(limit)), List.of(),
                        Map.of("maxBytes", limit), true);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> {
            if (!over[0] && !ctx.response().ended()) {
                over[0] = true;
                ctx.fail(400, e);
            }
        });
        request.endHandler(v -> {
            if (!over[0]) {
                accept(ctx, body, contentType, en);
            }
        });
        request.resume();
    }

    private void accept(RoutingContext ctx, Buffer body, String contentType, boolean en) {
        byte[] bytes = body.getBytes();
        if (bytes.length > 0 && (isJson(contentType) || contentType == null && looksLikeJson(bytes))) {
            JsonBodyCheck.Finding finding = JsonBodyCheck.check(bytes, en);
            if (finding != null) {
                refuse(ctx, finding.type(), finding.detail(), finding.errors(), Map.of(), false);
                return;
            }
        }
        ctx.put(BODY_SHA256, bodyHash(bytes, contentType));
        if (ctx instanceof RoutingContextInternal internal) {
            internal.setBody(body);
        }
        ctx.next();
    }

    /**
     * The body's declared length when it is within the limit, so a large body (a 300 KB photo) is read into one
     * buffer rather than one grown by doubling (about twice the bytes allocated and copied); a small default otherwise.
     * At most {@value #MOST_PRESIZED} bytes are taken on the header's word alone: a client that declares a large body
     * and sends none holds no more than one that sends it.
     */
    private int initialCapacity(Long declared) {
        return declared != null && declared > 0 && declared <= limit ? (int) Math.min(declared, MOST_PRESIZED) : 1024;
    }

    /** The {@code Content-Length} header's number; null when it is none (the body is then read to learn its size). */
    private static Long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether a body follows: a positive or unreadable declared length, else HTTP/2 or a chunked body. */
    private static boolean hasBody(HttpServerRequest request, String lengthHeader, Long declared) {
        if (lengthHeader != null) {
            return declared == null || declared > 0;
        }
        return request.version() == HttpVersion.HTTP_2 || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static boolean looksLikeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    static boolean english(RoutingContext ctx) {
        return AcceptLanguages.english(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** Answers a problem from the edge, where no exception mapper runs. */
    public static void refuse(RoutingContext ctx, ProblemType type, String detail, List<FieldViolation> errors,
            Map<String, Object> extensions, boolean close) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        boolean en = english(ctx);
        Problem problem = new Problem(type.uri(), type.title(en), type.status(), detail, instance(ctx), errors,
                extensions);
        ctx.response().setStatusCode(type.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (close) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        ctx.response().end(Json.encode(problem));
    }

    private static URI instance(RoutingContext ctx) {
        try {
            return URI.create(ctx.request().path());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The SHA-256 of the body; for {@code multipart/*} without its boundary, which a client draws afresh each time it
     * builds the same form, so a retry of the same parts has the same fingerprint.
     */
    static String bodyHash(byte[] bytes, String contentType) {
        MessageDigest digest = sha256();
        String boundary = boundary(contentType);
        if (boundary == null) {
            digest.update(bytes);
        } else {
            byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            byte[] neutral = {'-', '-'};
            int from = 0;
            int at;
            while ((at = indexOf(bytes, delimiter, from)) >= 0) {
                digest.update(bytes, from, at - from);
                digest.update(neutral);
                from = at + delimiter.length;
            }
            digest.update(bytes, from, bytes.length - from);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String boundary(String contentType) {
        if (contentType == null || !contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return null;
        }
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String value = p.substring(9).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
