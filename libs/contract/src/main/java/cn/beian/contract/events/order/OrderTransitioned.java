package cn.beian.contract.events.order;

import cn.beian.contract.domain.Province;
import cn.beian.contract.events.EventPayload;
import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderState;
import cn.beian.contract.order.OrderTrigger;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An order moved (docs/domain.md §3.1): from, to, what moved it, who and why. On SUBMIT and RESUBMIT it names the
 * versions of the websites and materials that were judged complete, which their owners freeze as the snapshot
 * reviewers see.
 *
 * @param actorId          the account, reviewer or client that acted; {@code null} for the clock
 * @param reasons          review or authority reasons where the move is a rejection
 * @param websitesVersion  on SUBMIT/RESUBMIT: website-service's version judged complete
 * @param materialsVersion on SUBMIT/RESUBMIT: materials-service's version judged complete
 * @param approval         on AUTHORITY_APPROVE: the administration's numbers the order was approved with (as
 *                         review-service announced them), so that whoever sees the order approved can show them —
 *                         a consumer of this topic need not wait for review-service's topic to catch up
 */
public record OrderTransitioned(
        String orderId,
        String accountId,
        FilingType type,
        Province province,
        OrderState from,
        OrderState to,
        OrderTrigger trigger,
        OrderTrigger.Actor actor,
        String actorId,
        List<String> reasons,
        Long websitesVersion,
        Long materialsVersion,
        OffsetDateTime at,
        AuthorityApproved approval) implements EventPayload {

    @Override
    public String aggregateId() {
        return orderId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
