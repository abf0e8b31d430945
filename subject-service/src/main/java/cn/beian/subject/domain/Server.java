package cn.beian.subject.domain;

import cn.beian.contract.domain.Province;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A server of an account, from the provider's inventory (docs/domain.md §1). */
@Entity
@Table(name = "server")
public class Server {

    /** A prepaid server must have been bought for at least this many months to back a filing. */
    public static final int MIN_PURCHASED_MONTHS = 3;
    /** How many authorization codes a server may have minted and not revoked (docs/domain.md §5.1). */
    public static final int MAX_CODES = 5;

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    /** The provider's instance id, unique in the inventory. */
    @Column(name = "instance_id", nullable = false)
    public String instanceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Province province;

    /** The provider's region name, e.g. {@code cn-beijing}. */
    public String region;

    /** The public IPv4 or IPv6 address in canonical form; {@code null} where the server has none. */
    @Column(name = "public_ip")
    public String publicIp;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ServerBilling billing;

    /** For prepaid servers: how many months were bought. */
    @Column(name = "purchased_months")
    public Integer purchasedMonths;

    @Column(name = "load_balancer", nullable = false)
    public boolean loadBalancer;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean expired(OffsetDateTime now) {
        return !now.isBefore(expiresAt);
    }

    /** Why this server cannot back a filing at {@code now}; empty when it can. */
    public List<ServerIneligibility> ineligibility(OffsetDateTime now) {
        List<ServerIneligibility> out = new ArrayList<>();
        if (billing != ServerBilling.PREPAID) {
            out.add(ServerIneligibility.NOT_PREPAID);
        } else if (purchasedMonths == null || purchasedMonths < MIN_PURCHASED_MONTHS) {
            out.add(ServerIneligibility.TOO_SHORT);
        }
        if (publicIp == null) {
            out.add(ServerIneligibility.NO_PUBLIC_IP);
        }
        if (loadBalancer) {
            out.add(ServerIneligibility.LOAD_BALANCER);
        }
        if (expired(now)) {
            out.add(ServerIneligibility.EXPIRED);
        }
        return out;
    }

    public boolean eligible(OffsetDateTime now) {
        return ineligibility(now).isEmpty();
    }
}
