package cn.beian.contract.events.snapshot;

import java.time.OffsetDateTime;
import java.util.List;

import cn.beian.contract.events.EventPayload;
import cn.beian.contract.findings.Finding;

/**
 * website-service froze exactly the version of an order's websites that {@code order.transitioned.v1} (SUBMIT or
 * RESUBMIT) named. Keyed by the order.
 *
 * @param findings website-service's domain, name and content findings at that version (warnings for the reviewer)
 * @param changes  for a CHANGE order, each field of its websites that differs from the approved website, before →
 *                 after (personal data masked, {@link FieldChange}); empty for other types
 */
public record WebsitesSnapshotFrozen(
        String orderId,
        long version,
        List<Website> websites,
        List<Finding> findings,
        OffsetDateTime frozenAt,
        List<FieldChange> changes) implements EventPayload {

    public WebsitesSnapshotFrozen {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** The snapshot of an order that changes nothing approved. */
    public WebsitesSnapshotFrozen(String orderId, long version, List<Website> websites, List<Finding> findings,
            OffsetDateTime frozenAt) {
        this(orderId, version, websites, findings, frozenAt, List.of());
    }

    /**
     * One website of the order.
     *
     * @param websiteFilingNumber     the website's number where it is already filed (change, access, cancel)
     * @param serviceContent          the service content as an enum name ({@code COMPREHENSIVE_PORTAL},
     *                                {@code UNIT_PORTAL}, {@code OTHER}); labels are for display only
     * @param principalSameAsSubject  whether the applicant chose "same as the subject principal"; {@code principal}
     *                                then repeats the subject principal
     * @param authorizationCodes      the codes the website names, masked (the code is the server owner's secret)
     * @param servers                 the servers the website is hosted on, as resolved when it was saved (IP address
     *                                and expiry frozen); absent in events written before it was added
     */
    public record Website(
            String websiteId,
            String websiteFilingNumber,
            String name,
            List<String> domains,
            List<String> homepageUrls,
            String serviceContent,
            List<PreApproval> preApprovals,
            List<String> languages,
            String remarks,
            Person principal,
            boolean principalSameAsSubject,
            List<String> serverIds,
            List<String> authorizationCodes,
            List<ServerLink> servers) {
    }

    /** A pre-approval (前置审批) the website's content needs, with the approving document's reference. */
    public record PreApproval(String type, String documentNumber) {
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
