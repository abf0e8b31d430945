package cn.beian.website.rest;

import cn.beian.validators.domain.DomainNames;
import cn.beian.website.domain.FiledWebsite;
import cn.beian.website.domain.WebsiteContent;
import java.time.OffsetDateTime;
import java.util.List;

/** An approved website of the account. */
public record FiledWebsiteView(String id, long version, String websiteFilingNumber, String subjectFilingNumber,
        String name, List<String> domains, FiledWebsite.Status status, OffsetDateTime approvedAt,
        String policeFilingNumber) {

    static FiledWebsiteView of(FiledWebsite f, WebsiteContent c) {
        return new FiledWebsiteView(f.id.toString(), f.version, f.websiteFilingNumber, f.subjectFilingNumber, f.name,
                c.domains().stream().map(DomainNames::toUnicode).toList(), f.status, f.approvedAt,
                f.policeFilingNumber);
    }
}
