package cn.beian.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One invalid input field.
 *
 * @param field   the JSON path in the request, e.g. {@code websites[1].domains[0]} or {@code principal.mobile}
 * @param code    a stable UPPER_SNAKE code (documented in the README's error catalogue)
 * @param message a message in the caller's language
 * @param rule    the {@code docs/province-rules.md} id where a province rule is the reason
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldViolation(String field, String code, String message, String rule) {

    public FieldViolation(String field, String code, String message) {
        this(field, code, message, null);
    }
}
