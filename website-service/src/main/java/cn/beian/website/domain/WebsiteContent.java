package cn.beian.website.domain;

import cn.beian.contract.events.snapshot.ServerLink;
import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.PreApprovalType;
import cn.beian.contract.domain.ServiceContent;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Everything an applicant says about one website (docs/domain.md §1), as stored (JSON) and as the API takes it. Domains
 * are stored normalised (ASCII, lower case); homepage URLs as given after normalising their host.
 */
public record WebsiteContent(
        String name,
        List<String> domains,
        List<String> homepageUrls,
        ServiceContent serviceContent,
        List<PreApproval> preApprovals,
        List<String> languages,
        String remarks,
        boolean principalSameAsSubject,
        Principal principal,
        List<String> serverIds,
        List<String> authorizationCodes,
        List<ServerLink> servers) {

    /** A pre-approval with the approving document's reference. */
    public record PreApproval(PreApprovalType type, String documentNumber) {
    }

    /**
     * The website principal (网站负责人).
     *
     * @param certificateValidUntil optional: the last day the certificate is valid (有效期至); once it has passed on a
     *                              filed website, its probe raises {@code PRINCIPAL_CERTIFICATE_EXPIRED}
     */
    public record Principal(String name, CertificateType certificateType, String certificateNumber, String mobile,
            String email, LocalDate certificateValidUntil) {
    }

    public WebsiteContent {
        domains = domains == null ? List.of() : List.copyOf(domains);
        homepageUrls = homepageUrls == null ? List.of() : List.copyOf(homepageUrls);
        preApprovals = preApprovals == null ? List.of() : List.copyOf(preApprovals);
        languages = languages == null ? List.of() : List.copyOf(languages);
        serverIds = serverIds == null ? List.of() : List.copyOf(serverIds);
        authorizationCodes = authorizationCodes == null ? List.of() : List.copyOf(authorizationCodes);
        servers = servers == null ? List.of() : List.copyOf(servers);
    }

    /** The same website hosted on {@code resolved} (what subject-service made of its server ids and codes). */
    public WebsiteContent hostedOn(List<ServerLink> resolved) {
        return new WebsiteContent(name, domains, homepageUrls, serviceContent, preApprovals, languages, remarks,
                principalSameAsSubject, principal, serverIds, authorizationCodes, resolved);
    }

    /**
     * A website as the administration filed it, before the applicant of an access filing adds the rest: its name and
     * domains (lower case, as the registry keeps them).
     */
    public static WebsiteContent filed(String name, List<String> domains) {
        return new WebsiteContent(name, domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList(),
                null, null, null, null, null, false, null, null, null, null);
    }

    /** The fields shared across an order's websites by "copy to the other websites" (all but name and domains). */
    public WebsiteContent withSharedFrom(WebsiteContent source) {
        return new WebsiteContent(name, domains, homepageUrls, source.serviceContent, source.preApprovals,
                source.languages, source.remarks, source.principalSameAsSubject, source.principal, source.serverIds,
                source.authorizationCodes, source.servers);
    }
}
