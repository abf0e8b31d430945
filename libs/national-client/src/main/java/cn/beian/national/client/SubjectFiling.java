package cn.beian.national.client;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/**
 * A subject filed in the national registry, with its websites.
 *
 * @param certificateMatch how the number asked for matched the record (lookups by certificate)
 * @param provider         the provider through which the subject was filed
 * @param heldHere         whether that provider is the caller
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectFiling(
        String subjectFilingNumber,
        FilingStatus status,
        SubjectNature nature,
        String name,
        Province province,
        CertificateType certificateType,
        String certificateNumber,
        CertificateMatch certificateMatch,
        String provider,
        boolean heldHere,
        String principalName,
        boolean passwordSet,
        LocalDate filedOn,
        List<WebsiteFiling> websites) {
}
