package cn.beian.website.rest;

import cn.beian.contract.events.snapshot.ServerLink;
import cn.beian.contract.privacy.Masking;
import cn.beian.validators.domain.DomainNames;
import cn.beian.contract.domain.ServiceContent;
import cn.beian.website.domain.Website;
import cn.beian.website.domain.WebsiteContent;
import java.util.List;

/** One website of an order: full values for its owner, principal masked for staff. */
public record WebsiteView(
        String id,
        int position,
        long version,
        String websiteFilingNumber,
        String name,
        List<String> domains,
        List<String> domainsUnicode,
        List<String> homepageUrls,
        ServiceContent serviceContent,
        List<WebsiteContent.PreApproval> preApprovals,
        List<String> languages,
        String remarks,
        boolean principalSameAsSubject,
        WebsiteContent.Principal principal,
        List<String> serverIds,
        List<String> authorizationCodes,
        List<ServerLink> servers) {

    static WebsiteView of(Website w, WebsiteContent c, boolean owner) {
        WebsiteContent.Principal p = c.principal();
        if (p != null && !owner) {
            p = new WebsiteContent.Principal(Masking.personName(p.name()), p.certificateType(),
                    Masking.certificateNumber(p.certificateNumber()), Masking.mobile(p.mobile()),
                    Masking.email(p.email()), p.certificateValidUntil());
        }
        return new WebsiteView(w.id.toString(), w.position, w.version, w.websiteFilingNumber, c.name(), c.domains(),
                c.domains().stream().map(DomainNames::toUnicode).toList(), c.homepageUrls(), c.serviceContent(),
                c.preApprovals(), c.languages(), c.remarks(), c.principalSameAsSubject(), p, c.serverIds(),
                owner ? c.authorizationCodes() : c.authorizationCodes().stream().map(Masking::secret).toList(),
                c.servers());
    }
}
