package cn.beian.validators;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a value is refused: a stable UPPER_SNAKE {@code code} (what clients and translations key on), an English
 * {@code message} for logs and callers without a message bundle, and the bundle {@code key} with its {@code args}
 * that word the same sentence in the caller's language (the platform's
 * {@code cn/beian/platform/problem/messages*.properties}, e.g. {@code field.resident-id-length}).
 *
 * @param args the values the sentence shows, as strings (so that a message format never groups their digits)
 */
public record Problem(String code, String message, String key, List<String> args) {

    /** Not the shape the certificate type has (length, characters, prefix). */
    public static final String CERTIFICATE_FORMAT = "CERTIFICATE_FORMAT";
    /** The check digit or check character does not match the rest of the number. */
    public static final String CERTIFICATE_CHECK_DIGIT = "CERTIFICATE_CHECK_DIGIT";
    /** The birth date the number encodes does not exist, lies in the future or before 1900. */
    public static final String CERTIFICATE_BIRTH_DATE = "CERTIFICATE_BIRTH_DATE";
    /** The region code the number encodes is not a provincial-level region. */
    public static final String CERTIFICATE_REGION = "CERTIFICATE_REGION";
    /** An old-style number (15-digit ID, 9-character organization code, 15-digit registration number). */
    public static final String CERTIFICATE_OLD_STYLE = "CERTIFICATE_OLD_STYLE";

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    /** A problem worded by bundle entry {@code key} with {@code args}; {@code message} is its English sentence. */
    public static Problem keyed(String code, String key, String message, Object... args) {
        return new Problem(code, message, key, Arrays.stream(args).map(String::valueOf).toList());
    }

    static Optional<Problem> of(String code, String key, String message, Object... args) {
        return Optional.of(keyed(code, key, message, args));
    }
}
