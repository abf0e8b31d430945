package cn.beian.rules;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.PreApprovalType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.ServiceContent;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.order.FilingType;
import java.time.LocalDate;
import java.util.List;

/**
 * An order as the applicant edits it, in the shape of the public APIs: the rules judge this document, and a finding's
 * field key is a JSON path into it ({@code subject.principal.mobile}, {@code websites[1].name},
 * {@code websites[0].domains[2]}, {@code materials.ID_FRONT}). Every field may be missing: a rule that needs a missing
 * value says so ({@link Outcome#UNDETERMINED}) or leaves it to the shape checks, and never throws.
 *
 * @param type       the filing type
 * @param changeKind for a {@link FilingType#CHANGE}: what it changes; {@code null} otherwise
 * @param subject    the subject (主体) with its principal
 * @param websites   the websites in this order, in the applicant's order (their index is their field key)
 * @param materials  the documents uploaded so far
 * @param photoChannel how the website principal is verified in person; {@code null} while not chosen
 */
public record OrderDocument(FilingType type, ChangeKind changeKind, Subject subject, List<Website> websites,
        List<UploadedMaterial> materials, PhotoChannel photoChannel) {

    public OrderDocument {
        websites = websites == null ? List.of() : List.copyOf(websites);
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** How the website principal's verification photo is taken. */
    public enum PhotoChannel {
        /** a photo before the provider's curtain, taken by the applicant */
        CURTAIN_PHOTO,
        /** face to face at a verification point (核验点) */
        VERIFICATION_POINT,
        /** in the administration's mobile app */
        APP
    }

    /** What a change order changes. */
    public enum ChangeKind {
        SUBJECT, WEBSITE, ACCESS
    }

    /** The province whose administration judges the order: the subject's. */
    public Province province() {
        return subject == null ? null : subject.province();
    }

    public SubjectNature nature() {
        return subject == null ? null : subject.nature();
    }

    /**
     * 主体.
     *
     * @param individualBusiness  a 个体工商户, whether it files as a person or as a unit
     * @param tradeName           the trade name (字号) on its licence; blank or {@code *} when it has none
     * @param nationalLevel       a national-level (state) unit, which alone may use some reserved words
     * @param legalPerson         a unit's legal representative (法人); {@code null} for persons
     */
    public record Subject(SubjectNature nature, Province province, String city, String district, String name,
            CertificateType certificateType, String certificateNumber, LocalDate certificateValidUntil,
            String certificateAddress, String communicationAddress, String investor, String remarks,
            Boolean individualBusiness, String tradeName, Boolean nationalLevel, Person principal,
            Person legalPerson) {
    }

    /** A principal (负责人) or legal person. */
    public record Person(String name, CertificateType certificateType, String certificateNumber,
            LocalDate certificateValidUntil, String mobile, String officePhone, String email) {
    }

    /**
     * 网站.
     *
     * @param contentCategories the finer content categories the applicant declares (optional, several)
     * @param filingNumber      the website's number when it is already filed (change, access, cancel, deregister)
     */
    public record Website(String name, List<String> domains, List<String> homepageUrls, ServiceContent serviceContent,
            List<ContentCategory> contentCategories, List<PreApproval> preApprovals, List<String> languages,
            String remarks, Boolean principalSameAsSubject, Person principal, String filingNumber) {

        public Website {
            domains = domains == null ? List.of() : List.copyOf(domains);
            homepageUrls = homepageUrls == null ? List.of() : List.copyOf(homepageUrls);
            contentCategories = contentCategories == null ? List.of() : List.copyOf(contentCategories);
            preApprovals = preApprovals == null ? List.of() : List.copyOf(preApprovals);
            languages = languages == null ? List.of() : List.copyOf(languages);
        }
    }

    /** A pre-approval (前置审批) with the approving document's number. */
    public record PreApproval(PreApprovalType type, String documentNumber) {
    }

    /**
     * A document uploaded for the order.
     *
     * @param kind     the material kind, e.g. {@code ID_FRONT}, {@code VERIFICATION_FORM}
     * @param owner    whose it is as a field key: {@code subject}, {@code websites[0]}
     * @param signedOn the date the applicant signed it, where the document carries one
     */
    public record UploadedMaterial(String kind, String owner, LocalDate signedOn) {
    }
}
