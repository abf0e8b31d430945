package cn.beian.subject.rest;

import cn.beian.contract.domain.Province;
import cn.beian.subject.domain.ServerBilling;
import cn.beian.subject.service.ServerService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A server of the provider's inventory, as an admin (or the inventory feed) registers it.
 *
 * @param publicIp        its public IPv4 or IPv6 address; omitted where it has none (it then cannot back a filing)
 * @param purchasedMonths for prepaid servers, how many months were bought (required for PREPAID)
 */
public record RegisterServerRequest(
        @Schema(description = "The account (OIDC subject) that owns the server") @NotBlank @Size(max = 128)
        String accountId,
        @Schema(example = "i-bp1a2b3c4d5e6f7g8h9") @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+")
        String instanceId,
        @NotNull Province province,
        @Schema(example = "cn-hangzhou") @Size(max = 50) @Pattern(regexp = "[a-z0-9-]+") String region,
        @Schema(example = "47.96.10.20") @Size(max = 45) String publicIp,
        @NotNull ServerBilling billing,
        @Min(1) @Max(120) Integer purchasedMonths,
        @NotNull Boolean loadBalancer,
        @Schema(example = "2027-11-23T00:00:00+08:00") @NotNull OffsetDateTime expiresAt) {

    ServerService.Registration toRegistration() {
        return new ServerService.Registration(accountId, instanceId, province, region, publicIp, billing,
                purchasedMonths, loadBalancer, expiresAt);
    }
}
