package cn.beian.national.client;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.SubjectNature;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The subject part of a submission.
 *
 * @param subjectFilingNumber the subject's number where it is already filed (every type but FIRST_FILING and
 *                            NEW_WEBSITE_SUBJECT_ELSEWHERE needs it; for the latter it is optional)
 */
public record SubjectSnapshot(
        @Size(max = 40) String subjectFilingNumber,
        @NotNull SubjectNature nature,
        @NotBlank @Size(max = 100) String name,
        @NotNull CertificateType certificateType,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[0-9A-Za-z()\\-]+") String certificateNumber,
        @Size(max = 200) String certificateAddress,
        @Size(max = 200) String communicationAddress,
        @NotNull @Valid PrincipalSnapshot principal) {
}
