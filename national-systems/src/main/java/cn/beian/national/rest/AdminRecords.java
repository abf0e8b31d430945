package cn.beian.national.rest;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.national.client.FilingStatus;
import cn.beian.national.client.Reason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Request bodies of the stand-in's admin/operator API (tests and demos only). */
public final class AdminRecords {

    private AdminRecords() {
    }

    public record PrincipalRecord(
            @NotBlank @Size(max = 50) String name,
            CertificateType certificateType,
            @Size(max = 40) String certificateNumber,
            @NotBlank @Pattern(regexp = "(\\+86)?1[3-9][0-9]{9}") String mobile,
            @Email @Size(max = 100) String email) {
    }

    /**
     * A website to add to the registry.
     *
     * @param websiteFilingNumber absent: the next {@code -N} of the subject
     */
    public record WebsiteRecord(
            @Size(max = 44) String websiteFilingNumber,
            @NotBlank @Size(max = 100) String name,
            FilingStatus status,
            @Size(max = 40) String provider,
            @NotNull @Size(min = 1, max = 10) List<@NotBlank @Size(max = 253) String> domains,
            @Size(max = 50) String principalName,
            @Pattern(regexp = "(\\+86)?1[3-9][0-9]{9}") String principalMobile) {
    }

    /**
     * A subject to add to the registry.
     *
     * @param subjectFilingNumber absent: a new unique number of the province
     * @param password            the filing password to set (hashed; never stored or logged as given)
     */
    public record SubjectRecord(
            @Size(max = 40) String subjectFilingNumber,
            FilingStatus status,
            @NotNull SubjectNature nature,
            @NotBlank @Size(max = 100) String name,
            @NotNull Province province,
            @NotNull CertificateType certificateType,
            @NotBlank @Size(max = 40) String certificateNumber,
            @NotBlank @Size(max = 40) String provider,
            @NotNull @Valid PrincipalRecord principal,
            @Size(min = 6, max = 64) String password,
            LocalDate filedOn,
            @Size(max = 10) List<@NotNull @Valid WebsiteRecord> websites) {
    }

    /** Fields to change on a registry subject; absent ones stay. {@code unlockPassword} clears a lockout. */
    public record SubjectPatch(
            FilingStatus status,
            @Size(max = 100) String name,
            @Size(max = 40) String provider,
            CertificateType certificateType,
            @Size(max = 40) String certificateNumber,
            @Valid PrincipalRecord principal,
            @Size(min = 6, max = 64) String password,
            Boolean unlockPassword) {
    }

    /** Fields to change on a registry website; absent ones stay. Status EMPTY_SHELL clears the provider. */
    public record WebsitePatch(
            FilingStatus status,
            @Size(max = 100) String name,
            @Size(max = 40) String provider,
            @Size(min = 1, max = 10) List<@NotBlank @Size(max = 253) String> domains) {
    }

    /** What the registries say about a domain. */
    public record DomainRegistrationRecord(
            @NotBlank @Size(max = 100) String registrar,
            @NotBlank @Size(max = 100) String registrantName,
            CertificateType registrantCertificateType,
            @Size(max = 40) String registrantCertificateNumber,
            @NotNull Boolean realNameVerified,
            OffsetDateTime realNameVerifiedAt,
            @NotNull LocalDate registeredOn,
            @NotNull LocalDate expiresOn,
            Boolean registeredAbroad) {
    }

    /** A subject (by certificate) and/or a domain in an open submission at another provider. */
    public record InFlightRecord(
            @NotBlank @Size(max = 40) String provider,
            CertificateType certificateType,
            @Size(max = 40) String certificateNumber,
            @Size(max = 253) String domain) {
    }

    public record InFlightView(String id, String provider, CertificateType certificateType, String certificateNumber,
            String domain, OffsetDateTime since) {
    }

    public record RejectRequest(@NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Reason> reasons) {
    }

    /** A principal enters the code texted to their mobile. */
    public record SmsVerifyRequest(
            @NotBlank @Pattern(regexp = "(\\+86)?1[3-9][0-9]{9}") String mobile,
            @NotBlank @Pattern(regexp = "[0-9]{6}", message = "must be the 6-digit code") String code) {
    }

    /** @param allVerified every principal of the submission verified: it is now under the authority's review */
    public record SmsVerifyResponse(String status, boolean allVerified, int remainingAttempts) {
    }
}
