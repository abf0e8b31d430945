package cn.beian.subject.rest;

import cn.beian.contract.domain.Province;
import cn.beian.subject.domain.Server;
import cn.beian.subject.domain.ServerBilling;
import cn.beian.subject.domain.ServerIneligibility;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A server and whether it can back a filing now.
 *
 * @param eligible          prepaid for ≥ 3 months, with a public IP, not a load balancer, not expired
 * @param ineligibleReasons why not, as codes; empty when eligible
 */
public record ServerView(
        String id,
        String accountId,
        String instanceId,
        Province province,
        String region,
        String publicIp,
        ServerBilling billing,
        Integer purchasedMonths,
        boolean loadBalancer,
        OffsetDateTime expiresAt,
        boolean eligible,
        List<ServerIneligibility> ineligibleReasons,
        OffsetDateTime createdAt) {

    public static ServerView of(Server s, OffsetDateTime now) {
        List<ServerIneligibility> reasons = s.ineligibility(now);
        return new ServerView(s.id.toString(), s.accountId, s.instanceId, s.province, s.region, s.publicIp,
                s.billing, s.purchasedMonths, s.loadBalancer, s.expiresAt, reasons.isEmpty(), reasons, s.createdAt);
    }
}
