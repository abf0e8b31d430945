package cn.beian.national.client;

import cn.beian.contract.domain.CertificateType;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What WHOIS and the domain registries' real-name system say about a registered domain.
 *
 * @param realNameVerifiedAt        when the registry verified the registrant
 * @param realNameVisibleToAuthorityFrom when that verification reaches the administration (about 3 working days later)
 * @param realNameVisibleToAuthority whether it has reached it now
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DomainRegistration(
        String domain,
        String registrar,
        String registrantName,
        CertificateType registrantCertificateType,
        String registrantCertificateNumber,
        boolean realNameVerified,
        OffsetDateTime realNameVerifiedAt,
        OffsetDateTime realNameVisibleToAuthorityFrom,
        boolean realNameVisibleToAuthority,
        LocalDate registeredOn,
        LocalDate expiresOn,
        boolean expired,
        boolean registeredAbroad) {
}
