package cn.beian.materials.domain;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.PreApprovalType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.events.website.OrderWebsitesChanged.WebsiteOutline;
import cn.beian.contract.order.ChangeKind;
import cn.beian.contract.order.FilingType;
import cn.beian.rules.Condition;
import cn.beian.rules.Facts;
import cn.beian.rules.MaterialRequirements;
import cn.beian.rules.OrderDocument;
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
 * <p>The documents every order needs (the unit certificate, each principal's ID, one verification form per website,
 * the curtain photos, each declared pre-approval's document, a domain certificate where the registrant differs) are
 * laid out here; what each province adds is read from the rules module ({@code libs/rules} {@code materials.yaml}
 * through {@link MaterialRequirements}): its rows add their ids to those documents or ask for documents of their own.
 * A row whose condition the outline cannot decide is asked for as not blocking, with the instruction as its
 * condition. The outline keeps no certificate numbers, so a few conditions are answered here from what it does carry
 * (the certificate's province, the principal's age flag, whether a website has a principal of its own).
 *
 * <p>Owner references: {@code subject}, {@code subject.principal}, {@code websites[<id>]},
 * {@code websites[<id>].principal}, {@code websites[<id>].preApprovals[<type>]}. A website principal who is the
 * subject principal is covered by the subject principal's documents; a person who is principal of several websites
 * is asked for once, under the first of them.
 */
public final class RequiredMaterials {

    private static final Set<FilingType> WITH_WEBSITES = EnumSet.of(FilingType.FIRST_FILING, FilingType.NEW_WEBSITE,
            FilingType.NEW_WEBSITE_SUBJECT_ELSEWHERE, FilingType.ACCESS_FILING, FilingType.CHANGE);
    /** A person's own documents, kept under the subject principal. */
    private static final Set<MaterialKind> PERSONAL = EnumSet.of(MaterialKind.ID_FRONT, MaterialKind.ID_BACK,
            MaterialKind.RESIDENCE_PERMIT, MaterialKind.EMPLOYMENT_PROOF, MaterialKind.HANDHELD_CERTIFICATE_PHOTO);

    private RequiredMaterials() {
    }

    /**
     * The outline of an order the list is derived from.
     *
     * @param changeKind what a CHANGE order changes (some provinces ask for a new form only for a subject change);
     *                   null for other types and for change orders opened before changes had a kind
     */
    public record Outline(FilingType type, Province province, SubjectNature nature,
            CertificateType subjectCertificateType, Province subjectCertificateProvince,
            boolean principalNeedsEmployment, List<WebsiteOutline> websites,
            ChangeKind changeKind) {

        /** The outline of an order that is not a change. */
        public Outline(FilingType type, Province province, SubjectNature nature,
                CertificateType subjectCertificateType, Province subjectCertificateProvince,
                boolean principalNeedsEmployment, List<WebsiteOutline> websites) {
            this(type, province, nature, subjectCertificateType, subjectCertificateProvince, principalNeedsEmployment,
                    websites, null);
        }

        public boolean needsWebsites() {
            return type == null || WITH_WEBSITES.contains(type);
        }
    }

    public static List<Requirement> of(Outline o) {
        List<Requirement> out = new ArrayList<>();
        boolean unit = o.nature() != null && o.nature().isUnit();
        List<Row> province = provinceRows(o);
        if (unit) {
            out.add(Requirement.needed(MaterialKind.UNIT_CERTIFICATE, "subject", "单位主体须上传单位证件彩色扫描件",
                    "docs/domain.md §1", "docs/domain.md §5.5"));
        }
        idSides(out, "subject.principal", o.subjectCertificateType(), "主体负责人证件", "docs/domain.md §5.5");
        if (o.principalNeedsEmployment()) {
            out.add(Requirement.needed(MaterialKind.EMPLOYMENT_PROOF, "subject.principal",
                    "未满 18 周岁的负责人须提供在职证明", "docs/domain.md §5.3"));
        }
        for (Row r : province) {
            if ("subject".equals(r.owner())) {
                MaterialKind kind = kind(r.material());
                if (kind != null) {
                    merge(out, kind, PERSONAL.contains(kind) ? "subject.principal" : "subject", r);
                }
            }
        }
        if (o.needsWebsites() && o.websites() != null) {
            websites(out, o, province);
        }
        return out;
    }

    private static void websites(List<Requirement> out, Outline o, List<Row> province) {
        Map<String, String> principals = new LinkedHashMap<>();
        for (int i = 0; i < o.websites().size(); i++) {
            WebsiteOutline w = o.websites().get(i);
            String site = "websites[" + w.websiteId() + "]";
            String path = "websites[" + i + "]";
            int first = out.size();
            out.add(Requirement.needed(MaterialKind.VERIFICATION_FORM, site, "每个网站一份核验单，由网站负责人签字"
                    + (o.nature() != null && o.nature().isUnit() ? "，加盖单位公章" : ""), "docs/domain.md §5.5"));
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
            if (w.domainsNeedingCertificate() != null && !w.domainsNeedingCertificate().isEmpty()) {
                out.add(Requirement.needed(MaterialKind.DOMAIN_CERTIFICATE, site, "域名持有者与主体不一致："
                        + String.join("、", w.domainsNeedingCertificate()) + "，须上传域名证书及授权", "docs/domain.md §5.2"));
            }
            if (w.preApprovalTypes() != null) {
                for (String type : w.preApprovalTypes()) {
                    out.add(Requirement.needed(MaterialKind.PRE_APPROVAL, site + ".preApprovals[" + type + "]",
                            "网站涉及前置审批（" + type + "），须上传前置审批文件", "docs/domain.md §5.4"));
                }
            }
            for (Row r : province) {
                MaterialKind kind = kind(r.material());
                if (!path.equals(r.owner()) || kind == null) {
                    continue;
                }
                if (kind == MaterialKind.PRE_APPROVAL) {
                    preApproval(out, first, site, r);
                } else if (PERSONAL.contains(kind)) {
                    mergeExisting(out, kind, site + ".principal", r);
                } else {
                    merge(out, kind, site, r);
                }
            }
            for (int r = first; r < out.size(); r++) {
                out.set(r, out.get(r).locatedAt(path + out.get(r).ownerRef().substring(site.length())));
            }
        }
    }

    /** A province's pre-approval row: on each declared pre-approval of the website, or a note when none is. */
    private static void preApproval(List<Requirement> out, int from, String site, Row r) {
        boolean any = false;
        for (int i = from; i < out.size(); i++) {
            Requirement q = out.get(i);
            if (q.kind() == MaterialKind.PRE_APPROVAL && q.ownerRef().startsWith(site + ".preApprovals[")) {
                out.set(i, withRule(q, r));
                any = true;
            }
        }
        if (!any) {
            out.add(Requirement.ifApplies(MaterialKind.PRE_APPROVAL, site, r.english(), r.instruction(), r.id()));
        }
    }

    /** Adds the row to the requirement of that kind and owner, or asks for the document on its own. */
    private static void merge(List<Requirement> out, MaterialKind kind, String owner, Row r) {
        if (mergeExisting(out, kind, owner, r)) {
            return;
        }
        out.add(r.undetermined() ? Requirement.ifApplies(kind, owner, r.english(), r.instruction(), r.id())
                : Requirement.needed(kind, owner, r.instruction(), r.id()));
    }

    private static boolean mergeExisting(List<Requirement> out, MaterialKind kind, String owner, Row r) {
        for (int i = 0; i < out.size(); i++) {
            Requirement q = out.get(i);
            if (q.kind() == kind && q.ownerRef().equals(owner)) {
                out.set(i, withRule(q, r));
                return true;
            }
        }
        return false;
    }

    /** The requirement with the row's id, its instruction (province rows) and, when the row holds, blocking. */
    private static Requirement withRule(Requirement q, Row r) {
        List<String> rules = new ArrayList<>(q.rules());
        if (rules.contains(r.id())) {
            return q;
        }
        rules.add(r.id());
        boolean blocking = q.blocking() || !r.undetermined();
        String reason = r.id().startsWith("X-") || q.reason().contains(r.instruction()) ? q.reason()
                : q.reason() + "；" + r.instruction();
        return new Requirement(q.kind(), q.ownerRef(), q.stage(), blocking, reason, List.copyOf(rules),
                blocking ? null : q.condition(), q.fieldKey());
    }

    private static MaterialKind kind(String name) {
        try {
            return MaterialKind.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null; // a kind the rules data names that this service does not know: RequiredMaterialsTest fails
        }
    }

    /**
     * A province row that holds (or may hold) for this order: the rules module's {@code Required} in Chinese (the
     * reason) and its instruction in English (the condition of a requirement only a reviewer can confirm).
     */
    private record Row(MaterialRequirements.Required zh, String english) {
        String id() {
            return zh.id();
        }

        String material() {
            return zh.material();
        }

        String owner() {
            return zh.owner();
        }

        String instruction() {
            return zh.instruction();
        }

        boolean undetermined() {
            return zh.undetermined();
        }
    }

    /** The rules module's rows for this order, on an order document built from the outline. */
    private static List<Row> provinceRows(Outline o) {
        boolean unit = o.nature() != null && o.nature().isUnit();
        // a person's certificate is their own; a unit's principal's certificate type is not in the outline
        OrderDocument.Person principal = new OrderDocument.Person(null, unit ? null : o.subjectCertificateType(), null,
                null, null, null, null);
        OrderDocument.Subject subject = new OrderDocument.Subject(o.nature(), o.province(), null, null, null,
                o.subjectCertificateType(), null, null, null, null, null, null, null, null, null, principal, null);
        List<OrderDocument.Website> websites = new ArrayList<>();
        if (o.websites() != null) {
            for (WebsiteOutline w : o.websites()) {
                OrderDocument.Person own = w.principal() == null ? null : new OrderDocument.Person(w.principal().name(),
                        w.principal().certificateType(), null, null, null, null, null);
                websites.add(new OrderDocument.Website(w.name(), w.domains(), null, null, null,
                        preApprovals(w.preApprovalTypes()), null, null, w.principalSameAsSubject(), own, null));
            }
        }
        OrderDocument order = new OrderDocument(o.type(), o.changeKind() == null ? null
                : OrderDocument.ChangeKind.valueOf(o.changeKind().name()), subject, websites, null, null);
        Map<String, Condition> answers = Map.of(
                "CERTIFICATE_OUTSIDE_PROVINCE", (params, doc, facts, website) -> outsideProvince(o,
                        Boolean.parseBoolean(String.valueOf(params.get("passportCounts")))),
                "AGE_BETWEEN", (params, doc, facts, website) -> o.principalNeedsEmployment(),
                "WEBSITE_PRINCIPAL_NOT_LEGAL_PERSON", (params, doc, facts, website) -> ownPrincipal(o, website),
                "WEBSITE_PRINCIPAL_NOT_SUBJECT_PRINCIPAL", (params, doc, facts, website) -> ownPrincipal(o, website));
        List<MaterialRequirements.Required> zh = MaterialRequirements.of(order, Facts.on(null), false, answers);
        List<MaterialRequirements.Required> en = MaterialRequirements.of(order, Facts.on(null), true, answers);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < zh.size(); i++) {
            rows.add(new Row(zh.get(i), i < en.size() ? en.get(i).instruction() : zh.get(i).instruction()));
        }
        return rows;
    }

    private static List<OrderDocument.PreApproval> preApprovals(List<String> types) {
        List<OrderDocument.PreApproval> out = new ArrayList<>();
        if (types != null) {
            for (String t : types) {
                try {
                    out.add(new OrderDocument.PreApproval(PreApprovalType.valueOf(t), null));
                } catch (IllegalArgumentException | NullPointerException e) {
                    // a type the rules do not know counts as none
                }
            }
        }
        return out;
    }

    /**
     * Whether a website has a principal of its own. The outline names no legal person: as before the rules module,
     * the subject principal stands for the legal person (X-17 makes them the same in most provinces).
     */
    private static Boolean ownPrincipal(Outline o, Integer website) {
        List<WebsiteOutline> ws = o.websites() == null ? List.of() : o.websites();
        if (website != null) {
            return website >= 0 && website < ws.size() && !ws.get(website).principalSameAsSubject();
        }
        return ws.stream().anyMatch(w -> !w.principalSameAsSubject());
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

    private static Boolean outsideProvince(Outline o, boolean passportCounts) {
        if (o.subjectCertificateType() == CertificateType.PASSPORT && passportCounts) {
            return true; // SH-P-01: foreigners filing with a passport need a residence permit too
        }
        if (o.subjectCertificateType() != CertificateType.RESIDENT_ID) {
            return false;
        }
        return o.subjectCertificateProvince() != null && o.subjectCertificateProvince() != o.province();
    }
}
