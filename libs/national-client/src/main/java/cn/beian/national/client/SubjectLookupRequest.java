package cn.beian.national.client;

import cn.beian.contract.domain.CertificateType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Which subject to look up in the registry: by its certificate. Sent as a body, so that the certificate number is in
 * no URL (request logs, trace attributes such as {@code url.full} / {@code url.query}).
 */
public record SubjectLookupRequest(
        @NotNull CertificateType certificateType,
        @NotBlank @Size(max = 40) String certificateNumber) {

    @Override
    public String toString() {
        return "SubjectLookupRequest[certificateType=" + certificateType + ", certificateNumber=***]";
    }
}
