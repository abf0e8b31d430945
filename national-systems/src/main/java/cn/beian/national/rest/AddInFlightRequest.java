package cn.beian.national.rest;

import cn.beian.contract.domain.CertificateType;
import cn.beian.national.service.RegistryEdits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A subject (by certificate) and/or a domain in an open submission at another provider. */
public record AddInFlightRequest(
        @NotBlank @Size(max = 40) String provider,
        CertificateType certificateType,
        @Size(max = 40) String certificateNumber,
        @Size(max = 253) String domain) {

    RegistryEdits.InFlight toEdit() {
        return new RegistryEdits.InFlight(provider, certificateType, certificateNumber, domain);
    }
}
