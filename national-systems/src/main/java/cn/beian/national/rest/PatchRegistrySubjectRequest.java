package cn.beian.national.rest;

import cn.beian.contract.domain.CertificateType;
import cn.beian.national.client.FilingStatus;
import cn.beian.national.service.RegistryEdits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** Fields to change on a registry subject; absent ones stay. {@code unlockPassword} clears a lockout. */
public record PatchRegistrySubjectRequest(
        FilingStatus status,
        @Size(max = 100) String name,
        @Size(max = 40) String provider,
        CertificateType certificateType,
        @Size(max = 40) String certificateNumber,
        @Valid PrincipalRequest principal,
        @Size(min = 6, max = 64) String password,
        Boolean unlockPassword) {

    RegistryEdits.SubjectChanges toEdit() {
        return new RegistryEdits.SubjectChanges(status, name, provider, certificateType, certificateNumber,
                principal == null ? null : principal.toEdit(), password, unlockPassword);
    }
}
