package cn.beian.contract.events.website;

import java.time.OffsetDateTime;
import java.util.List;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.events.EventPayload;

/**
 * The websites of an order changed (added, edited, removed): the outline materials-service derives the
 * required-materials list from (one verification form per website, each principal's ID and curtain photo,
 * pre-approval documents, domain certificates where a rule asks). Carries no certificate numbers or phones. Keyed by
 * the order.
 *
 * @param version website-service's version of the order's websites after the change
 */
public record OrderWebsitesChanged(
        String orderId,
        long version,
        List<WebsiteOutline> websites,
        OffsetDateTime at) implements EventPayload {

    /**
     * @param principal                 the website principal; equal to the subject principal when
     *                                  {@code principalSameAsSubject}
     * @param preApprovalTypes          the pre-approval types the website declares (each needs its document)
     * @param domainsNeedingCertificate domains whose registrant does not match the subject (a domain certificate or
     *                                  authorization is asked for)
     */
    public record WebsiteOutline(
            String websiteId,
            String name,
            List<String> domains,
            boolean principalSameAsSubject,
            PrincipalOutline principal,
            List<String> preApprovalTypes,
            List<String> domainsNeedingCertificate) {
    }

    /**
     * @param personKey            a stable key for the person (a hash of certificate type and number), so one
     *                             person principal of several websites is asked for one ID only
     * @param certificateProvince  the province a resident ID number's region code names, {@code null} otherwise
     *                             (a residence permit is asked for where it differs from the order's province)
     */
    public record PrincipalOutline(String personKey, String name, CertificateType certificateType,
            String certificateProvince) {
    }

    @Override
    public String aggregateId() {
        return orderId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
