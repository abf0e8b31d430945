package cn.beian.national.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A principal enters the code texted to their mobile. */
public record VerifySmsCodeRequest(
        @NotBlank @Pattern(regexp = "(\\+86)?1[3-9][0-9]{9}") String mobile,
        @NotBlank @Pattern(regexp = "[0-9]{6}", message = "{beian.smsCode.invalid}") String code) {
}
