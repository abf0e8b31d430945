package cn.beian.national.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Why a submission was rejected or returned.
 *
 * @param code    stable UPPER_SNAKE code, e.g. {@code SMS_NOT_VERIFIED}, {@code WEBSITE_NAME_NOT_COMPLIANT}
 * @param field   the snapshot's JSON path the reason is about, where it is about one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Reason(
        @NotBlank @Size(max = 60) @jakarta.validation.constraints.Pattern(regexp = "[A-Z][A-Z0-9_]*") String code,
        @NotBlank @Size(max = 500) String message,
        @Size(max = 200) String field) {

    public static final String SMS_NOT_VERIFIED = "SMS_NOT_VERIFIED";
}
