package cn.beian.review.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An outcome staff record by hand for an administration reached only through its web portal.
 *
 * @param subjectFilingNumber on APPROVED, e.g. 京ICP备12345678号
 * @param websites            on APPROVED, each website's number with its domains (matched to Beian's websites)
 * @param reasons             on REJECTED (at least one) and RETURNED
 */
public record OutcomeRequest(
        @NotNull Outcome outcome,
        @Size(max = 40) String subjectFilingNumber,
        @Size(max = 10) List<@Valid @NotNull Website> websites,
        @Size(max = 20) List<@Valid @NotNull Reason> reasons) {

    public enum Outcome {
        APPROVED,
        REJECTED,
        RETURNED
    }

    public record Website(@Size(max = 100) String name, @NotNull @Size(min = 1, max = 10) List<@NotBlank String> domains,
            @NotBlank @Size(max = 44) String websiteFilingNumber) {
    }

    public record Reason(@NotBlank @Size(max = 60) @Pattern(regexp = "[A-Z][A-Z0-9_]*") String code,
            @NotBlank @Size(max = 500) String message, @Size(max = 200) String field) {
    }
}
