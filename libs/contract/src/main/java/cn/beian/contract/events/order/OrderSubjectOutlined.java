package cn.beian.contract.events.order;

import java.time.OffsetDateTime;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.events.EventPayload;
import cn.beian.contract.events.snapshot.Person;
import cn.beian.contract.order.FilingType;

/**
 * The subject an order files for, as website-service (registrant matching, "same as the subject principal", name
 * checks) and materials-service (the required-materials list) need it: published when the order is created and again
 * whenever the subject changes while the order is editable. Carries full certificate numbers because registrant
 * matching needs them; consumers mask them in logs and lists. Keyed by the order.
 *
 * @param revision                 increases with each change of the subject for this order
 * @param principalNeedsEmployment a person under 18 (docs/domain.md §5.3): employment proof is required
 */
public record OrderSubjectOutlined(
        String orderId,
        String accountId,
        String subjectId,
        FilingType type,
        Province province,
        SubjectNature nature,
        String name,
        CertificateType certificateType,
        String certificateNumber,
        String certificateAddress,
        Person principal,
        boolean principalNeedsEmployment,
        long revision,
        OffsetDateTime at) implements EventPayload {

    @Override
    public String aggregateId() {
        return orderId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
