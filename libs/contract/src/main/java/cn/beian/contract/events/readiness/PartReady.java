package cn.beian.contract.events.readiness;

import cn.beian.contract.events.EventPayload;
import cn.beian.contract.findings.Finding;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An owner's part of an order (its websites, or its materials) is complete and valid at {@code version}, or is not
 * ({@code ready == false}, e.g. after an edit that broke it), with the findings it was judged with. subject-service
 * refuses submission until both parts are ready, lists and refuses with their findings, and names the ready versions
 * in {@code order.transitioned.v1}; the owners freeze exactly those versions as the snapshot. Keyed by the order; an
 * owner announces each version whose readiness or findings differ from the last it announced.
 *
 * @param findings every finding of the part at {@code version}, each with its field key as a JSON path into the order
 *                 ({@code websites[1].name}, {@code materials.ID_FRONT}) and its words in zh-CN and en; absent in
 *                 events written before it was added (read as none)
 * @param changes  websites of a CHANGE order only: how many fields of its websites differ from the approved ones at
 *                 {@code version} (subject-service refuses to submit a change that changes nothing); {@code null}
 *                 otherwise
 */
public record PartReady(String orderId, long version, boolean ready, OffsetDateTime at, List<Finding> findings,
        Integer changes) implements EventPayload {

    public PartReady {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** Readiness of a part that is not a change's websites. */
    public PartReady(String orderId, long version, boolean ready, OffsetDateTime at, List<Finding> findings) {
        this(orderId, version, ready, at, findings, null);
    }

    /** Readiness without findings (a part judged ready has no blocking one). */
    public PartReady(String orderId, long version, boolean ready, OffsetDateTime at) {
        this(orderId, version, ready, at, List.of(), null);
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
