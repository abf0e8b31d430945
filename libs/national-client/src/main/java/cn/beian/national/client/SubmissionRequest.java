package cn.beian.national.client;

import cn.beian.contract.domain.Province;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An order snapshot the provider submits to the administration.
 *
 * @param submissionId chosen by the provider; the idempotency key (the same body again answers the same, a different
 *                     body with the same id is a 409)
 */
public record SubmissionRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:\\-]+") String submissionId,
        @NotNull SubmissionType type,
        @NotNull Province province,
        @NotNull @Valid SubjectSnapshot subject,
        @NotNull @Size(max = 10) List<@NotNull @Valid WebsiteSnapshot> websites) {
}
