package cn.beian.website.rest;

import cn.beian.website.service.WebsiteProbeService;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A filed website at risk, for staff: whose it is, its open findings and since when the oldest is open
 * ({@code ageDays}, whole days to the time of the answer).
 */
public record AtRiskView(String filedWebsiteId, String accountId, String orderId, String websiteFilingNumber,
        String name, String subjectName, OffsetDateTime openSince, long ageDays, List<ProbeFindingView> findings) {

    static AtRiskView of(WebsiteProbeService.AtRisk r, OffsetDateTime now) {
        var f = r.website();
        return new AtRiskView(f.id.toString(), f.accountId, f.orderId.toString(), f.websiteFilingNumber, f.name,
                f.subjectName, r.since(), Duration.between(r.since(), now).toDays(),
                r.findings().stream().map(ProbeFindingView::of).toList());
    }
}
