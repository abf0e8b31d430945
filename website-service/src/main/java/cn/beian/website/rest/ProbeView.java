package cn.beian.website.rest;

import cn.beian.website.service.WebsiteProbeService;
import java.time.OffsetDateTime;
import java.util.List;

/** What a probe of a filed website found: each domain, and the findings it leaves open. */
public record ProbeView(String filedWebsiteId, OffsetDateTime probedAt, List<DomainView> domains,
        List<ProbeFindingView> findings) {

    /** One domain's result. */
    public record DomainView(String domain, String url, boolean reachable, boolean showsNumber, boolean linksToMiit,
            List<String> observations) {
    }

    static ProbeView of(WebsiteProbeService.ProbeOutcome o) {
        return new ProbeView(o.filedWebsiteId().toString(), o.probedAt(), o.domains().stream()
                .map(d -> new DomainView(d.domain(), d.url(), d.reachable(), d.showsNumber(), d.linksToMiit(),
                        d.observations().stream().map(x -> x.kind() + ": " + x.detail()).toList()))
                .toList(), o.open().stream().map(ProbeFindingView::of).toList());
    }
}
