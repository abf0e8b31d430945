package cn.beian.subject.rest;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.subject.service.SubjectInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What an applicant gives to register or edit the account's subject, or to revise it in a CHANGE order. Bean
 * Validation checks presence, sizes and characters; {@link SubjectInput#validated} checks the values (certificate
 * numbers, phones, e-mail, the principal's age) and collects every problem into one answer.
 */
public record CreateSubjectRequest(
        @NotNull SubjectNature nature,
        @NotNull Province province,
        @Size(max = 50) String city,
        @Size(max = 50) String district,
        @NotBlank @Size(max = 100) String name,
        @NotNull CertificateType certificateType,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[0-9A-Za-z()\\-]+") String certificateNumber,
        @NotBlank @Size(max = 200) String certificateAddress,
        @NotBlank @Size(max = 200) String communicationAddress,
        @Size(max = 100) String investor,
        @Size(max = 500) String remarks,
        @NotNull @Valid PrincipalRequest principal,
        @Valid LegalPersonRequest legalPerson) {

    /** 法定代表人 of a unit: whom the province rules compare the principals with. Optional; persons have none. */
    public record LegalPersonRequest(
            @NotBlank @Size(max = 50) String name,
            @NotNull CertificateType certificateType,
            @NotBlank @Size(max = 40) @Pattern(regexp = "[0-9A-Za-z()\\-]+") String certificateNumber) {
    }

    /** 主体负责人. */
    public record PrincipalRequest(
            @NotBlank @Size(max = 50) String name,
            @NotNull CertificateType certificateType,
            @NotBlank @Size(max = 40) @Pattern(regexp = "[0-9A-Za-z()\\-]+") String certificateNumber,
            // Only the characters here; SubjectInput checks the number itself with libphonenumber (Phones).
            @NotBlank @Pattern(regexp = "[0-9+\\-() ]{7,25}", message = "{beian.mobile.invalid}") String mobile,
            @Size(max = 40) String officePhone,
            @NotBlank @Email @Size(max = 100) String email,
            // Optional: the last day the principal's certificate is valid (有效期至); subject checks raise a finding
            // once it has passed on an approved subject
            LocalDate certificateValidUntil) {
    }

    SubjectInput toInput() {
        return new SubjectInput(nature, province, city, district, name, certificateType, certificateNumber,
                certificateAddress, communicationAddress, investor, remarks,
                new SubjectInput.PrincipalInput(principal.name(), principal.certificateType(),
                        principal.certificateNumber(), principal.mobile(), principal.officePhone(), principal.email(),
                        principal.certificateValidUntil()),
                legalPerson == null ? null : new SubjectInput.LegalPersonInput(legalPerson.name(),
                        legalPerson.certificateType(), legalPerson.certificateNumber()));
    }
}
