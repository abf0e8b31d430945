package cn.beian.national.rest;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.national.client.FilingStatus;
import cn.beian.national.service.RegistryEdits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A subject to add to the registry.
 *
 * @param subjectFilingNumber absent: a new unique number of the province
 * @param password            the filing password to set (only its hash is stored; never logged)
 */
public record CreateRegistrySubjectRequest(
        @Size(max = 40) String subjectFilingNumber,
        FilingStatus status,
        @NotNull SubjectNature nature,
        @NotBlank @Size(max = 100) String name,
        @NotNull Province province,
        @NotNull CertificateType certificateType,
        @NotBlank @Size(max = 40) String certificateNumber,
        @NotBlank @Size(max = 40) String provider,
        @NotNull @Valid PrincipalRequest principal,
        @Size(min = 6, max = 64) String password,
        LocalDate filedOn,
        @Size(max = 10) List<@NotNull @Valid AddRegistryWebsiteRequest> websites) {

    RegistryEdits.NewSubject toEdit() {
        return new RegistryEdits.NewSubject(subjectFilingNumber, status, nature, name, province, certificateType,
                certificateNumber, provider, principal.toEdit(), password, filedOn,
                websites == null ? null : websites.stream().map(AddRegistryWebsiteRequest::toEdit).toList());
    }
}
