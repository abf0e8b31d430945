package cn.beian.national.rest;

import cn.beian.national.client.FilingStatus;
import cn.beian.national.service.RegistryEdits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A website to add to the registry.
 *
 * @param websiteFilingNumber absent: the next {@code -N} of the subject
 */
public record AddRegistryWebsiteRequest(
        @Size(max = 44) String websiteFilingNumber,
        @NotBlank @Size(max = 100) String name,
        FilingStatus status,
        @Size(max = 40) String provider,
        @NotNull @Size(min = 1, max = 10) List<@NotBlank @Size(max = 253) String> domains,
        @Size(max = 50) String principalName,
        @Pattern(regexp = "(\\+86)?1[3-9][0-9]{9}") String principalMobile) {

    RegistryEdits.NewWebsite toEdit() {
        return new RegistryEdits.NewWebsite(websiteFilingNumber, name, status, provider, domains, principalName,
                principalMobile);
    }
}
