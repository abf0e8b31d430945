package cn.beian.national.rest;

import cn.beian.contract.domain.CertificateType;
import cn.beian.national.service.RegistryEdits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What the domain registries say about a domain. */
public record PutDomainRegistrationRequest(
        @NotBlank @Size(max = 100) String registrar,
        @NotBlank @Size(max = 100) String registrantName,
        CertificateType registrantCertificateType,
        @Size(max = 40) String registrantCertificateNumber,
        @NotNull Boolean realNameVerified,
        OffsetDateTime realNameVerifiedAt,
        @NotNull LocalDate registeredOn,
        @NotNull LocalDate expiresOn,
        Boolean registeredAbroad) {

    RegistryEdits.Registration toEdit() {
        return new RegistryEdits.Registration(registrar, registrantName, registrantCertificateType,
                registrantCertificateNumber, realNameVerified, realNameVerifiedAt, registeredOn, expiresOn,
                registeredAbroad);
    }
}
