package cn.beian.materials.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.events.website.OrderWebsitesChanged.PrincipalOutline;
import cn.beian.contract.events.website.OrderWebsitesChanged.WebsiteOutline;
import cn.beian.contract.order.ChangeKind;
import cn.beian.contract.order.FilingType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The required-materials list for orders of different natures, types and provinces (docs/province-rules.md ids). */
class RequiredMaterialsTest {

    @Test
    void aPersonInJiangsuNeedsADomainCertificateAndAFormPerWebsite() {
        List<Requirement> r = of(FilingType.FIRST_FILING, Province.JIANGSU, SubjectNature.PERSON,
                CertificateType.RESIDENT_ID, Province.JIANGSU, false, site("a", 1), site("b", 1));
        assertEquals(List.of("websites[a]", "websites[b]"), owners(r, MaterialKind.VERIFICATION_FORM));
        assertTrue(find(r, MaterialKind.DOMAIN_CERTIFICATE, "websites[a]").rules().contains("JS-B-01"));
        assertFalse(has(r, MaterialKind.RESIDENCE_PERMIT), "a Jiangsu ID needs no permit in Jiangsu");
        assertFalse(has(r, MaterialKind.UNIT_CERTIFICATE));
        assertEquals(1, owners(r, MaterialKind.CURTAIN_PHOTO).size(), "one photo: both sites run by the subject principal");
    }

    /** Uploads name a website by id (ownerRef); findings name it by its position, as every field key does. */
    @Test
    void aWebsitesRequirementIsOwnedByTheWebsitesIdAndKeyedByItsPosition() {
        List<Requirement> r = of(FilingType.FIRST_FILING, Province.JIANGSU, SubjectNature.PERSON,
                CertificateType.RESIDENT_ID, Province.JIANGSU, false, site("a", 1), site("b", 1));
        assertEquals("websites[1].VERIFICATION_FORM", find(r, MaterialKind.VERIFICATION_FORM, "websites[b]").fieldKey());
        assertEquals("websites[0].DOMAIN_CERTIFICATE", find(r, MaterialKind.DOMAIN_CERTIFICATE, "websites[a]").fieldKey());
        assertEquals("subject.principal.ID_FRONT", find(r, MaterialKind.ID_FRONT, "subject.principal").fieldKey());
    }

    @Test
    void anOutOfProvinceIdNeedsAResidencePermitWherePermitsAreAccepted() {
        List<Requirement> sichuan = of(FilingType.FIRST_FILING, Province.SICHUAN, SubjectNature.PERSON,
                CertificateType.RESIDENT_ID, Province.BEIJING, false, site("a", 1));
        assertTrue(find(sichuan, MaterialKind.RESIDENCE_PERMIT, "subject.principal").rules().contains("SC-P-01"));
        List<Requirement> beijing = of(FilingType.FIRST_FILING, Province.BEIJING, SubjectNature.PERSON,
                CertificateType.RESIDENT_ID, Province.SICHUAN, false, site("a", 1));
        assertFalse(has(beijing, MaterialKind.RESIDENCE_PERMIT), "Beijing has no permit rule");
    }

    @Test
    void domainCountsTriggerCertificatesInHenanAndShaanxi() {
        assertFalse(has(of(FilingType.FIRST_FILING, Province.HENAN, SubjectNature.PERSON, CertificateType.RESIDENT_ID,
                Province.HENAN, false, site("a", 3)), MaterialKind.DOMAIN_CERTIFICATE));
        assertTrue(find(of(FilingType.FIRST_FILING, Province.HENAN, SubjectNature.PERSON, CertificateType.RESIDENT_ID,
                Province.HENAN, false, site("a", 2), site("b", 2)), MaterialKind.DOMAIN_CERTIFICATE, "websites[b]")
                .rules().contains("HA-B-06"));
        assertTrue(find(of(FilingType.FIRST_FILING, Province.SHAANXI, SubjectNature.ENTERPRISE,
                CertificateType.BUSINESS_LICENSE, null, false, site("a", 5)), MaterialKind.DOMAIN_CERTIFICATE,
                "websites[a]").rules().contains("SN-U-04"));
    }

    @Test
    void aMinorNeedsEmploymentProofAndAPassportIsOnePage() {
        List<Requirement> r = of(FilingType.FIRST_FILING, Province.GUANGDONG, SubjectNature.PERSON,
                CertificateType.PASSPORT, null, true, site("a", 1));
        assertTrue(has(r, MaterialKind.EMPLOYMENT_PROOF));
        assertTrue(has(r, MaterialKind.ID_FRONT));
        assertFalse(has(r, MaterialKind.ID_BACK), "a passport has one data page");
        assertTrue(find(r, MaterialKind.VERIFICATION_FORM, "websites[a]").rules().contains("GD-P-03"));
    }

    @Test
    void aUnitInAnhuiGetsANonBlockingLetterAndDeregistrationsNeedNoWebsiteMaterials() {
        List<Requirement> anhui = of(FilingType.FIRST_FILING, Province.ANHUI, SubjectNature.ENTERPRISE,
                CertificateType.BUSINESS_LICENSE, null, false, site("a", 1));
        Requirement letter = find(anhui, MaterialKind.AUTHORIZATION_LETTER, "subject");
        assertFalse(letter.blocking());
        assertTrue(letter.rules().contains("AH-U-04"));
        assertTrue(has(anhui, MaterialKind.UNIT_CERTIFICATE));

        List<Requirement> dereg = of(FilingType.DEREGISTER_SUBJECT, Province.BEIJING, SubjectNature.PERSON,
                CertificateType.RESIDENT_ID, Province.BEIJING, false, site("a", 1));
        assertEquals(List.of(MaterialKind.ID_FRONT, MaterialKind.ID_BACK), dereg.stream().map(Requirement::kind).toList());
        List<Requirement> access = of(FilingType.ACCESS_FILING, Province.BEIJING, SubjectNature.PERSON,
                CertificateType.RESIDENT_ID, Province.BEIJING, false, site("a", 1));
        assertTrue(has(access, MaterialKind.VERIFICATION_FORM));
        assertFalse(has(access, MaterialKind.CURTAIN_PHOTO), "access filings need no photo (docs/domain.md §3.1)");
    }

    /** What each province adds comes from libs/rules (materials.yaml): its ids join the documents they concern. */
    @Test
    void provinceRowsComeFromTheRulesModule() {
        WebsiteOutline own = new WebsiteOutline("a", "site a", List.of("a0.cn"), false,
                new PrincipalOutline("p1", "李四", CertificateType.RESIDENT_ID, null), List.of(), List.of());
        List<Requirement> tianjin = of(FilingType.FIRST_FILING, Province.TIANJIN, SubjectNature.ENTERPRISE,
                CertificateType.BUSINESS_LICENSE, null, false, own);
        Requirement letter = find(tianjin, MaterialKind.AUTHORIZATION_LETTER, "websites[a]");
        assertTrue(letter.blocking());
        assertTrue(letter.rules().contains("TJ-U-04"));
        assertTrue(find(tianjin, MaterialKind.UNIT_CERTIFICATE, "subject").rules().contains("TJ-U-02"));
        assertTrue(find(tianjin, MaterialKind.VERIFICATION_FORM, "websites[a]").rules().containsAll(
                List.of("X-06", "TJ-B-04")));
        assertFalse(has(of(FilingType.FIRST_FILING, Province.TIANJIN, SubjectNature.ENTERPRISE,
                CertificateType.BUSINESS_LICENSE, null, false, site("a", 1)), MaterialKind.AUTHORIZATION_LETTER),
                "the subject principal runs the website");
        assertFalse(has(of(FilingType.FIRST_FILING, Province.GUANGXI, SubjectNature.PUBLIC_INSTITUTION,
                CertificateType.PUBLIC_INSTITUTION_CERTIFICATE, null, false, own), MaterialKind.AUTHORIZATION_LETTER),
                "GX-U-05 concerns enterprises");
        assertTrue(find(of(FilingType.FIRST_FILING, Province.XINJIANG, SubjectNature.PERSON,
                CertificateType.RESIDENT_ID, Province.XINJIANG, false, site("a", 1)), MaterialKind.VERIFICATION_FORM,
                "websites[a]").rules().contains("XJ-P-01"));
        assertTrue(find(of(FilingType.FIRST_FILING, Province.SHANGHAI, SubjectNature.PERSON, CertificateType.PASSPORT,
                null, false, site("a", 1)), MaterialKind.RESIDENCE_PERMIT, "subject.principal").rules()
                .contains("SH-P-01"), "a passport holder in Shanghai");
        List<Requirement> change = of(FilingType.CHANGE, Province.HUBEI, SubjectNature.PERSON,
                CertificateType.RESIDENT_ID, Province.HUBEI, false, site("a", 1));
        assertTrue(find(change, MaterialKind.VERIFICATION_FORM, "websites[a]").rules().contains("HB-B-07"),
                "a change attaches a newly signed form");
        // Xinjiang asks for a newly signed form for a subject change only: the change's kind decides.
        assertTrue(find(ofChange(ChangeKind.SUBJECT, Province.XINJIANG, site("a", 1)),
                MaterialKind.VERIFICATION_FORM, "websites[a]").rules().contains("XJ-B-06"));
        assertFalse(ofChange(ChangeKind.ACCESS, Province.XINJIANG, site("a", 1)).stream()
                .anyMatch(r -> r.rules().contains("XJ-B-06")), "an access change does not");
    }

    private static List<Requirement> ofChange(ChangeKind kind, Province p,
            WebsiteOutline... sites) {
        return RequiredMaterials.of(new RequiredMaterials.Outline(FilingType.CHANGE, p, SubjectNature.PERSON,
                CertificateType.RESIDENT_ID, p, false, List.of(sites), kind));
    }

    /** No row of the rules data is skipped: every document it names is a kind this service collects. */
    @Test
    void everyMaterialTheRulesNameIsAKindHere() {
        for (cn.beian.rules.MaterialRow row : cn.beian.rules.RuleBook.standard().materials()) {
            assertTrue(java.util.Arrays.stream(MaterialKind.values()).anyMatch(k -> k.name().equals(row.material())),
                    row.id() + " names " + row.material());
        }
        Requirement photo = find(of(FilingType.FIRST_FILING, Province.BEIJING, SubjectNature.ENTERPRISE,
                CertificateType.BUSINESS_LICENSE, null, false, site("a", 1)), MaterialKind.HANDHELD_CERTIFICATE_PHOTO,
                "subject.principal");
        assertTrue(photo.blocking());
        assertEquals(List.of("BJ-U-01"), photo.rules());
        assertTrue(find(of(FilingType.FIRST_FILING, Province.XINJIANG, SubjectNature.PERSON,
                CertificateType.RESIDENT_ID, Province.XINJIANG, false, site("a", 1)),
                MaterialKind.SECURITY_STAFF_CERTIFICATE, "websites[a]").rules().contains("XJ-B-07"));
    }

    @Test
    void bothSidesOnOneImageSatisfyFrontAndBack() {
        Requirement front = Requirement.needed(MaterialKind.ID_FRONT, "subject.principal", "x");
        assertTrue(front.satisfiedBy(MaterialKind.ID_BOTH_SIDES, "subject.principal"));
        assertFalse(front.satisfiedBy(MaterialKind.ID_BOTH_SIDES, "websites[a].principal"));
        assertFalse(front.satisfiedBy(MaterialKind.ID_BACK, "subject.principal"));
    }

    private static List<Requirement> of(FilingType type, Province p, SubjectNature nature, CertificateType cert,
            Province certProvince, boolean minor, WebsiteOutline... sites) {
        return RequiredMaterials.of(new RequiredMaterials.Outline(type, p, nature, cert, certProvince, minor,
                List.of(sites)));
    }

    private static WebsiteOutline site(String id, int domains) {
        List<String> names = java.util.stream.IntStream.range(0, domains).mapToObj(i -> id + i + ".cn").toList();
        return new WebsiteOutline(id, "site " + id, names, true,
                new PrincipalOutline("k", "张三", CertificateType.RESIDENT_ID, null), List.of(), List.of());
    }

    private static boolean has(List<Requirement> r, MaterialKind kind) {
        return r.stream().anyMatch(x -> x.kind() == kind);
    }

    private static List<String> owners(List<Requirement> r, MaterialKind kind) {
        return r.stream().filter(x -> x.kind() == kind).map(Requirement::ownerRef).toList();
    }

    private static Requirement find(List<Requirement> r, MaterialKind kind, String owner) {
        return r.stream().filter(x -> x.kind() == kind && x.ownerRef().equals(owner)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " for " + owner + " in " + r));
    }
}
