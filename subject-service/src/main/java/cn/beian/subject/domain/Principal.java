package cn.beian.subject.domain;

import cn.beian.contract.domain.CertificateType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/** 主体负责人: the person answerable for the subject. Personal data: masked everywhere but the owner's view. */
@Embeddable
public class Principal {

    @Column(name = "principal_name", nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "principal_certificate_type", nullable = false)
    public CertificateType certificateType;

    @Column(name = "principal_certificate_number", nullable = false)
    public String certificateNumber;

    @Column(name = "principal_mobile", nullable = false)
    public String mobile;

    @Column(name = "principal_office_phone")
    public String officePhone;

    @Column(name = "principal_email", nullable = false)
    public String email;

    /** The last day the principal's certificate is valid (有效期至); optional. */
    @Column(name = "principal_certificate_valid_until")
    public LocalDate certificateValidUntil;
}
