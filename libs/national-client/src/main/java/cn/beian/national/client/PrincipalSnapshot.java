package cn.beian.national.client;

import cn.beian.contract.domain.CertificateType;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A subject or website principal (负责人) as submitted: the mobile receives the SMS verification code. */
public record PrincipalSnapshot(
        @NotBlank @Size(max = 50) String name,
        @NotNull CertificateType certificateType,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[0-9A-Za-z()\\-]+") String certificateNumber,
        @NotBlank @Pattern(regexp = "(\\+86)?1[3-9][0-9]{9}") String mobile,
        @Email @Size(max = 100) String email) {
}
