package cn.beian.subject.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What website-service asks when an applicant saves a website: resolve the website's servers and hold the codes the
 * order's websites name.
 *
 * @param accountId          the applicant whose order it is (website-service has checked the order is theirs)
 * @param serverIds          the saved website's own servers
 * @param authorizationCodes every authorization code the order's websites name after the edit (the set the order is
 *                           to hold)
 */
public record HostingRequest(
        @NotBlank @Size(max = 128) String accountId,
        @NotNull @Size(max = 10) List<@NotNull @Size(max = 64) String> serverIds,
        @Schema(description = "Codes as typed; case and separators do not matter")
        @NotNull @Size(max = 100) List<@NotNull @Size(max = 40) String> authorizationCodes) {
}
