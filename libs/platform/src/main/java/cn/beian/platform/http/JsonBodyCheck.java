package cn.beian.platform.http;

import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.Messages;
import cn.beian.platform.problem.ProblemType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What every JSON request body must be before any resource sees it, checked once for all services by
 * {@link EdgeRoute}: strict UTF-8 (no overlong forms, no encoded surrogates: {@code C0 AE}, {@code ED A0 80} are
 * refused, not decoded to {@code .} or {@code ?}), no duplicated member names, no NUL character or unpaired
 * surrogate (as {@code \u0000} or {@code \ud800} escapes) in any string or member name, and no {@code null} inside an
 * array. Each finding names its place as a JSON path ({@code websites[0].domains[1]}).
 */
public final class JsonBodyCheck {

    /** One reason to refuse a body. */
    public record Finding(ProblemType type, String detail, List<FieldViolation> errors) {
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonBodyCheck() {
    }

    /** The first reason to refuse {@code body}, or null when it may go on (malformed JSON is left to the reader). */
    public static Finding check(byte[] body, boolean en) {
        int bad = firstInvalidUtf8(body);
        if (bad >= 0) {
            return new Finding(ProblemType.MALFORMED_REQUEST,
                    Messages.text(en, "detail.body-not-utf8", String.valueOf(bad)),
                    List.of());
        }
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME -> {
                        if (badCharacter(p.currentName()) >= 0) {
                            return invalidCharacter(path(p.getParsingContext()), en);
                        }
                    }
                    case VALUE_STRING -> {
                        if (badCharacter(p.getText()) >= 0) {
                            return invalidCharacter(path(p.getParsingContext()), en);
                        }
                    }
                    case VALUE_NULL -> {
                        if (p.getParsingContext().inArray()) {
                            String field = path(p.getParsingContext());
                            String message = Messages.text(en, "field.NOT_NULL");
                            return new Finding(ProblemType.VALIDATION_FAILED, detail(en),
                                    List.of(new FieldViolation(field, "NOT_NULL", message)));
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (JsonParseException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field") && e.getProcessor() != null) {
                String field = path(e.getProcessor().getParsingContext());
                return new Finding(ProblemType.VALIDATION_FAILED, detail(en), List.of(new FieldViolation(field,
                        "DUPLICATE_FIELD", Messages.text(en, "field.DUPLICATE_FIELD"))));
            }
            return null; // malformed JSON: the body reader reports it where it is read
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** The index of the first byte that is not part of well-formed UTF-8, or -1. */
    static int firstInvalidUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            decoder.decode(in);
            return -1;
        } catch (CharacterCodingException e) {
            // decode() leaves the position at the start of the malformed input
            return in.position();
        }
    }

    /** The index of the first NUL or unpaired surrogate in {@code s}, or -1. */
    public static int badCharacter(String s) {
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** The message of {@code INVALID_CHARACTER}, shared with the path and query check. */
    static String invalidCharacterMessage(boolean en) {
        return Messages.text(en, "field.INVALID_CHARACTER");
    }

    private static Finding invalidCharacter(String field, boolean en) {
        return new Finding(ProblemType.VALIDATION_FAILED, detail(en),
                List.of(new FieldViolation(field, "INVALID_CHARACTER", invalidCharacterMessage(en))));
    }

    private static String detail(boolean en) {
        return Messages.text(en, "detail.fields-invalid", "1");
    }

    /** {@code principal.name}, {@code websites[1].domains[0]}; {@code $} for the document itself. */
    static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                String name = c.getCurrentName();
                parts.addFirst(name == null ? "" : (c.getParent() != null && c.getParent().inRoot() ? "" : ".")
                        + name);
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? "$" : path;
    }
}
