package cn.beian.subject.rest;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.subject.service.FilingTypeDecider;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** "Verify the filing type" (验证备案类型): who files, where, and which domains. */
public record FilingTypeDecisionRequest(
        @NotNull SubjectNature nature,
        @NotNull Province province,
        @NotNull CertificateType certificateType,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[0-9A-Za-z()\\-]+") String certificateNumber,
        @NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 253) String> domains) {

    FilingTypeDecider.Question toQuestion() {
        return new FilingTypeDecider.Question(nature, province, certificateType, certificateNumber, domains);
    }
}
