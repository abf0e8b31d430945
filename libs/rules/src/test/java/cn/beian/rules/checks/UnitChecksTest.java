package cn.beian.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.order.FilingType;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Person;
import cn.beian.rules.OrderDocument.Subject;
import cn.beian.rules.OrderDocument.Website;
import cn.beian.rules.Outcome;
import cn.beian.rules.Rule;
import cn.beian.rules.RuleBook;
import cn.beian.rules.RuleEngine;
import cn.beian.rules.RuleFinding;
import cn.beian.rules.Verdicts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The unit checks beyond their rules' examples: variants, undetermined facts, exemptions and odd orders. */
class UnitChecksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final Facts FACTS = Facts.on(TODAY);
    private static final String USCC_42 = "91420102MA4K1234X8";

    private static final Person ZHANG = new Person("张三", CertificateType.RESIDENT_ID, "420102199001011234", null,
            "13800000013", null, null);
    private static final Person LI = new Person("李四", CertificateType.RESIDENT_ID, "420102198001011235", null,
            "13800000014", null, null);
    private static final Person SMITH = new Person("John Smith", CertificateType.PASSPORT, "E12345678", null,
            "13800000015", null, null);

    private static Rule rule(String id, String check) {
        return RuleBook.standard().rules().stream().filter(r -> r.id().equals(id) && r.check().equals(check))
                .findFirst().orElseThrow(() -> new AssertionError("no rule " + id + " " + check));
    }

    private static List<Verdicts.Verdict> judge(Rule rule, OrderDocument order, Facts facts) {
        Verdicts out = new Verdicts();
        UnitChecks.all().get(rule.check()).judge(rule, order, facts, out);
        return out.all();
    }

    private static Subject unit(Province p, SubjectNature nature, String name, CertificateType type, String number,
            String investor, String remarks, Person principal, Person legal) {
        return new Subject(nature, p, null, null, name, type, number, null, null, null, investor, remarks, false, null,
                false, principal, legal);
    }

    private static Subject business(Province p, SubjectNature nature, String name, String tradeName, String remarks) {
        return new Subject(nature, p, null, null, name, CertificateType.BUSINESS_LICENSE, USCC_42, null, null, null,
                null, remarks, true, tradeName, false, ZHANG, ZHANG);
    }

    private static Website website(Person principal) {
        return new Website("某某的网站", List.of("example.cn"), List.of(), null, List.of(), List.of(), List.of(), null,
                principal == null, principal, null);
    }

    private static OrderDocument order(FilingType type, Subject s, Website... websites) {
        return new OrderDocument(type, null, s, List.of(websites), List.of(), null);
    }

    private static OrderDocument first(Subject s, Website... websites) {
        return order(FilingType.FIRST_FILING, s, websites.length == 0 ? new Website[] {website(null)} : websites);
    }

    private static boolean fails(List<Verdicts.Verdict> v, String key) {
        return v.stream().anyMatch(x -> x.outcome() == Outcome.FAILED && key.equals(x.fieldKey()));
    }

    // ---- sources that disagree

    @Test
    void fujianInvestorFieldTakesTheLegalPersonOnlyUnderTheOlderSource() {
        Rule fj = rule("FJ-U-01", "INVESTOR_FIELD");
        OrderDocument o = first(unit(Province.FUJIAN, SubjectNature.ENTERPRISE, "福建某某科技有限公司",
                CertificateType.BUSINESS_LICENSE, USCC_42, "张三", null, ZHANG, ZHANG));
        assertTrue(fails(judge(fj, o, FACTS), "subject.investor"));
        assertTrue(judge(fj.withVariant("003"), o, FACTS).isEmpty());
        OrderDocument own = first(unit(Province.FUJIAN, SubjectNature.PUBLIC_INSTITUTION, "福建某某研究所",
                CertificateType.ORGANIZATION_CODE, "12345678X", "福建某某研究所", null, ZHANG, ZHANG));
        assertTrue(fails(judge(fj.withVariant("003"), own, FACTS), "subject.investor"),
                "an institution gives its supervising unit under both sources");
    }

    @Test
    void individualBusinessNamesFollowTheDefaultItemAndTheShopNameVariantLetsAnyNamePass() {
        Rule ha = rule("HA-U-04", "INDIVIDUAL_BUSINESS_NAME");
        OrderDocument shop = first(business(Province.HENAN, SubjectNature.ENTERPRISE, "某某小吃店", "*", null));
        assertTrue(fails(judge(ha, shop, FACTS), "subject.name"));
        assertTrue(judge(ha.withVariant("003#3"), shop, FACTS).isEmpty());
        assertTrue(judge(ha, first(business(Province.HENAN, SubjectNature.ENTERPRISE, "个体工商户 张三", "*", null)),
                FACTS).isEmpty(), "spaces are compared loosely");

        Rule hb = rule("HB-U-05", "INDIVIDUAL_BUSINESS_NAME");
        OrderDocument hbShop = first(business(Province.HUBEI, SubjectNature.ENTERPRISE, "某某小吃店", null, null));
        assertTrue(fails(judge(hb, hbShop, FACTS), "subject.name"));
        assertTrue(judge(hb.withVariant("003#12"), hbShop, FACTS).isEmpty());
    }

    @Test
    void aStatementOnlyInTheWebsiteRemarkPassesTheProvinceRowAndWarnsUnderTheGeneralOne() {
        Subject s = business(Province.SHAANXI, SubjectNature.ENTERPRISE, "张三", "*", null);
        Website w = new Website("某某的网站", List.of("example.cn"), List.of(), null, List.of(), List.of(), List.of(),
                "个体工商户无工商字号，证件号码" + USCC_42, true, null, null);
        OrderDocument o = first(s, w);
        assertTrue(judge(rule("SN-U-05", "INDIVIDUAL_BUSINESS_REMARK"), o, FACTS).isEmpty());
        assertTrue(fails(judge(rule("X-21", "INDIVIDUAL_BUSINESS_REMARK"), o, FACTS), "subject.remarks"));
        assertEquals(cn.beian.rules.Severity.WARNS, rule("X-21", "INDIVIDUAL_BUSINESS_REMARK").severity());
    }

    // ---- facts that are not known

    @Test
    void aChangeOfNatureIsUndeterminedWithoutTheRecordAndFailsAgainstIt() {
        Rule gx = rule("GX-B-10", "NATURE_UNCHANGED");
        OrderDocument change = order(FilingType.CHANGE, unit(Province.GUANGXI, SubjectNature.ENTERPRISE,
                "广西某某有限公司", CertificateType.BUSINESS_LICENSE, USCC_42, null, null, ZHANG, ZHANG));
        List<Verdicts.Verdict> v = judge(gx, change, FACTS);
        assertEquals(1, v.size());
        assertEquals(Outcome.UNDETERMINED, v.get(0).outcome());
        Subject recordedPerson = new Subject(SubjectNature.PERSON, Province.GUANGXI, null, null, "张三",
                CertificateType.RESIDENT_ID, ZHANG.certificateNumber(), null, null, null, null, null, null, null, null,
                ZHANG, null);
        Facts recorded = new Facts(TODAY, null, null, null, recordedPerson, null);
        assertTrue(fails(judge(gx, change, recorded), "subject.nature"));
        OrderDocument websiteChange = new OrderDocument(FilingType.CHANGE, OrderDocument.ChangeKind.WEBSITE,
                change.subject(), List.of(), List.of(), null);
        assertTrue(judge(gx, websiteChange, FACTS).isEmpty(), "a website change without the record: nothing to say");
    }

    @Test
    void theCertificateOnRecordIsUndeterminedWhenNotKnown() {
        Rule sc = rule("SC-U-03", "ACCESS_CERTIFICATE_AS_RECORDED");
        OrderDocument access = order(FilingType.ACCESS_FILING, unit(Province.SICHUAN, SubjectNature.ENTERPRISE,
                "四川某某有限公司", CertificateType.BUSINESS_LICENSE, USCC_42, null, null, ZHANG, ZHANG));
        List<Verdicts.Verdict> v = judge(sc, access, FACTS);
        assertEquals(Outcome.UNDETERMINED, v.get(0).outcome());
        assertEquals("subject.certificateNumber", v.get(0).fieldKey());
        Subject old = unit(Province.SICHUAN, SubjectNature.ENTERPRISE, "四川某某有限公司",
                CertificateType.BUSINESS_LICENSE, "510100000012345", null, null, ZHANG, ZHANG);
        List<Verdicts.Verdict> failed = judge(sc, access, new Facts(TODAY, null, null, null, old, null));
        assertTrue(fails(failed, "subject.certificateNumber"));
        assertFalse(failed.get(0).args().get("recorded").contains("00000012"), "the number on record is masked");
        Subject same = unit(Province.SICHUAN, SubjectNature.ENTERPRISE, "四川某某有限公司",
                CertificateType.BUSINESS_LICENSE, USCC_42.toLowerCase(), null, null, ZHANG, ZHANG);
        assertTrue(judge(sc, access, new Facts(TODAY, null, null, null, same, null)).isEmpty());
    }

    @Test
    void aMissingLegalPersonLeavesThePrincipalRulesUndetermined() {
        OrderDocument o = first(unit(Province.TIANJIN, SubjectNature.ENTERPRISE, "天津某某有限公司",
                CertificateType.BUSINESS_LICENSE, USCC_42, null, null, ZHANG, null));
        for (Rule r : List.of(rule("TJ-U-03", "PRINCIPAL_IS_LEGAL_PERSON"), rule("JS-U-02", "PRINCIPAL_PAIR"))) {
            List<Verdicts.Verdict> v = judge(r, o, FACTS);
            assertEquals(1, v.size(), r.id());
            assertEquals(Outcome.UNDETERMINED, v.get(0).outcome(), r.id());
            assertEquals("subject.legalPerson", v.get(0).fieldKey(), r.id());
        }
    }

    // ---- principals

    @Test
    void thePrincipalIsComparedByNameCertificateTypeAndNumberAndReportedMasked() {
        Rule tj = rule("TJ-U-03", "PRINCIPAL_IS_LEGAL_PERSON");
        Person namesake = new Person("张三", CertificateType.RESIDENT_ID, "120102199001011236", null, null, null, null);
        List<Verdicts.Verdict> v = judge(tj, first(unit(Province.TIANJIN, SubjectNature.ENTERPRISE, "天津某某有限公司",
                CertificateType.BUSINESS_LICENSE, USCC_42, null, null, namesake, ZHANG)), FACTS);
        assertTrue(fails(v, "subject.principal"), "a namesake with another ID number is not the legal person");
        assertEquals("张*", v.get(0).args().get("principal"));
        Person spaced = new Person(" 张 三", CertificateType.RESIDENT_ID, ZHANG.certificateNumber(), null, null, null,
                null);
        assertTrue(judge(tj, first(unit(Province.TIANJIN, SubjectNature.ENTERPRISE, "天津某某有限公司",
                CertificateType.BUSINESS_LICENSE, USCC_42, null, null, spaced, ZHANG)), FACTS).isEmpty());
    }

    @Test
    void theGeneralClauseConcernsOnlyFinanceLikeNames() {
        Rule x17 = rule("X-17", "PRINCIPAL_IS_LEGAL_PERSON");
        assertTrue(judge(x17, first(unit(Province.GUANGDONG, SubjectNature.ENTERPRISE, "深圳某某科技有限公司",
                CertificateType.BUSINESS_LICENSE, USCC_42, null, null, LI, ZHANG)), FACTS).isEmpty());
        assertTrue(fails(judge(x17, first(unit(Province.GUANGDONG, SubjectNature.ENTERPRISE, "深圳某某融资担保有限公司",
                CertificateType.BUSINESS_LICENSE, USCC_42, null, null, LI, ZHANG)), FACTS), "subject.principal"));
    }

    @Test
    void aForeignLegalPersonMayDelegateInShandongWhereTheRemarkExplainsIt() {
        Subject delegated = unit(Province.SHANDONG, SubjectNature.ENTERPRISE, "济南某某有限公司",
                CertificateType.BUSINESS_LICENSE, USCC_42, null, null, ZHANG, SMITH);
        assertTrue(judge(rule("SD-U-02", "PRINCIPAL_IS_LEGAL_PERSON"), first(delegated), FACTS).isEmpty());
        assertTrue(fails(judge(rule("SD-U-03", "SUBJECT_REMARK_CONTAINS"), first(delegated), FACTS),
                "subject.remarks"));
        Subject foreignPrincipal = unit(Province.SHANDONG, SubjectNature.ENTERPRISE, "济南某某有限公司",
                CertificateType.BUSINESS_LICENSE, USCC_42, null, null, SMITH, SMITH);
        assertTrue(fails(judge(rule("SD-U-03", "PRINCIPALS_NOT_FOREIGN"), first(foreignPrincipal), FACTS),
                "subject.principal.certificateType"));
    }

    @Test
    void principalPairsOnlyMatterWhenThePrincipalIsNotTheLegalPerson() {
        Rule js = rule("JS-U-02", "PRINCIPAL_PAIR");
        Rule gs = rule("GS-U-04", "PRINCIPAL_PAIR");
        Subject legal = unit(Province.JIANGSU, SubjectNature.ENTERPRISE, "南京某某有限公司",
                CertificateType.BUSINESS_LICENSE, USCC_42, null, null, ZHANG, ZHANG);
        Subject notLegal = unit(Province.JIANGSU, SubjectNature.ENTERPRISE, "南京某某有限公司",
                CertificateType.BUSINESS_LICENSE, USCC_42, null, null, LI, ZHANG);
        Website other = website(ZHANG);
        assertTrue(judge(js, first(legal, other), FACTS).isEmpty());
        assertTrue(judge(gs, first(legal, website(null)), FACTS).isEmpty());
        assertTrue(fails(judge(js, first(notLegal, website(null), other), FACTS), "websites[1].principal"));
        assertTrue(fails(judge(gs, first(notLegal, website(null), other), FACTS), "websites[0].principal"));
        assertFalse(fails(judge(gs, first(notLegal, website(null), other), FACTS), "websites[1].principal"));
    }

    // ---- natures and certificates

    @Test
    void tianjinLawFirmsAndSchoolsAreLeftToTheirOwnRule() {
        Subject lawFirm = unit(Province.TIANJIN, SubjectNature.ENTERPRISE, "天津某某律师事务所",
                CertificateType.ORGANIZATION_CODE, "12345678X", null, null, ZHANG, ZHANG);
        assertTrue(judge(rule("TJ-U-06", "CERTIFICATE_TYPE_FOR_NATURE"), first(lawFirm), FACTS).isEmpty());
        assertTrue(judge(rule("TJ-U-07", "NATURE_BY_NAME"), first(lawFirm), FACTS).isEmpty());
        Subject licensed = unit(Province.TIANJIN, SubjectNature.ENTERPRISE, "天津某某教育咨询有限公司（某某学校）",
                CertificateType.BUSINESS_LICENSE, USCC_42, null, null, ZHANG, ZHANG);
        assertTrue(judge(rule("TJ-U-07", "NATURE_BY_NAME"), first(licensed), FACTS).isEmpty(),
                "a school with a business licence is not concerned");
        Subject company = unit(Province.GUANGXI, SubjectNature.ENTERPRISE, "广西某某律师事务所有限公司",
                CertificateType.BUSINESS_LICENSE, USCC_42, null, null, ZHANG, ZHANG);
        assertTrue(judge(rule("GX-U-04", "NATURE_BY_NAME"), first(company), FACTS).isEmpty());
    }

    @Test
    void individualBusinessesAreToldApartByTradeName() {
        Rule hn = rule("HN-B-04", "INDIVIDUAL_BUSINESS_NATURE");
        assertTrue(judge(hn, first(business(Province.HUNAN, SubjectNature.ENTERPRISE, "长沙市老王记小吃店", "老王记",
                null)), FACTS).isEmpty(), "a real trade name files as a unit");
        assertTrue(fails(judge(hn, first(business(Province.HUNAN, SubjectNature.INDIVIDUAL_BUSINESS, "某某店", "＊",
                null)), FACTS), "subject.nature"), "a full-width star is no trade name");
        Rule ah = rule("AH-U-03", "INDIVIDUAL_BUSINESS_NATURE");
        assertTrue(fails(judge(ah, first(business(Province.ANHUI, SubjectNature.PERSON, "张三", "张三", null)), FACTS),
                "subject.nature"), "in Anhui the owner's name as trade name counts as none");
        Rule sx = rule("SX-P-02", "INDIVIDUAL_BUSINESS_REMARK");
        Subject person = new Subject(SubjectNature.PERSON, Province.SHANXI, null, null, "张三",
                CertificateType.RESIDENT_ID, "140102199001011234", null, null, null, null,
                "个体工商户无工商字号 140102199001011234", true, null, false, ZHANG, null);
        assertTrue(fails(judge(sx, first(person), FACTS), "subject.remarks"),
                "the owner's own ID number is not the licence's registration number");
    }

    @Test
    void hubeiNeedsTheSubjectInHubei() {
        Rule hb = rule("HB-B-10", "SUBJECT_LOCATED_IN_PROVINCE");
        Subject elsewhere = new Subject(SubjectNature.ENTERPRISE, Province.HUBEI, null, null, "某某有限公司",
                CertificateType.BUSINESS_LICENSE, "91440102MA4K1234X8", null, null, "某某路1号", null, null, false,
                null, false, ZHANG, ZHANG);
        List<Verdicts.Verdict> v = judge(hb, first(elsewhere), FACTS);
        assertTrue(v.stream().anyMatch(x -> x.outcome() == Outcome.UNDETERMINED
                && "subject.communicationAddress".equals(x.fieldKey())), "an address with no place: undetermined");
        assertTrue(fails(v, "subject.certificateNumber"), "a code registered in Guangdong");
    }

    // ---- odd input

    @Test
    void everyUnitRuleToleratesEmptyAndOddOrders() {
        Set<String> unitChecks = UnitChecks.all().keySet();
        RuleEngine engine = RuleEngine.standard();
        // A null province is left out: Rule.appliesTo asks an immutable set whether it contains null, which throws
        // (a defect of the engine, reported, not of these checks).
        Subject[] subjects = {
            new Subject(null, Province.BEIJING, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null),
        };
        List<Subject> odd = new ArrayList<>(Arrays.asList(subjects));
        for (Province p : Province.values()) {
            for (SubjectNature n : List.of(SubjectNature.PERSON, SubjectNature.ENTERPRISE, SubjectNature.GOVERNMENT)) {
                odd.add(new Subject(n, p, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null));
                odd.add(new Subject(n, p, "", "", "", null, "", null, "", "", "", "", null, "", null,
                        new Person(null, null, null, null, null, null, null),
                        new Person("", null, "?", null, null, null, null)));
            }
        }
        List<Website> sites = new ArrayList<>();
        sites.add(new Website(null, null, null, null, null, null, null, null, null, null, null));
        sites.add(new Website(null, null, null, null, null, null, null, null, false,
                new Person(null, null, null, null, null, null, null), null));
        for (Subject s : odd) {
            for (FilingType t : FilingType.values()) {
                OrderDocument o = new OrderDocument(t, null, s, sites, null, null);
                for (Facts f : Arrays.asList(FACTS, null, new Facts(null, null, null, null,
                        new Subject(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                                null, null, null), null))) {
                    List<RuleFinding> found = engine.judge(o, f, true, r -> unitChecks.contains(r.check()));
                    for (RuleFinding x : found) {
                        assertFalse(x.message().contains("failed:"), "a check threw: " + x);
                        assertTrue(x.outcome() != Outcome.FAILED, "failed on an absent field: " + x);
                    }
                }
            }
        }
    }

    @Test
    void anIndividualBusinessWithoutTradeNameOrRemarkFailsOnlyTheRemarkAndNature() {
        Subject bare = new Subject(SubjectNature.INDIVIDUAL_BUSINESS, Province.SHAANXI, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        List<RuleFinding> found = RuleEngine.standard().judge(first(bare), FACTS, false,
                r -> UnitChecks.all().containsKey(r.check()));
        for (RuleFinding x : found) {
            assertTrue(x.outcome() != Outcome.FAILED || Set.of("subject.remarks", "subject.nature")
                    .contains(x.fieldKey()), "unexpected: " + x);
        }
        assertTrue(found.stream().anyMatch(x -> "subject.remarks".equals(x.fieldKey())),
                "the remark an individual business without a trade name owes is missing");
    }
}
