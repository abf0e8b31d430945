package cn.beian.national.rest;

import cn.beian.national.client.FilingStatus;
import cn.beian.national.service.RegistryEdits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Fields to change on a registry website; absent ones stay. Status EMPTY_SHELL clears the provider. */
public record PatchRegistryWebsiteRequest(
        FilingStatus status,
        @Size(max = 100) String name,
        @Size(max = 40) String provider,
        @Size(min = 1, max = 10) List<@NotBlank @Size(max = 253) String> domains) {

    RegistryEdits.WebsiteChanges toEdit() {
        return new RegistryEdits.WebsiteChanges(status, name, provider, domains);
    }
}
