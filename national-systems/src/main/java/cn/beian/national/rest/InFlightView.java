package cn.beian.national.rest;

import cn.beian.contract.domain.CertificateType;
import cn.beian.national.domain.InFlightElsewhere;
import java.time.OffsetDateTime;

/** A subject and/or domain in an open submission at another provider. */
public record InFlightView(String id, String provider, CertificateType certificateType, String certificateNumber,
        String domain, OffsetDateTime since) {

    static InFlightView of(InFlightElsewhere e) {
        return new InFlightView(e.id.toString(), e.provider, e.certificateType, e.certificateNumber, e.domain,
                e.since);
    }
}
