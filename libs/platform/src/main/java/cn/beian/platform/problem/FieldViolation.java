package cn.beian.platform.problem;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.Objects;

/**
 * One invalid input field.
 *
 * @param field   the JSON path in the request, e.g. {@code websites[1].domains[0]} or {@code principal.mobile}
 * @param code    a stable UPPER_SNAKE code (docs/error-codes.md)
 * @param message a message in the caller's language
 * @param rule    the {@code docs/province-rules.md} id where a province rule is the reason
 * @param args    for a violation built with {@link #of}: {@code message} is then a {@link Messages} key, worded with
 *                these arguments in the caller's language when the problem is answered; never serialised
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldViolation(String field, String code, String message, String rule, @JsonIgnore Object[] args) {

    public FieldViolation(String field, String code, String message, String rule) {
        this(field, code, message, rule, null);
    }

    public FieldViolation(String field, String code, String message) {
        this(field, code, message, null, null);
    }

    /** A violation whose message is the bundle entry {@code key}, worded in the caller's language. */
    public static FieldViolation of(String field, String code, String key, Object... args) {
        return new FieldViolation(field, code, key, null, args);
    }

    /** This violation with its message in English or zh-CN (itself where it was written out already). */
    FieldViolation worded(boolean english) {
        return args == null ? this : new FieldViolation(field, code, Messages.text(english, message, args), rule, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldViolation v && Objects.equals(field, v.field) && Objects.equals(code, v.code)
                && Objects.equals(message, v.message) && Objects.equals(rule, v.rule) && Arrays.equals(args, v.args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, code, message, rule, Arrays.hashCode(args));
    }

    @Override
    public String toString() {
        return "FieldViolation[field=" + field + ", code=" + code + ", message=" + message + ", rule=" + rule + "]";
    }
}
