package cn.beian.materials.domain;

import static cn.beian.contract.domain.Province.*;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.events.website.OrderWebsitesChanged.WebsiteOutline;
import cn.beian.contract.order.FilingType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The materials an order needs (docs/domain.md §1 "Material", §5.3–§5.5, docs/province-rules.md), derived from its subject
 * nature, filing type, province, websites and principals. Pure: the same outline always gives the same list.
 *
 * <p>Owner references: {@code subject}, {@code subject.principal}, {@code websites[<id>]},
 * {@code websites[<id>].principal}, {@code websites[<id>].preApprovals[<type>]}. A website principal who is the
 * subject principal is covered by the subject principal's documents; a person who is principal of several websites
 * is asked for once, under the first of them.
 */
public final class RequiredMaterials {

    /** X-16 (permit instead of refusal): persons whose certificate is from elsewhere upload a residence permit. */
    private static final Map<Province, String> RESIDENCE_PERMIT_RULES = Map.of(
            SHANGHAI, "SH-P-01", JIANGSU, "JS-P-01", FUJIAN, "FJ-P-02", JIANGXI, "JX-P-01", HUBEI, "HB-P-01",
            SICHUAN, "SC-P-01");
    /** a unit whose website principal is not the legal person uploads a legal-person authorization letter. */
    private static final Map<Province, String> WEBSITE_PRINCIPAL_LETTER_RULES = Map.of(
            HUBEI, "HB-U-02", GUIZHOU, "GZ-U-03", TIANJIN, "TJ-U-04", HUNAN, "HN-U-02", SHANGHAI, "SH-U-03",
            ZHEJIANG, "ZJ-U-05", CHONGQING, "CQ-U-02", GUANGXI, "GX-U-05", SHAANXI, "SN-U-06");
    /** a subject principal who is not the legal person needs a letter (only a reviewer can tell). */
    private static final Map<Province, String> SUBJECT_PRINCIPAL_LETTER_RULES = Map.of(
            ANHUI, "AH-U-04", JIANGXI, "JX-U-01", SICHUAN, "SC-U-01", GANSU, "GS-U-03");
    /** Provinces asking for a domain certificate of every website. */
    private static final Map<Province, String> DOMAIN_CERTIFICATE_RULES = Map.of(
            JIANGSU, "JS-B-01", GUIZHOU, "GZ-B-01");
    /** Unit certificate must be a scan of the original (a stamped photocopy is refused): a note for the reviewer. */
    private static final Map<Province, String> ORIGINAL_SCAN_RULES = Map.of(
            TIANJIN, "TJ-U-02", HEBEI, "HE-U-01", SHANGHAI, "SH-U-01", ZHEJIANG, "ZJ-U-02");
    private static final Set<FilingType> WITH_WEBSITES = EnumSet.of(FilingType.FIRST_FILING, FilingType.NEW_WEBSITE,
            FilingType.NEW_WEBSITE_SUBJECT_ELSEWHERE, FilingType.ACCESS_FILING, FilingType.CHANGE);

    private RequiredMaterials() {
    }

    /** The outline of an order the list is derived from. */
    public record Outline(FilingType type, Province province, SubjectNature nature,
            CertificateType subjectCertificateType, Province subjectCertificateProvince,
            boolean principalNeedsEmployment, List<WebsiteOutline> websites) {

        public boolean needsWebsites() {
            return type == null || WITH_WEBSITES.contains(type);
        }
    }

    public static List<Requirement> of(Outline o) {
        List<Requirement> out = new ArrayList<>();
        boolean unit = o.nature() != null && o.nature().isUnit();
        Province p = o.province();
        if (unit) {
            String scanRule = p == null ? null : ORIGINAL_SCAN_RULES.get(p);
            out.add(scanRule == null
                    ? Requirement.needed(MaterialKind.UNIT_CERTIFICATE, "subject",
                            "单位主体须上传单位证件彩色扫描件", "docs/domain.md §1", "docs/domain.md §5.5")
                    : Requirement.needed(MaterialKind.UNIT_CERTIFICATE, "subject",
                            "单位主体须上传单位证件原件（副本）彩色扫描件，盖章复印件不予受理", "docs/domain.md §5.5", scanRule));
        }
        idSides(out, "subject.principal", o.subjectCertificateType(), "主体负责人证件", "docs/domain.md §5.5");
        if (o.principalNeedsEmployment()) {
            out.add(Requirement.needed(MaterialKind.EMPLOYMENT_PROOF, "subject.principal",
                    "未满 18 周岁的负责人须提供在职证明", "docs/domain.md §5.3", "JS-P-03", "GD-P-04"));
        }
        String permitRule = p == null ? null : RESIDENCE_PERMIT_RULES.get(p);
        if (!unit && permitRule != null && outsideProvince(o)) {
            out.add(Requirement.needed(MaterialKind.RESIDENCE_PERMIT, "subject.principal",
                    "证件地址不在" + p.chineseName() + "，须上传居住证或暂住证", permitRule, "X-16"));
        }
        if (unit && p != null && SUBJECT_PRINCIPAL_LETTER_RULES.containsKey(p)) {
            out.add(Requirement.ifApplies(MaterialKind.AUTHORIZATION_LETTER, "subject",
                    "subject principal is not the legal representative",
                    "主体负责人不是法定代表人时，须上传法人授权书", SUBJECT_PRINCIPAL_LETTER_RULES.get(p), "X-04"));
        }
        if (unit && p == HEBEI) {
            out.add(Requirement.ifApplies(MaterialKind.AUTHORIZATION_LETTER, "subject",
                    "the legal representative is a foreigner", "外籍法人须授权中国公民作为负责人并上传授权书", "HE-U-03"));
        }
        if (o.needsWebsites() && o.websites() != null) {
            websites(out, o, unit);
        }
        return out;
    }

    private static void websites(List<Requirement> out, Outline o, boolean unit) {
        Province p = o.province();
        int domainCount = o.websites().stream().mapToInt(w -> w.domains() == null ? 0 : w.domains().size()).sum();
        Map<String, String> principals = new LinkedHashMap<>();
        for (int i = 0; i < o.websites().size(); i++) {
            WebsiteOutline w = o.websites().get(i);
            String site = "websites[" + w.websiteId() + "]";
            int first = out.size();
            out.add(Requirement.needed(MaterialKind.VERIFICATION_FORM, site,
                    formReason(o, unit), formRules(p, unit).toArray(String[]::new)));
            // One ID and one curtain photo per person, under the first website they run.
            String personKey = w.principalSameAsSubject() || w.principal() == null
                    ? "subject.principal" : w.principal().personKey();
            boolean firstOfPerson = principals.putIfAbsent(personKey, site + ".principal") == null;
            if (firstOfPerson && !w.principalSameAsSubject() && w.principal() != null) {
                idSides(out, site + ".principal", w.principal().certificateType(), "网站负责人证件", "docs/domain.md §1");
            }
            if (firstOfPerson && o.type() != null && o.type().needsPhoto()) {
                out.add(Requirement.photo(site + ".principal", "初审通过后须上传网站负责人幕布照片", "docs/domain.md §3.1",
                        "docs/domain.md §5.5"));
            }
            if (unit && !w.principalSameAsSubject() && p != null && WEBSITE_PRINCIPAL_LETTER_RULES.containsKey(p)) {
                out.add(Requirement.needed(MaterialKind.AUTHORIZATION_LETTER, site,
                        "网站负责人不是法定代表人（与主体负责人不同），须上传法人授权书",
                        WEBSITE_PRINCIPAL_LETTER_RULES.get(p), "X-04"));
            }
            String certRule = domainCertificateRule(o, unit, domainCount);
            boolean registrantMismatch = w.domainsNeedingCertificate() != null && !w.domainsNeedingCertificate().isEmpty();
            if (certRule != null || registrantMismatch) {
                out.add(Requirement.needed(MaterialKind.DOMAIN_CERTIFICATE, site,
                        registrantMismatch ? "域名持有者与主体不一致：" + String.join("、", w.domainsNeedingCertificate())
                                + "，须上传域名证书及授权" : "本省要求上传域名证书",
                        certRule != null ? certRule : "docs/domain.md §5.2"));
            }
            if (w.preApprovalTypes() != null) {
                for (String type : w.preApprovalTypes()) {
                    out.add(Requirement.needed(MaterialKind.PRE_APPROVAL, site + ".preApprovals[" + type + "]",
                            "网站涉及前置审批（" + type + "），须上传前置审批文件", "docs/domain.md §5.4", "HB-B-08"));
                }
            }
            String path = "websites[" + i + "]";
            for (int r = first; r < out.size(); r++) {
                out.set(r, out.get(r).locatedAt(path + out.get(r).ownerRef().substring(site.length())));
            }
        }
    }

    private static String domainCertificateRule(Outline o, boolean unit, int domainCount) {
        Province p = o.province();
        if (p == null) {
            return null;
        }
        if (DOMAIN_CERTIFICATE_RULES.containsKey(p)) {
            return DOMAIN_CERTIFICATE_RULES.get(p);
        }
        if (p == HUNAN && unit) {
            return "HN-U-04";
        }
        if (p == HENAN && domainCount >= 4) {
            return "HA-B-06";
        }
        if (p == SHAANXI && domainCount >= 5) {
            return unit ? "SN-U-04" : "SN-P-03";
        }
        if (p == SHANDONG && !unit && domainCount >= 10) {
            return "SD-P-03";
        }
        return null;
    }

    private static String formReason(Outline o, boolean unit) {
        StringBuilder s = new StringBuilder("每个网站一份核验单，由网站负责人签字");
        if (unit) {
            s.append("，加盖单位公章");
        }
        Province p = o.province();
        if (!unit && (p == JIANGXI || p == XINJIANG)) {
            s.append("，签字旁按手印");
        }
        if (!unit && p == GUANGDONG) {
            s.append("，虚线下方手抄承诺内容");
        }
        if (p == BEIJING) {
            s.append("，每个域名后注明注册商");
        }
        return s.toString();
    }

    private static List<String> formRules(Province p, boolean unit) {
        List<String> rules = new ArrayList<>(List.of("docs/domain.md §5.5", "X-06", "X-12"));
        if (!unit && p == JIANGXI) {
            rules.add("JX-P-02");
        }
        if (!unit && p == XINJIANG) {
            rules.add("XJ-P-01");
        }
        if (!unit && p == GUANGDONG) {
            rules.add("GD-P-03");
        }
        if (p == BEIJING) {
            rules.add("BJ-B-08");
        }
        return rules;
    }

    /** Both sides of an ID-type certificate; a passport is one data page. */
    private static void idSides(List<Requirement> out, String owner, CertificateType type, String what,
            String rule) {
        if (type == CertificateType.PASSPORT) {
            out.add(Requirement.needed(MaterialKind.ID_FRONT, owner, what + "（护照资料页）", rule));
            return;
        }
        out.add(Requirement.needed(MaterialKind.ID_FRONT, owner, what + "正面（或正反面同一张图）", rule, "docs/domain.md §5.5"));
        out.add(Requirement.needed(MaterialKind.ID_BACK, owner, what + "反面（或正反面同一张图）", rule, "docs/domain.md §5.5"));
    }

    private static boolean outsideProvince(Outline o) {
        if (o.subjectCertificateType() == CertificateType.PASSPORT && o.province() == SHANGHAI) {
            return true; // SH-P-01: foreigners filing with a passport need a residence permit too
        }
        return o.subjectCertificateType() == CertificateType.RESIDENT_ID && o.subjectCertificateProvince() != null
                && o.subjectCertificateProvince() != o.province();
    }
}
