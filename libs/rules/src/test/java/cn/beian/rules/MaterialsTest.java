package cn.beian.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.events.review.ReviewKind;
import cn.beian.contract.order.FilingType;
import cn.beian.testing.TestClock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The material rows ({@code materials.yaml}), the conditions that say when each is required (every one true, false
 * and, where a fact can be missing, unknown, on built orders) and {@link MaterialRequirements} in many provinces.
 */
class MaterialsTest {

    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]*");
    private final RuleBook book = RuleBook.standard();

    // ---- building orders

    /**
     * A plain order as {@link Examples#base} builds it, for any province, nature and type. A unit's certificate number
     * is made here: {@code Examples.uscc} builds 18 characters before the check character and throws.
     */
    static Examples.Case base(Province p, boolean unit, FilingType type) {
        OrderDocument.Subject s = unit ? with(new Examples.Case(new OrderDocument(type, null,
                Examples.subject(p, false), List.of(), List.of(), null), null), "order.subject.nature", "ENTERPRISE",
                "order.subject.name", p.chineseName() + "某某科技有限公司", "order.subject.certificateType",
                "BUSINESS_LICENSE", "order.subject.certificateNumber", uscc(p.code()),
                "order.subject.certificateValidUntil", null, "order.subject.investor", p.chineseName() + "某某科技有限公司",
                "order.subject.certificateAddress", p.chineseName() + "某路1号",
                "order.subject.communicationAddress", p.chineseName() + "某路1号").order().subject()
                : Examples.subject(p, false);
        if (unit) {
            s = new OrderDocument.Subject(s.nature(), s.province(), s.city(), s.district(), s.name(),
                    s.certificateType(), s.certificateNumber(), s.certificateValidUntil(), s.certificateAddress(),
                    s.communicationAddress(), s.investor(), s.remarks(), s.individualBusiness(), s.tradeName(),
                    s.nationalLevel(), s.principal(), s.principal());
        }
        return new Examples.Case(new OrderDocument(type, null, s, List.of(Examples.website(p)), List.of(), null),
                Facts.on(TestClock.today()));
    }

    /** A valid unified social credit code registered in the province. */
    static String uscc(String province2) {
        String first17 = "91" + province2 + "0102" + "MA0123456";
        return first17 + cn.beian.validators.SocialCreditCodes.checkChar(first17);
    }

    /** The case changed at {@code path, value, path, value …} (paths and expressions as {@link Examples}). */
    static Examples.Case with(Examples.Case c, Object... pathsAndValues) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            changes.put((String) pathsAndValues[i], pathsAndValues[i + 1]);
        }
        return Examples.apply(c, changes);
    }

    private static Boolean holds(String condition, Map<String, Object> params, Examples.Case c, Integer website) {
        return Conditions.find(condition).orElseThrow().holds(params, c.order(), c.facts(), website);
    }

    private static Boolean holds(String condition, Map<String, Object> params, Examples.Case c) {
        return holds(condition, params, c, 0);
    }

    private static final Examples.Case PERSON_BJ = base(Province.BEIJING, false, FilingType.FIRST_FILING);
    private static final Examples.Case UNIT_BJ = base(Province.BEIJING, true, FilingType.FIRST_FILING);
    private static final Object OTHER_PERSON = Map.of("name", "李四", "certificateType", "RESIDENT_ID",
            "certificateNumber", "${id:11:today-40y}", "mobile", "13800000014");

    // ---- the data

    @Test
    void everyRowNamesAConditionThatExistsWithItsParts() {
        List<String> bad = new ArrayList<>();
        for (MaterialRow m : book.materials()) {
            if (m.when() == null) {
                continue;
            }
            if (Conditions.find(m.when().condition()).isEmpty()) {
                bad.add(m.id() + ": " + m.when().condition());
            }
            partsOf(m.when().params(), m.id(), bad);
        }
        assertTrue(bad.isEmpty(), "conditions that do not exist: " + bad);
    }

    @SuppressWarnings("unchecked")
    private static void partsOf(Object params, String id, List<String> bad) {
        if (params instanceof Map<?, ?> map) {
            Object name = map.get("condition");
            if (name != null && Conditions.find(String.valueOf(name)).isEmpty()) {
                bad.add(id + ": part " + name);
            }
            map.values().forEach(v -> partsOf(v, id, bad));
        } else if (params instanceof List<?> list) {
            list.forEach(v -> partsOf(v, id, bad));
        }
    }

    @Test
    void everyRowHasBothLanguagesAKindAnOwnerAndASource() {
        List<String> bad = new ArrayList<>();
        for (MaterialRow m : book.materials()) {
            if (!bilingual(m.instruction()) || !bilingual(m.preparedBy())) {
                bad.add(m.id() + ": instruction or preparedBy not in both languages");
            }
            if (m.material() == null || !KIND.matcher(m.material()).matches()) {
                bad.add(m.id() + ": material kind " + m.material());
            }
            if (!MaterialRequirements.SUBJECT.equals(m.owner()) && !MaterialRequirements.EACH_WEBSITE.equals(m.owner())) {
                bad.add(m.id() + ": owner " + m.owner());
            }
            if (m.source() == null || m.source().isBlank() || m.appliesTo() == null) {
                bad.add(m.id() + ": source or appliesTo missing");
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    private static boolean bilingual(Text t) {
        return t != null && t.zh() != null && !t.zh().isBlank() && t.en() != null && !t.en().isBlank();
    }

    @Test
    void everyConditionIsTestedHere() {
        Set<String> tested = new HashSet<>(List.of("ALWAYS", "WEBSITE_PRINCIPAL_NOT_LEGAL_PERSON",
                "SUBJECT_PRINCIPAL_NOT_LEGAL_PERSON", "WEBSITE_PRINCIPAL_NOT_SUBJECT_PRINCIPAL",
                "CERTIFICATE_OUTSIDE_PROVINCE", "AGE_BETWEEN", "DOMAIN_COUNT_AT_LEAST", "DISTINCT_PREFIXES_ABOVE",
                "CONTENT_CATEGORY_ANY", "NAME_OR_REMARK_WORDS", "PRE_APPROVAL_CONTENT", "FOREIGN_LEGAL_PERSON",
                "INDIVIDUAL_BUSINESS", "INDIVIDUAL_BUSINESS_WITHOUT_SEAL", "CHANGE_KIND", "CERTIFICATE_TYPE_ANY",
                "OLD_STYLE_RESIDENT_ID", "SUBJECT_NATURE_ANY", "SUBJECT_NAME_CHANGED", "ALL_OF", "ANY_OF", "NOT"));
        assertEquals(tested, Conditions.names(), "a condition without its true/false test below");
    }

    // ---- each condition true and false

    @Test
    void always() {
        assertEquals(true, holds("ALWAYS", Map.of(), PERSON_BJ));
    }

    @Test
    void websitePrincipalNotLegalPerson() {
        assertEquals(false, holds("WEBSITE_PRINCIPAL_NOT_LEGAL_PERSON", Map.of(), UNIT_BJ));
        Examples.Case other = with(UNIT_BJ, "order.websites[0].principalSameAsSubject", false,
                "order.websites[0].principal", OTHER_PERSON);
        assertEquals(true, holds("WEBSITE_PRINCIPAL_NOT_LEGAL_PERSON", Map.of(), other));
        assertEquals(true, holds("WEBSITE_PRINCIPAL_NOT_LEGAL_PERSON", Map.of(), other, null), "any website");
        assertNull(holds("WEBSITE_PRINCIPAL_NOT_LEGAL_PERSON", Map.of(), with(UNIT_BJ, "order.subject.legalPerson",
                null)), "no legal person: unknown");
        assertNull(holds("WEBSITE_PRINCIPAL_NOT_LEGAL_PERSON", Map.of(), with(UNIT_BJ,
                "order.websites[0].principalSameAsSubject", false)), "a website principal not given: unknown");
    }

    @Test
    void subjectPrincipalNotLegalPerson() {
        assertEquals(false, holds("SUBJECT_PRINCIPAL_NOT_LEGAL_PERSON", Map.of(), UNIT_BJ));
        assertEquals(true, holds("SUBJECT_PRINCIPAL_NOT_LEGAL_PERSON", Map.of(),
                with(UNIT_BJ, "order.subject.legalPerson", OTHER_PERSON)));
        assertEquals(true, holds("SUBJECT_PRINCIPAL_NOT_LEGAL_PERSON", Map.of(), with(UNIT_BJ,
                "order.subject.legalPerson.certificateNumber", null, "order.subject.legalPerson.name", "王五")),
                "compared by name when a number is missing");
        assertNull(holds("SUBJECT_PRINCIPAL_NOT_LEGAL_PERSON", Map.of(), with(UNIT_BJ, "order.subject.legalPerson",
                null)));
    }

    @Test
    void websitePrincipalNotSubjectPrincipal() {
        assertEquals(false, holds("WEBSITE_PRINCIPAL_NOT_SUBJECT_PRINCIPAL", Map.of(), UNIT_BJ));
        assertEquals(true, holds("WEBSITE_PRINCIPAL_NOT_SUBJECT_PRINCIPAL", Map.of(), with(UNIT_BJ,
                "order.websites[0].principalSameAsSubject", false, "order.websites[0].principal", OTHER_PERSON)));
        assertNull(holds("WEBSITE_PRINCIPAL_NOT_SUBJECT_PRINCIPAL", Map.of(), with(UNIT_BJ,
                "order.websites[0].principalSameAsSubject", null)));
    }

    @Test
    void certificateOutsideProvince() {
        Examples.Case sh = base(Province.SHANGHAI, false, FilingType.FIRST_FILING);
        Map<String, Object> subject = Map.of("who", "SUBJECT");
        assertEquals(false, holds("CERTIFICATE_OUTSIDE_PROVINCE", subject, sh));
        assertEquals(true, holds("CERTIFICATE_OUTSIDE_PROVINCE", subject,
                with(sh, "order.subject.certificateNumber", "${id:32}")));
        Examples.Case passport = with(sh, "order.subject.certificateType", "PASSPORT",
                "order.subject.certificateNumber", "E12345678");
        assertNull(holds("CERTIFICATE_OUTSIDE_PROVINCE", subject, passport), "a passport carries no region");
        assertEquals(true, holds("CERTIFICATE_OUTSIDE_PROVINCE", Map.of("who", "SUBJECT", "passportCounts", true),
                passport));
        Examples.Case unit = base(Province.SHANGHAI, true, FilingType.FIRST_FILING);
        assertEquals(false, holds("CERTIFICATE_OUTSIDE_PROVINCE", subject, unit));
        assertEquals(true, holds("CERTIFICATE_OUTSIDE_PROVINCE", subject,
                with(unit, "order.subject.certificateNumber", uscc("44"))), "a USCC of Guangdong");
        assertEquals(true, holds("CERTIFICATE_OUTSIDE_PROVINCE", Map.of("who", "SUBJECT_PRINCIPAL"),
                with(unit, "order.subject.principal.certificateNumber", "${id:44}")));
        assertNull(holds("CERTIFICATE_OUTSIDE_PROVINCE", subject, with(sh, "order.subject.certificateNumber", "123")),
                "a malformed number: unknown");
    }

    @Test
    void ageBetween() {
        Map<String, Object> teen = Map.of("who", "SUBJECT", "from", 16, "below", 18);
        assertEquals(false, holds("AGE_BETWEEN", teen, PERSON_BJ), "30 years old");
        Examples.Case seventeen = with(PERSON_BJ, "order.subject.certificateNumber", "${id:11:today-17y}");
        assertEquals(true, holds("AGE_BETWEEN", teen, seventeen));
        assertEquals(false, holds("AGE_BETWEEN", teen, with(PERSON_BJ, "order.subject.certificateNumber",
                "${id:11:today-18y}")), "18 today is no longer under 18");
        assertEquals(true, holds("AGE_BETWEEN", teen, with(PERSON_BJ, "order.subject.certificateNumber",
                "${id:11:today-16y}")), "16 today");
        assertNull(holds("AGE_BETWEEN", teen, new Examples.Case(seventeen.order(), Facts.on(null))),
                "no day to judge on");
        assertNull(holds("AGE_BETWEEN", teen, with(PERSON_BJ, "order.subject.certificateType", "PASSPORT")));
    }

    @Test
    void domainCountAtLeast() {
        Map<String, Object> two = Map.of("count", 2, "scope", "ORDER");
        assertEquals(false, holds("DOMAIN_COUNT_AT_LEAST", two, PERSON_BJ));
        Examples.Case second = with(PERSON_BJ, "order.websites[1].domains[0]", "other.cn");
        assertEquals(true, holds("DOMAIN_COUNT_AT_LEAST", two, second));
        assertEquals(false, holds("DOMAIN_COUNT_AT_LEAST", Map.of("count", 2, "scope", "WEBSITE"), second),
                "one domain on each website");
        assertEquals(false, holds("DOMAIN_COUNT_AT_LEAST", two, with(PERSON_BJ, "order.websites[0].domains[1]",
                "EXAMPLE.cn")), "the same domain twice counts once");
        Map<String, Object> subject = Map.of("count", 2, "scope", "SUBJECT");
        assertEquals(false, holds("DOMAIN_COUNT_AT_LEAST", subject, PERSON_BJ), "a first filing has nothing else");
        Examples.Case newSite = with(PERSON_BJ, "order.type", "NEW_WEBSITE");
        assertNull(holds("DOMAIN_COUNT_AT_LEAST", subject, newSite), "the subject's other domains not known");
        assertEquals(true, holds("DOMAIN_COUNT_AT_LEAST", subject, with(newSite,
                "facts.existingSites[0].domain", "old.cn", "facts.existingSites[0].filingNumber", "京ICP备1号")));
    }

    @Test
    void distinctPrefixesAbove() {
        Map<String, Object> one = Map.of("count", 1);
        Examples.Case samePrefix = with(PERSON_BJ, "order.websites[0].domains[1]", "www.example.com");
        assertEquals(false, holds("DISTINCT_PREFIXES_ABOVE", one, samePrefix), "example.cn and example.com");
        assertEquals(true, holds("DISTINCT_PREFIXES_ABOVE", one, with(PERSON_BJ, "order.websites[0].domains[1]",
                "other.cn")));
        assertEquals(false, holds("DISTINCT_PREFIXES_ABOVE", one, with(PERSON_BJ, "order.websites[0].domains[1]",
                "http://bad/")), "a domain that does not parse is not counted");
        Examples.Case newSite = with(PERSON_BJ, "order.type", "NEW_WEBSITE");
        assertNull(holds("DISTINCT_PREFIXES_ABOVE", one, newSite));
        assertEquals(true, holds("DISTINCT_PREFIXES_ABOVE", one, with(newSite, "facts.recordedWebsites[0].domains",
                List.of("old.cn"))));
    }

    @Test
    void contentCategoryAny() {
        Map<String, Object> blog = Map.of("categories", List.of("BLOG"), "words", List.of("博客"));
        assertEquals(false, holds("CONTENT_CATEGORY_ANY", blog, PERSON_BJ));
        assertEquals(true, holds("CONTENT_CATEGORY_ANY", blog, with(PERSON_BJ, "order.websites[0].contentCategories",
                List.of("BLOG"))));
        assertNull(holds("CONTENT_CATEGORY_ANY", blog, with(PERSON_BJ, "order.websites[0].name", "张三的博客")),
                "no category declared: a word in the name only suggests it");
        assertEquals(false, holds("CONTENT_CATEGORY_ANY", blog, with(PERSON_BJ, "order.websites[0].name", "张三的博客",
                "order.websites[0].contentCategories", List.of("OTHER"))), "declared categories win over words");
    }

    @Test
    void nameOrRemarkWords() {
        Map<String, Object> china = Map.of("words", List.of("中国", "中央"), "in", List.of("WEBSITE_NAME"));
        assertEquals(false, holds("NAME_OR_REMARK_WORDS", china, PERSON_BJ));
        assertEquals(true, holds("NAME_OR_REMARK_WORDS", china, with(PERSON_BJ, "order.websites[0].name", "中国某某网")));
        Map<String, Object> subjectName = Map.of("words", List.of("大学"), "in", List.of("SUBJECT_NAME"));
        assertEquals(true, holds("NAME_OR_REMARK_WORDS", subjectName, with(UNIT_BJ, "order.subject.name", "某某大学")));
        assertEquals(false, holds("NAME_OR_REMARK_WORDS", subjectName, UNIT_BJ));
    }

    @Test
    void preApprovalContent() {
        Map<String, Object> declared = Map.of("by", "DECLARED");
        assertEquals(false, holds("PRE_APPROVAL_CONTENT", declared, PERSON_BJ));
        Examples.Case news = with(PERSON_BJ, "order.websites[0].preApprovals[0]", Map.of("type", "NEWS",
                "documentNumber", "X1"));
        assertEquals(true, holds("PRE_APPROVAL_CONTENT", declared, news));
        assertEquals(false, holds("PRE_APPROVAL_CONTENT", Map.of("by", "DECLARED", "types", List.of("MEDICAL")), news));
        Map<String, Object> words = Map.of("by", "WORDS");
        assertEquals(true, holds("PRE_APPROVAL_CONTENT", words, with(PERSON_BJ, "order.websites[0].name", "某某新闻网")));
        assertEquals(false, holds("PRE_APPROVAL_CONTENT", words, news), "declared, but no keyword");
        assertNull(holds("PRE_APPROVAL_CONTENT", Map.of("subjectName", true),
                with(UNIT_BJ, "order.subject.name", "某某医院")), "EITHER: a keyword of the subject's name only suggests it");
        assertEquals(true, holds("PRE_APPROVAL_CONTENT", Map.of(), news), "EITHER: declared");
        assertEquals(false, holds("PRE_APPROVAL_CONTENT", Map.of(), PERSON_BJ), "EITHER: neither");
    }

    @Test
    void foreignLegalPerson() {
        assertEquals(false, holds("FOREIGN_LEGAL_PERSON", Map.of(), UNIT_BJ));
        assertEquals(true, holds("FOREIGN_LEGAL_PERSON", Map.of(), with(UNIT_BJ,
                "order.subject.legalPerson.certificateType", "PASSPORT")));
        assertNull(holds("FOREIGN_LEGAL_PERSON", Map.of(), with(UNIT_BJ, "order.subject.legalPerson.certificateType",
                null)));
    }

    @Test
    void individualBusiness() {
        assertEquals(false, holds("INDIVIDUAL_BUSINESS", Map.of(), UNIT_BJ));
        Examples.Case ib = with(UNIT_BJ, "order.subject.individualBusiness", true);
        assertEquals(true, holds("INDIVIDUAL_BUSINESS", Map.of(), ib));
        assertEquals(true, holds("INDIVIDUAL_BUSINESS", Map.of("tradeName", "WITHOUT"), ib));
        assertEquals(false, holds("INDIVIDUAL_BUSINESS", Map.of("tradeName", "WITHOUT"),
                with(ib, "order.subject.tradeName", "老张")));
        assertEquals(true, holds("INDIVIDUAL_BUSINESS", Map.of(), with(UNIT_BJ, "order.subject.individualBusiness",
                null, "order.subject.nature", "INDIVIDUAL_BUSINESS")));
    }

    @Test
    void individualBusinessWithoutSeal() {
        Examples.Case ib = with(UNIT_BJ, "order.subject.individualBusiness", true);
        assertEquals(false, holds("INDIVIDUAL_BUSINESS_WITHOUT_SEAL", Map.of(), ib), "no statement in a remark");
        assertEquals(true, holds("INDIVIDUAL_BUSINESS_WITHOUT_SEAL", Map.of(),
                with(ib, "order.subject.remarks", "个体工商户无公章")));
        assertEquals(false, holds("INDIVIDUAL_BUSINESS_WITHOUT_SEAL", Map.of(),
                with(UNIT_BJ, "order.subject.remarks", "个体工商户无公章")), "not an individual business");
    }

    @Test
    void changeKind() {
        Map<String, Object> subject = Map.of("kinds", List.of("SUBJECT"));
        Examples.Case change = with(PERSON_BJ, "order.type", "CHANGE", "order.changeKind", "SUBJECT");
        assertEquals(true, holds("CHANGE_KIND", subject, change));
        assertEquals(false, holds("CHANGE_KIND", subject, with(change, "order.changeKind", "WEBSITE")));
        assertEquals(false, holds("CHANGE_KIND", subject, PERSON_BJ), "not a change");
        assertNull(holds("CHANGE_KIND", subject, with(change, "order.changeKind", null)), "a change of what?");
    }

    @Test
    void certificateTypeAny() {
        Map<String, Object> passport = Map.of("types", List.of("PASSPORT"));
        assertEquals(false, holds("CERTIFICATE_TYPE_ANY", passport, PERSON_BJ));
        assertEquals(true, holds("CERTIFICATE_TYPE_ANY", passport, with(UNIT_BJ,
                "order.subject.principal.certificateType", "PASSPORT")));
        assertEquals(true, holds("CERTIFICATE_TYPE_ANY", passport, with(UNIT_BJ,
                "order.websites[0].principalSameAsSubject", false, "order.websites[0].principal",
                Map.of("name", "John", "certificateType", "PASSPORT"))), "a website principal's passport");
    }

    @Test
    void oldStyleResidentId() {
        assertEquals(false, holds("OLD_STYLE_RESIDENT_ID", Map.of(), PERSON_BJ));
        assertEquals(true, holds("OLD_STYLE_RESIDENT_ID", Map.of(), with(PERSON_BJ,
                "order.subject.principal.certificateNumber", "110102800101123")));
    }

    @Test
    void subjectNatureAny() {
        Map<String, Object> enterprise = Map.of("natures", List.of("ENTERPRISE"));
        assertEquals(true, holds("SUBJECT_NATURE_ANY", enterprise, UNIT_BJ));
        assertEquals(false, holds("SUBJECT_NATURE_ANY", enterprise, PERSON_BJ));
        assertNull(holds("SUBJECT_NATURE_ANY", enterprise, with(PERSON_BJ, "order.subject.nature", null)));
    }

    @Test
    void subjectNameChanged() {
        Examples.Case access = with(UNIT_BJ, "order.type", "ACCESS_FILING");
        assertNull(holds("SUBJECT_NAME_CHANGED", Map.of(), access), "no record: unknown");
        assertEquals(true, holds("SUBJECT_NAME_CHANGED", Map.of(), with(access, "facts.recordedSubject.name",
                "北京旧名科技有限公司")));
        assertEquals(false, holds("SUBJECT_NAME_CHANGED", Map.of(), with(access, "facts.recordedSubject.name",
                access.order().subject().name())));
    }

    @Test
    void combinations() {
        Map<String, Object> enterprise = Map.of("condition", "SUBJECT_NATURE_ANY", "params",
                Map.of("natures", List.of("ENTERPRISE")));
        Map<String, Object> notLegal = Map.of("condition", "WEBSITE_PRINCIPAL_NOT_LEGAL_PERSON");
        Examples.Case other = with(UNIT_BJ, "order.websites[0].principalSameAsSubject", false,
                "order.websites[0].principal", OTHER_PERSON);
        assertEquals(true, holds("ALL_OF", Map.of("of", List.of(enterprise, notLegal)), other));
        assertEquals(false, holds("ALL_OF", Map.of("of", List.of(enterprise, notLegal)), UNIT_BJ));
        assertEquals(true, holds("ANY_OF", Map.of("of", List.of(enterprise, notLegal)), UNIT_BJ));
        assertEquals(false, holds("ANY_OF", Map.of("of", List.of(notLegal)), UNIT_BJ));
        assertEquals(false, holds("NOT", enterprise, UNIT_BJ));
        assertEquals(true, holds("NOT", enterprise, PERSON_BJ));
        assertNull(holds("ALL_OF", Map.of("of", List.of(Map.of("condition", "NO_SUCH"))), UNIT_BJ),
                "an unknown part is unknown");
    }

    // ---- the engine never throws

    @Test
    void oddOrdersNeverThrow() {
        OrderDocument.Person empty = new OrderDocument.Person(null, null, null, null, null, null, null);
        OrderDocument.Person junk = new OrderDocument.Person("", CertificateType.RESIDENT_ID, "12x", null, "1", null,
                null);
        OrderDocument.Website oddSite = new OrderDocument.Website(null, List.of("", "http://x/y", "例子.中国", "a..b"),
                null, null, null, null, null, null, null, null, null);
        OrderDocument.Website junkSite = new OrderDocument.Website("", List.of(), null, null, null, null, null, "",
                false, junk, "");
        List<OrderDocument> orders = new ArrayList<>();
        orders.add(new OrderDocument(null, null, null, null, null, null));
        for (Province p : Province.values()) {
            for (SubjectNature n : new SubjectNature[] {SubjectNature.PERSON, SubjectNature.ENTERPRISE, null}) {
                for (FilingType t : FilingType.values()) {
                    orders.add(new OrderDocument(t, null, new OrderDocument.Subject(n, p, null, null, null, null, null,
                            null, null, null, null, null, null, null, null, empty, junk), List.of(oddSite, junkSite),
                            null, null));
                    orders.add(new OrderDocument(t, OrderDocument.ChangeKind.SUBJECT, new OrderDocument.Subject(n, p,
                            null, null, null, CertificateType.BUSINESS_LICENSE, "??", null, null, null, null, null,
                            true, "*", null, null, null), List.of(), null, null));
                }
            }
        }
        for (OrderDocument o : orders) {
            for (Facts f : new Facts[] {null, Facts.on(null), Facts.on(TestClock.today())}) {
                assertDoesNotThrow(() -> MaterialRequirements.of(o, f, false));
                assertDoesNotThrow(() -> ReviewChecklist.of(o, ReviewKind.INITIAL, true));
            }
        }
        assertTrue(MaterialRequirements.of(null, null, false).isEmpty());
    }

    // ---- the required materials of an order, province by province

    private static List<MaterialRequirements.Required> required(Examples.Case c) {
        return MaterialRequirements.of(c.order(), c.facts(), false);
    }

    private static List<String> ids(Examples.Case c) {
        return required(c).stream().map(MaterialRequirements.Required::id).toList();
    }

    private static MaterialRequirements.Required find(Examples.Case c, String id) {
        return required(c).stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not required: " + ids(c)));
    }

    @Test
    void beijingFormEverywhereAndRegistrarsOnIt() {
        MaterialRequirements.Required form = find(PERSON_BJ, "BJ-B-08");
        assertEquals("VERIFICATION_FORM", form.material());
        assertEquals("websites[0]", form.owner());
        assertEquals("websites[0].materials.VERIFICATION_FORM", form.fieldKey());
        assertFalse(form.undetermined());
        assertFalse(form.uploaded());
        assertTrue(ids(PERSON_BJ).contains("X-06"));
        assertFalse(ids(PERSON_BJ).contains("BJ-U-01"), "a unit's row");
        assertTrue(ids(UNIT_BJ).contains("BJ-U-01"));
        assertFalse(ids(with(PERSON_BJ, "order.type", "DEREGISTER_SUBJECT")).contains("X-06"), "no form");
        Examples.Case uploaded = with(PERSON_BJ, "order.materials[0]", Map.of("kind", "VERIFICATION_FORM", "owner",
                "websites[0]"));
        assertTrue(find(uploaded, "BJ-B-08").uploaded());
        assertTrue(MaterialRequirements.of(PERSON_BJ.order(), PERSON_BJ.facts(), true).stream()
                .filter(r -> r.id().equals("BJ-B-08")).allMatch(r -> r.instruction().contains("registrar")));
    }

    @Test
    void tianjinLetterWhenTheWebsitePrincipalIsNotTheLegalPerson() {
        Examples.Case tj = base(Province.TIANJIN, true, FilingType.FIRST_FILING);
        assertFalse(ids(tj).contains("TJ-U-04"));
        MaterialRequirements.Required cert = find(tj, "TJ-U-02");
        assertEquals("materials.UNIT_CERTIFICATE", cert.fieldKey());
        assertEquals("subject", cert.owner());
        Examples.Case other = with(tj, "order.websites[0].principalSameAsSubject", false,
                "order.websites[0].principal", Map.of("name", "李四", "certificateType", "RESIDENT_ID",
                        "certificateNumber", "${id:12:today-40y}"));
        MaterialRequirements.Required letter = find(other, "TJ-U-04");
        assertEquals("AUTHORIZATION_LETTER", letter.material());
        assertEquals("websites[0].materials.AUTHORIZATION_LETTER", letter.fieldKey());
        assertTrue(ids(with(tj, "order.subject.legalPerson", null)).contains("TJ-U-04"));
        assertTrue(find(with(tj, "order.subject.legalPerson", null), "TJ-U-04").undetermined(),
                "without a legal person it may be needed");
    }

    @Test
    void shanghaiResidencePermitForIdsFromElsewhere() {
        Examples.Case sh = base(Province.SHANGHAI, false, FilingType.FIRST_FILING);
        assertFalse(ids(sh).contains("SH-P-01"));
        MaterialRequirements.Required permit = find(with(sh, "order.subject.certificateNumber", "${id:32}"), "SH-P-01");
        assertEquals("RESIDENCE_PERMIT", permit.material());
        assertEquals("materials.RESIDENCE_PERMIT", permit.fieldKey());
        assertTrue(ids(with(sh, "order.subject.certificateType", "PASSPORT")).contains("SH-P-01"));
    }

    @Test
    void jiangsuEmploymentProofAndDomainCertificatePerWebsite() {
        Examples.Case js = base(Province.JIANGSU, false, FilingType.FIRST_FILING);
        assertFalse(ids(js).contains("JS-P-03"));
        assertTrue(ids(with(js, "order.subject.certificateNumber", "${id:32:today-17y}")).contains("JS-P-03"));
        Examples.Case two = with(js, "order.websites[1].domains[0]", "other.cn");
        List<String> owners = required(two).stream().filter(r -> r.id().equals("JS-B-01"))
                .map(MaterialRequirements.Required::fieldKey).toList();
        assertEquals(List.of("websites[0].materials.DOMAIN_CERTIFICATE", "websites[1].materials.DOMAIN_CERTIFICATE"),
                owners);
    }

    @Test
    void guangdongPrefixesAboveFive() {
        Examples.Case gd = base(Province.GUANGDONG, false, FilingType.FIRST_FILING);
        Examples.Case five = gd;
        for (int i = 1; i < 5; i++) {
            five = with(five, "order.websites[0].domains[" + i + "]", "site" + i + ".cn");
        }
        assertFalse(ids(five).contains("GD-P-01"), "five prefixes");
        Examples.Case six = with(five, "order.websites[0].domains[5]", "site5.cn");
        assertTrue(ids(six).contains("GD-P-01"));
        assertTrue(ids(gd).contains("GD-P-03"));
        Examples.Case newSite = with(gd, "order.type", "NEW_WEBSITE");
        assertTrue(find(newSite, "GD-P-01").undetermined(), "the subject's other domains are not known");
    }

    @Test
    void hubeiPreApprovalsAndGuaranteeLetter() {
        Examples.Case hb = base(Province.HUBEI, true, FilingType.FIRST_FILING);
        assertFalse(ids(hb).contains("HB-U-04"));
        Examples.Case school = with(hb, "order.subject.name", "湖北某某学院");
        assertTrue(ids(school).contains("HB-U-04"));
        assertTrue(find(school, "HB-B-08").undetermined(), "学院 in the subject's name suggests education content");
        assertFalse(find(with(school, "order.websites[0].preApprovals[0]", Map.of("type", "EDUCATION")), "HB-B-08")
                .undetermined(), "declared: required");
        assertTrue(ids(school).contains("HB-B-09"), "keywords but no pre-approval declared");
        Examples.Case declared = with(school, "order.websites[0].preApprovals[0]", Map.of("type", "EDUCATION",
                "documentNumber", "鄂教1号"));
        assertFalse(ids(declared).contains("HB-B-09"));
    }

    @Test
    void henanDomainCertificatesFromFourDomains() {
        Examples.Case ha = base(Province.HENAN, false, FilingType.FIRST_FILING);
        Examples.Case three = with(ha, "order.websites[0].domains[1]", "b.cn", "order.websites[0].domains[2]", "c.cn");
        assertFalse(ids(three).contains("HA-B-06"));
        assertTrue(ids(with(three, "order.websites[1].domains[0]", "d.cn")).contains("HA-B-06"));
    }

    @Test
    void anhuiAndHebeiLettersForTheSubject() {
        Examples.Case ah = base(Province.ANHUI, true, FilingType.FIRST_FILING);
        assertFalse(ids(ah).contains("AH-U-04"));
        MaterialRequirements.Required letter = find(with(ah, "order.subject.legalPerson", OTHER_PERSON), "AH-U-04");
        assertEquals("materials.AUTHORIZATION_LETTER", letter.fieldKey());
        Examples.Case he = base(Province.HEBEI, true, FilingType.FIRST_FILING);
        assertFalse(ids(he).contains("HE-U-03"));
        assertTrue(ids(with(he, "order.subject.legalPerson.certificateType", "PASSPORT")).contains("HE-U-03"));
        assertTrue(ids(he).containsAll(List.of("HE-U-01", "HE-U-04", "HE-B-03")));
    }

    @Test
    void chongqingDomainsOnTheFormByFilingType() {
        Examples.Case cq = base(Province.CHONGQING, false, FilingType.FIRST_FILING);
        Examples.Case newSite = with(cq, "order.type", "NEW_WEBSITE");
        List<String> first = required(cq).stream().filter(r -> r.id().equals("CQ-B-05"))
                .map(MaterialRequirements.Required::instruction).toList();
        List<String> added = required(newSite).stream().filter(r -> r.id().equals("CQ-B-05"))
                .map(MaterialRequirements.Required::instruction).toList();
        assertEquals(1, first.size());
        assertEquals(1, added.size());
        assertFalse(first.equals(added), "a first filing lists all domains, a new website only the new ones");
        assertTrue(ids(cq).contains("CQ-B-06"));
    }

    @Test
    void xinjiangFingerprintPartyProofAndSecurityCertificate() {
        Examples.Case xj = base(Province.XINJIANG, false, FilingType.FIRST_FILING);
        assertTrue(ids(xj).containsAll(List.of("XJ-P-01", "XJ-B-07", "XJ-B-08")));
        assertEquals("materials.PARTY_BUILDING_PROOF", find(xj, "XJ-B-08").fieldKey());
        assertFalse(ids(with(xj, "order.type", "CHANGE", "order.changeKind", "WEBSITE")).contains("XJ-B-08"));
        assertTrue(ids(with(xj, "order.type", "CHANGE", "order.changeKind", "SUBJECT")).contains("XJ-B-06"));
    }

    @Test
    void yunnanSubjectChangeAndTourism() {
        Examples.Case yn = base(Province.YUNNAN, false, FilingType.CHANGE);
        assertTrue(find(yn, "YN-B-04").undetermined(), "a change that does not say what it changes");
        assertTrue(ids(with(yn, "order.changeKind", "SUBJECT")).contains("YN-B-04"));
        assertFalse(ids(with(yn, "order.changeKind", "ACCESS")).contains("YN-B-04"));
        Examples.Case tourism = with(base(Province.YUNNAN, false, FilingType.FIRST_FILING),
                "order.websites[0].contentCategories", List.of("TOURISM"));
        assertEquals("PRE_APPROVAL", find(tourism, "YN-P-02").material());
    }

    @Test
    void guangxiRenamedUnitOnAccess() {
        Examples.Case gx = base(Province.GUANGXI, true, FilingType.ACCESS_FILING);
        assertTrue(find(gx, "GX-U-03").undetermined(), "the record is not known");
        assertTrue(ids(with(gx, "facts.recordedSubject.name", "广西旧名有限公司")).contains("GX-U-03"));
        assertFalse(ids(with(gx, "facts.recordedSubject.name", gx.order().subject().name())).contains("GX-U-03"));
        assertFalse(ids(base(Province.GUANGXI, true, FilingType.FIRST_FILING)).contains("GX-U-03"));
    }

    @Test
    void shaanxiChangeFormAndDomainCertificates() {
        Examples.Case sn = base(Province.SHAANXI, true, FilingType.CHANGE);
        assertTrue(ids(with(sn, "order.changeKind", "WEBSITE")).contains("SN-B-05"));
        assertFalse(ids(base(Province.SHAANXI, true, FilingType.FIRST_FILING)).contains("SN-B-05"));
        Examples.Case many = base(Province.SHAANXI, true, FilingType.FIRST_FILING);
        for (int i = 1; i < 5; i++) {
            many = with(many, "order.websites[0].domains[" + i + "]", "s" + i + ".cn");
        }
        assertTrue(ids(many).contains("SN-U-04"));
    }

    @Test
    void aCallersOwnAnswersHoldInsideCombinationsToo() {
        Examples.Case gx = with(base(Province.GUANGXI, true, FilingType.FIRST_FILING), "order.subject.legalPerson",
                null);
        assertTrue(find(gx, "GX-U-05").undetermined(), "no legal person: it may be needed");
        Condition yes = (params, order, facts, website) -> true;
        Condition no = (params, order, facts, website) -> false;
        assertFalse(MaterialRequirements.of(gx.order(), gx.facts(), false, Map.of(
                "WEBSITE_PRINCIPAL_NOT_LEGAL_PERSON", yes)).stream()
                .filter(r -> r.id().equals("GX-U-05")).findFirst().orElseThrow().undetermined());
        assertFalse(MaterialRequirements.of(gx.order(), gx.facts(), false, Map.of(
                "WEBSITE_PRINCIPAL_NOT_LEGAL_PERSON", no)).stream().anyMatch(r -> r.id().equals("GX-U-05")));
    }
}
