package cn.beian.validators;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a value is refused: a stable UPPER_SNAKE {@code code} (what clients and translations key on) and an English
 * {@code message} for logs and English-speaking callers.
 */
public record Problem(String code, String message) {

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
    }

    static Optional<Problem> of(String code, String message) {
        return Optional.of(new Problem(code, message));
    }
}
