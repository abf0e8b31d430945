package cn.beian.national.client;

import cn.beian.contract.domain.CertificateType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Asks whether a subject (by certificate) and some domains are in an open submission anywhere. */
public record InFlightCheckRequest(
        CertificateType certificateType,
        @Size(max = 40) String certificateNumber,
        @Size(max = 100) List<@NotBlank @Size(max = 253) String> domains) {
}
