package cn.beian.national.rest;

import cn.beian.contract.domain.CertificateType;
import cn.beian.national.service.RegistryEdits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A registry subject's principal, as an operator enters it. */
public record PrincipalRequest(
        @NotBlank @Size(max = 50) String name,
        CertificateType certificateType,
        @Size(max = 40) String certificateNumber,
        @NotBlank @Pattern(regexp = "(\\+86)?1[3-9][0-9]{9}") String mobile,
        @Email @Size(max = 100) String email) {

    RegistryEdits.Principal toEdit() {
        return new RegistryEdits.Principal(name, certificateType, certificateNumber, mobile, email);
    }
}
