package cn.beian.national.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One website of a submission. A bad domain's message key is worded by the validating server's ValidationMessages
 * (national-systems).
 *
 * @param websiteFilingNumber the website's number where it is already filed (access filing, change of an existing
 *                            website, cancel access, website deregistration); absent for a new website
 * @param principal           the website principal; absent for orders that only remove (cancel access,
 *                            deregistrations)
 */
public record WebsiteSnapshot(
        @Size(max = 40) String websiteFilingNumber,
        @NotBlank @Size(max = 100) String name,
        @NotNull @Size(min = 1, max = 10) List<@NotBlank @Size(max = 253)
                @Pattern(regexp = "(?i)([a-z0-9\\u4e00-\\u9fa5]([a-z0-9\\u4e00-\\u9fa5-]{0,61}[a-z0-9\\u4e00-\\u9fa5])?\\.)+[a-z\\u4e00-\\u9fa5]{2,63}",
                        message = "{beian.domain.invalid}") String> domains,
        @Size(max = 10) List<@NotBlank @Size(max = 300) String> homepageUrls,
        @Valid PrincipalSnapshot principal) {
}
