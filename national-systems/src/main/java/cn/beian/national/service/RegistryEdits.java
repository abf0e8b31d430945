package cn.beian.national.service;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.national.client.FilingStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What an operator adds to or changes in the registries through {@link AdminService} (tests and demos only). */
public final class RegistryEdits {

    private RegistryEdits() {
    }

    public record Principal(String name, CertificateType certificateType, String certificateNumber, String mobile,
            String email) {
    }

    /**
     * A website to add to the registry.
     *
     * @param websiteFilingNumber absent: the next {@code -N} of the subject
     */
    public record NewWebsite(String websiteFilingNumber, String name, FilingStatus status, String provider,
            List<String> domains, String principalName, String principalMobile) {
    }

    /**
     * A subject to add to the registry.
     *
     * @param subjectFilingNumber absent: a new unique number of the province
     * @param password            the filing password to set (only its hash is stored; never logged)
     */
    public record NewSubject(String subjectFilingNumber, FilingStatus status, SubjectNature nature, String name,
            Province province, CertificateType certificateType, String certificateNumber, String provider,
            Principal principal, String password, LocalDate filedOn, List<NewWebsite> websites) {
    }

    /** Fields to change on a registry subject; absent ones stay. {@code unlockPassword} clears a lockout. */
    public record SubjectChanges(FilingStatus status, String name, String provider, CertificateType certificateType,
            String certificateNumber, Principal principal, String password, Boolean unlockPassword) {
    }

    /** Fields to change on a registry website; absent ones stay. Status EMPTY_SHELL clears the provider. */
    public record WebsiteChanges(FilingStatus status, String name, String provider, List<String> domains) {
    }

    /** What the domain registries say about a domain. */
    public record Registration(String registrar, String registrantName, CertificateType registrantCertificateType,
            String registrantCertificateNumber, Boolean realNameVerified, OffsetDateTime realNameVerifiedAt,
            LocalDate registeredOn, LocalDate expiresOn, Boolean registeredAbroad) {
    }

    /** A subject (by certificate) and/or a domain in an open submission at another provider. */
    public record InFlight(String provider, CertificateType certificateType, String certificateNumber,
            String domain) {
    }
}
