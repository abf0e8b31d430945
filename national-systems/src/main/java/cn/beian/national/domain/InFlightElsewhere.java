package cn.beian.national.domain;

import cn.beian.contract.domain.CertificateType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A subject (by certificate) or a domain in an open submission of another provider. */
@Entity
@Table(name = "in_flight_elsewhere")
public class InFlightElsewhere {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String provider;

    @Enumerated(EnumType.STRING)
    @Column(name = "certificate_type")
    public CertificateType certificateType;

    @Column(name = "certificate_number")
    public String certificateNumber;

    public String domain;

    @Column(nullable = false)
    public OffsetDateTime since;
}
