package cn.beian.platform.http;

import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.Messages;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query parameters of every resource, checked once: a value with a NUL character ({@code %00}), an unpaired
 * surrogate or percent-encoded bytes that are not UTF-8 ({@code %C0%AE}) is a 400 problem naming the parameter,
 * before the resource (and PostgreSQL, which refuses NUL in text with a server error) sees it. It runs after
 * matching, so it knows the parameters' names, and after the role check, so a caller without a token still gets 401.
 */
public class ParameterGuard {

    @ServerRequestFilter(priority = 100)
    public void check(UriInfo uri, HttpServerRequest request) {
        List<String> bad = new ArrayList<>();
        boolean rawPathValid = decode(request.path(), false) != null;
        for (Map.Entry<String, List<String>> p : uri.getPathParameters(true).entrySet()) {
            for (String value : p.getValue()) {
                if (JsonBodyCheck.badCharacter(value) >= 0 || !rawPathValid && value.indexOf('\uFFFD') >= 0) {
                    bad.add(p.getKey());
                    break;
                }
            }
        }
        if (!rawPathValid && bad.isEmpty() && !uri.getPathParameters(true).isEmpty()) {
            bad.addAll(uri.getPathParameters(true).keySet());
        }
        String query = request.query();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String rawName = eq < 0 ? pair : pair.substring(0, eq);
                String name = decode(rawName, true);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
                if (name == null || value == null || JsonBodyCheck.badCharacter(name) >= 0
                        || JsonBodyCheck.badCharacter(value) >= 0) {
                    String field = name == null || JsonBodyCheck.badCharacter(name) >= 0 ? rawName : name;
                    if (!bad.contains(field)) {
                        bad.add(field);
                    }
                }
            }
        }
        if (!bad.isEmpty()) {
            boolean en = AcceptLanguages.english(request.getHeader("Accept-Language"));
            String message = JsonBodyCheck.invalidCharacterMessage(en);
            throw new ProblemException(ProblemType.VALIDATION_FAILED,
                    Messages.text(en, "detail.fields-invalid", String.valueOf(bad.size())),
                    bad.stream().map(f -> new FieldViolation(f, "INVALID_CHARACTER", message)).toList());
        }
    }

    /** Strict percent-decoding to UTF-8; null where an escape is broken or the bytes are not UTF-8. */
    static String decode(String raw, boolean plusIsSpace) {
        if (raw == null) {
            return null;
        }
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
