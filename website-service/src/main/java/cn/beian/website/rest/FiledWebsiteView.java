package cn.beian.website.rest;

import cn.beian.validators.domain.DomainNames;
import cn.beian.website.domain.FiledWebsite;
import cn.beian.website.domain.ProbeFinding;
import cn.beian.website.domain.WebsiteContent;
import java.time.OffsetDateTime;
import java.util.List;

/** An approved website of the account, with the open findings of its probes. */
public record FiledWebsiteView(String id, long version, String websiteFilingNumber, String subjectFilingNumber,
        String name, List<String> domains, FiledWebsite.Status status, OffsetDateTime approvedAt,
        String policeFilingNumber, List<ProbeFindingView> findings) {

    static FiledWebsiteView of(FiledWebsite f, WebsiteContent c, List<ProbeFinding> open) {
        return new FiledWebsiteView(f.id.toString(), f.version, f.websiteFilingNumber, f.subjectFilingNumber, f.name,
                c.domains().stream().map(DomainNames::toUnicode).toList(), f.status, f.approvedAt,
                f.policeFilingNumber, open.stream().map(ProbeFindingView::of).toList());
    }
}
