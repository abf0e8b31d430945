package cn.beian.national.client;

import cn.beian.contract.domain.CertificateType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Checks the filing password the applicant typed. Name the subject by its filing number or by its certificate.
 * The password is never logged nor stored.
 */
public record PasswordCheckRequest(
        @Size(max = 40) String subjectFilingNumber,
        CertificateType certificateType,
        @Size(max = 40) String certificateNumber,
        @NotBlank @Size(max = 64) String password) {

    @Override
    public String toString() {
        return "PasswordCheckRequest[subjectFilingNumber=" + subjectFilingNumber + ", certificateType="
                + certificateType + ", password=***]";
    }
}
