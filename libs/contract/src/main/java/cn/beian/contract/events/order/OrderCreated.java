package cn.beian.contract.events.order;

import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.events.EventPayload;
import cn.beian.contract.order.ChangeKind;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderState;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An applicant opened a filing order (in DRAFT), or staff confirmed a cancel-access order the provider prepared. Keyed
 * by the order.
 *
 * @param websiteFilingNumbers the approved websites a cancel-access or deregister-website order is about, as the
 *                             applicant picked them; {@code null} for every other type (and in events written before
 *                             orders named their websites, where the order was about every approved website);
 *                             also the websites a WEBSITE or ACCESS change picked
 * @param changeKind           what a CHANGE order changes; {@code null} for every other type (and for change orders
 *                             opened before changes had a kind, which could change anything)
 * @param initiatedBy          {@code PROVIDER} for a cancel-access order the provider opened itself (an empty shell
 *                             past its grace, confirmed by staff): it needs no materials from the applicant and is
 *                             submitted by the provider; {@code null} for an applicant's order (and in older events)
 */
public record OrderCreated(
        String orderId,
        String accountId,
        String subjectId,
        FilingType type,
        Province province,
        SubjectNature nature,
        OrderState state,
        OffsetDateTime createdAt,
        List<String> websiteFilingNumbers,
        ChangeKind changeKind,
        String initiatedBy) implements EventPayload {

    /** {@link #initiatedBy} of an order the provider opened. */
    public static final String PROVIDER = "PROVIDER";

    /** An applicant's order that is not a change. */
    public OrderCreated(String orderId, String accountId, String subjectId, FilingType type, Province province,
            SubjectNature nature, OrderState state, OffsetDateTime createdAt, List<String> websiteFilingNumbers) {
        this(orderId, accountId, subjectId, type, province, nature, state, createdAt, websiteFilingNumbers, null, null);
    }

    /** Whether the provider opened the order itself. */
    public boolean providerInitiated() {
        return PROVIDER.equals(initiatedBy);
    }

    /** An order that names no websites of its own. */
    public OrderCreated(String orderId, String accountId, String subjectId, FilingType type, Province province,
            SubjectNature nature, OrderState state, OffsetDateTime createdAt) {
        this(orderId, accountId, subjectId, type, province, nature, state, createdAt, null, null, null);
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
