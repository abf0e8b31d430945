package cn.beian.contract.events.snapshot;

import cn.beian.contract.domain.CertificateType;

/**
 * A subject or website principal (负责人) as frozen at submission. Snapshots carry full certificate numbers and
 * mobiles because their consumers need them (review-service submits them to the administration,
 * notification-service sends SMS); consumers mask them in logs and lists.
 */
public record Person(String name, CertificateType certificateType, String certificateNumber, String mobile,
        String email) {
}
