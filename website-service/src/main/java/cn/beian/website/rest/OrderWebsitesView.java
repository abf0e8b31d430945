package cn.beian.website.rest;

import cn.beian.contract.findings.Finding;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderState;
import java.util.List;

/**
 * An order's websites at their current version, with the findings judged on it.
 *
 * @param version the version of the order's websites (also the collection's ETag)
 * @param ready   whether this version is complete and valid (announced to subject-service)
 */
public record OrderWebsitesView(
        String orderId,
        FilingType type,
        OrderState state,
        boolean editable,
        long version,
        boolean ready,
        List<WebsiteView> websites,
        List<Finding> findings) {
}
