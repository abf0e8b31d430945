package cn.beian.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.ServiceContent;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.order.FilingType;
import cn.beian.rules.Facts;
import cn.beian.rules.Facts.DomainFacts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.Person;
import cn.beian.rules.OrderDocument.PhotoChannel;
import cn.beian.rules.OrderDocument.Subject;
import cn.beian.rules.OrderDocument.Website;
import cn.beian.rules.Outcome;
import cn.beian.rules.Rule;
import cn.beian.rules.RuleBook;
import cn.beian.rules.RuleEngine;
import cn.beian.rules.RuleFinding;
import cn.beian.rules.Verdicts;
import cn.beian.testing.TestClock;
import cn.beian.validators.ResidentIdNumbers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The domain family's checks beyond their rules' own examples: the variants where the sources disagree, the facts
 * they cannot do without (undetermined, never a pass or a failure), and odd orders that must neither throw nor fail.
 */
class DomainChecksTest {

    private static final LocalDate TODAY = TestClock.today();
    private static final RuleEngine ENGINE = RuleEngine.standard();

    // ------------------------------------------------------------------ variants (CONFLICT rows)

    @Test
    void x10VerificationPointOnlyIsOffByDefaultAndTheVariant003TurnsItOn() {
        Rule nm = rule("NM-B-02");
        OrderDocument curtain = order(Province.INNER_MONGOLIA, false, PhotoChannel.CURTAIN_PHOTO, "example.cn");
        assertTrue(verdicts(nm, curtain, facts()).isEmpty(), "curtain photo is offered by default");
        List<Verdicts.Verdict> strict = verdicts(nm.withVariant("003"), curtain, facts());
        assertEquals(1, strict.size());
        assertEquals(Outcome.FAILED, strict.get(0).outcome());
        assertEquals("photoChannel", strict.get(0).fieldKey());
        assertEquals("核验点当面核验", strict.get(0).args().get("offeredZh"));
        OrderDocument point = order(Province.INNER_MONGOLIA, false, PhotoChannel.VERIFICATION_POINT, "example.cn");
        assertTrue(verdicts(nm.withVariant("003"), point, facts()).isEmpty());
        // every X-10 row carries the same variant
        for (String id : List.of("JS-B-05", "ZJ-P-01", "JX-B-02", "HB-B-04", "HN-B-02", "GX-B-03", "CQ-B-04",
                "GZ-B-02", "YN-B-02", "XZ-B-01", "SN-B-02", "GS-B-03", "XJ-B-05")) {
            Rule r = rule(id);
            assertFalse(r.flag("pointOnly"), id);
            assertTrue(r.withVariant("003").flag("pointOnly"), id);
        }
    }

    @Test
    void jilinUnitRegistrantMayBeTheLegalPersonBy001ButOnlyTheUnitBy003() {
        Rule jl = rule("JL-U-01");
        OrderDocument o = order(Province.JILIN, true, null, "example.cn");
        Facts f = facts("example.cn", registrant("张三", CertificateType.RESIDENT_ID, id(Province.JILIN)));
        assertTrue(verdicts(jl, o, f).isEmpty(), "the legal person holds it: 001 accepts");
        List<Verdicts.Verdict> v = verdicts(jl.withVariant("003"), o, f);
        assertEquals(List.of(Outcome.FAILED), v.stream().map(Verdicts.Verdict::outcome).toList());
        assertEquals("张*", v.get(0).args().get("holder"), "an individual holder is masked");
    }

    @Test
    void beijingSuffixesFollow000ByDefaultAndTheOlderSourcesAsVariants() {
        Rule bj = rule("BJ-B-02");
        assertTrue(suffixFails(bj, "example.org"), "000 refuses .org");
        assertFalse(suffixFails(bj.withVariant("004"), "example.org"), "004 accepts .org");
        assertFalse(suffixFails(bj, "example.biz"), "000 accepts .biz");
        assertTrue(suffixFails(bj.withVariant("001"), "example.biz"), "001/003/004 refuse .biz");
        assertFalse(suffixFails(bj, "example.info"), "000 accepts .info");
        assertTrue(suffixFails(bj.withVariant("002"), "example.info"), "002 (2018 list) refuses .info");
        assertTrue(suffixFails(bj, "example.top"), "not on 000's list: refused (resolution BJ-B-02)");
        assertFalse(suffixFails(bj, "example.gov.cn"), ".gov.cn is judged by .cn");
        assertFalse(suffixFails(bj, "example.gov"), ".gov follows the national rule");
        assertTrue(suffixFails(bj, "example.hk"));
        assertFalse(suffixFails(bj, "例子.中国"));
        // judged on a day before 000's list, the 2018 list decides
        OrderDocument info = order(Province.BEIJING, false, null, "example.info");
        assertFalse(verdicts(bj, info, new Facts(LocalDate.of(2018, 10, 1), Map.of(), null, null, null, null))
                .isEmpty());
    }

    // ------------------------------------------------------------------ facts that are missing

    @Test
    void registryRulesAreUndeterminedWhenTheRegistryWasNotAskedOrDidNotAnswer() {
        OrderDocument o = order(Province.HENAN, false, null, "www.example.cn");
        for (String id : List.of("HA-P-01", "HA-B-01")) {
            List<Verdicts.Verdict> none = verdicts(rule(id), o, facts());
            assertEquals(1, none.size(), id);
            assertEquals(Outcome.UNDETERMINED, none.get(0).outcome(), id);
            assertEquals("websites[0].domains[0]", none.get(0).fieldKey(), id);
            DomainFacts down = new DomainFacts(true, false, null, null, null, null, null, null);
            List<Verdicts.Verdict> outage = verdicts(rule(id), o, facts("example.cn", down));
            assertEquals(List.of(Outcome.UNDETERMINED), outage.stream().map(Verdicts.Verdict::outcome).toList(), id);
        }
        DomainFacts noAbroad = new DomainFacts(false, true, "张三", null, null, null, null, null);
        assertEquals(List.of(Outcome.UNDETERMINED), verdicts(rule("BJ-B-03"), order(Province.BEIJING, false, null,
                "example.cn"), facts("example.cn", noAbroad)).stream().map(Verdicts.Verdict::outcome).toList());
        assertEquals(List.of(Outcome.UNDETERMINED), verdicts(rule("X-02"), order(Province.JILIN, false, null,
                "example.cn"), facts("example.cn", noAbroad)).stream().map(Verdicts.Verdict::outcome).toList());
    }

    @Test
    void existingSitesAreUndeterminedUntilProbedAndPerSiteWhenAProbeFailed() {
        Rule ln = rule("LN-B-03");
        OrderDocument o = order(Province.LIAONING, false, null, "example.cn");
        List<Verdicts.Verdict> notProbed = verdicts(ln, o, facts());
        assertEquals(1, notProbed.size());
        assertEquals(Outcome.UNDETERMINED, notProbed.get(0).outcome());
        Facts probed = new Facts(TODAY, Map.of(), List.of(
                new Facts.ExistingSite("辽ICP备1号-1", "a.cn", false, false, false, "timeout"),
                new Facts.ExistingSite("辽ICP备1号-2", "b.cn", false, false, false, null),
                new Facts.ExistingSite("辽ICP备1号-3", "c.cn", true, true, false, null),
                new Facts.ExistingSite("辽ICP备1号-4", "d.cn", true, true, true, null)), null, null, null);
        List<Verdicts.Verdict> v = verdicts(ln, o, probed);
        assertEquals(List.of(Outcome.UNDETERMINED, Outcome.FAILED, Outcome.FAILED),
                v.stream().map(Verdicts.Verdict::outcome).toList());
        assertEquals("b.cn", v.get(1).args().get("site"));
        assertEquals("c.cn", v.get(2).args().get("site"));
        assertTrue(verdicts(ln, o, new Facts(TODAY, Map.of(), List.of(), null, null, null)).isEmpty(),
                "no approved websites: nothing to show");
    }

    @Test
    void accessTakeoverIsUndeterminedWithoutRecordsAndFailsWhileThePreviousProviderStillServes() {
        Rule yn = rule("YN-B-06");
        OrderDocument o = withWebsite(order(Province.YUNNAN, false, null, "example.cn"), FilingType.ACCESS_FILING,
                "滇ICP备1号-1");
        assertEquals(List.of(Outcome.UNDETERMINED), outcomes(yn, o, facts()));
        Facts active = records(new Facts.RecordedWebsite("滇ICP备1号-1", List.of("example.cn"), true, null));
        assertEquals(List.of(Outcome.FAILED), outcomes(yn, o, active));
        Facts unknown = records(new Facts.RecordedWebsite("滇ICP备1号-1", List.of("example.cn"), false, null));
        assertEquals(List.of(Outcome.UNDETERMINED), outcomes(yn, o, unknown));
        Facts byDomain = records(new Facts.RecordedWebsite("滇ICP备9号-9", List.of("www.example.cn"), false,
                TODAY.minusDays(3)));
        assertTrue(outcomes(yn, o, byDomain).isEmpty(), "found by its domain, cancelled three days ago");
        Facts other = records(new Facts.RecordedWebsite("滇ICP备9号-9", List.of("other.cn"), false, TODAY));
        assertEquals(List.of(Outcome.UNDETERMINED), outcomes(yn, o, other));
    }

    @Test
    void aVerificationFormWithoutItsSigningDateIsUndetermined() {
        Rule gx = rule("GX-B-08");
        OrderDocument o = order(Province.GUANGXI, false, null, "example.cn");
        OrderDocument unread = new OrderDocument(o.type(), null, o.subject(), o.websites(),
                List.of(new OrderDocument.UploadedMaterial("VERIFICATION_FORM", "websites[0]", null)), null);
        List<Verdicts.Verdict> v = verdicts(gx, unread, facts());
        assertEquals(List.of(Outcome.UNDETERMINED), v.stream().map(Verdicts.Verdict::outcome).toList());
        assertEquals("materials.VERIFICATION_FORM", v.get(0).fieldKey());
        assertTrue(verdicts(gx, o, facts()).isEmpty(), "no form uploaded yet: the materials rules' business");
    }

    // ------------------------------------------------------------------ what the checks judge

    @Test
    void reservedWordsCatchChineseAndPinyinPrefixesExceptForNationalLevelUnits() {
        Rule hn = rule("HN-B-12");
        assertEquals(1, verdicts(hn, order(Province.HUNAN, true, null, "中国例子.cn"), facts()).size());
        assertEquals("xinfang", verdicts(hn, order(Province.HUNAN, false, null, "www.hn-xinfang.com"), facts())
                .get(0).args().get("word"));
        OrderDocument national = order(Province.HUNAN, true, null, "zhongyang.cn");
        Subject s = national.subject();
        Subject nationalLevel = new Subject(s.nature(), s.province(), null, null, s.name(), s.certificateType(),
                s.certificateNumber(), null, null, null, null, null, false, null, true, s.principal(),
                s.legalPerson());
        assertTrue(verdicts(hn, new OrderDocument(national.type(), null, nationalLevel, national.websites(), null,
                null), facts()).isEmpty());
        assertTrue(verdicts(rule("BJ-B-06"), order(Province.BEIJING, false, null, "renmin.cn"), facts()).isEmpty(),
                "人民 is reserved in Hunan, not in Beijing");
    }

    @Test
    void registrantNamesAreComparedWithFullWidthBracketsAndUnitsByTheirCertificate() {
        Rule sn = rule("SN-U-01");
        OrderDocument o = order(Province.SHAANXI, true, null, "example.cn");
        String name = o.subject().name();
        Facts byNumber = facts("example.cn", registrant("另一个名称", CertificateType.BUSINESS_LICENSE,
                o.subject().certificateNumber().toLowerCase()));
        assertTrue(verdicts(sn, o, byNumber).isEmpty());
        Facts legalPerson = facts("example.cn", registrant("张三", CertificateType.RESIDENT_ID, id(Province.SHAANXI)));
        assertEquals(1, verdicts(sn, o, legalPerson).size(), "the legal person is not enough in Shaanxi");
        Subject s = o.subject();
        Subject bracketed = new Subject(s.nature(), s.province(), null, null, name + "（西安）", s.certificateType(),
                s.certificateNumber(), null, null, null, null, null, false, null, false, s.principal(),
                s.legalPerson());
        Facts halfWidth = facts("example.cn", registrant(name + "(西安)", CertificateType.BUSINESS_LICENSE, null));
        assertTrue(verdicts(sn, new OrderDocument(o.type(), null, bracketed, o.websites(), null, null), halfWidth)
                .isEmpty());
    }

    @Test
    void beijingJudgesOnlyIndividualRegistrantsAndTheNationalRuleDoesNotRepeatProvinceRows() {
        Rule bj = rule("BJ-B-07");
        OrderDocument unit = order(Province.BEIJING, true, null, "example.cn");
        assertTrue(verdicts(bj, unit, facts("example.cn", registrant("某某集团有限公司",
                CertificateType.BUSINESS_LICENSE, null))).isEmpty(), "a unit registrant is not Beijing's concern");
        assertEquals(List.of(Outcome.UNDETERMINED), outcomes(bj, unit, facts("example.cn",
                registrant("王五", null, null))), "an individual or a unit? the registry does not say");
        // A Jilin person with someone else's domain: JL-P-01 fails; the national row X-18 does not judge Jilin.
        OrderDocument jl = order(Province.JILIN, false, null, "example.cn");
        Facts other = facts("example.cn", registrant("李四", CertificateType.RESIDENT_ID,
                idBorn(Province.JILIN, TODAY.minusYears(40))));
        List<RuleFinding> all = ENGINE.judge(jl, other, false, r -> DomainChecks.all().containsKey(r.check()));
        assertEquals(List.of("JL-P-01"), all.stream().map(RuleFinding::ruleId).toList());
        assertTrue(all.get(0).message().contains("李*"), all.get(0).message());
        // In Tianjin, which has no registrant row, the national rule judges it.
        OrderDocument tj = order(Province.TIANJIN, false, null, "example.cn");
        List<RuleFinding> tjAll = ENGINE.judge(tj, other, true, r -> DomainChecks.all().containsKey(r.check()));
        assertEquals(List.of("X-18"), tjAll.stream().map(RuleFinding::ruleId).toList());
    }

    @Test
    void changeOrdersDoNotJudgeTheDomainsAlreadyOnRecordAgain() {
        Rule hn = rule("HN-B-12");
        OrderDocument change = withWebsite(order(Province.HUNAN, false, null, "renmin.cn"), FilingType.CHANGE,
                "湘ICP备1号-1");
        assertEquals(1, verdicts(hn, change, facts()).size(), "records unknown: judged");
        assertTrue(verdicts(hn, change, records(new Facts.RecordedWebsite("湘ICP备1号-1", List.of("renmin.cn"),
                true, null))).isEmpty());
    }

    @Test
    void shanghaiAppVerificationNeedsOneWebsitePrincipalWithAnIdCard() {
        Rule sh = rule("SH-B-04");
        OrderDocument unit = order(Province.SHANGHAI, true, PhotoChannel.APP, "example.cn");
        assertTrue(verdicts(sh, unit, facts()).isEmpty());
        Person other = new Person("王五", CertificateType.RESIDENT_ID, idBorn(Province.SHANGHAI,
                TODAY.minusYears(35)), null, "13800000031", null, null);
        Website second = new Website("第二个网站", List.of("example2.cn"), List.of(), ServiceContent.OTHER, null, null,
                null, null, false, other, null);
        OrderDocument two = new OrderDocument(unit.type(), null, unit.subject(),
                List.of(unit.websites().get(0), second), null, PhotoChannel.APP);
        assertEquals(List.of(Outcome.FAILED), outcomes(sh, two, facts()));
        OrderDocument curtain = new OrderDocument(unit.type(), null, unit.subject(), two.websites(), null,
                PhotoChannel.CURTAIN_PHOTO);
        assertTrue(verdicts(sh, curtain, facts()).isEmpty());
    }

    // ------------------------------------------------------------------ odd input

    @Test
    void everyRuleOfTheFamilyTakesOddOrdersWithoutThrowingOrFailingOnAbsentData() {
        List<Rule> family = RuleBook.standard().rules().stream()
                .filter(r -> DomainChecks.all().containsKey(r.check())).toList();
        assertTrue(family.size() > 60, "the family's rules: " + family.size());
        for (Rule rule : family) {
            List<Rule> all = new ArrayList<>(List.of(rule));
            rule.variants().keySet().forEach(v -> all.add(rule.withVariant(v)));
            for (Rule r : all) {
                for (OrderDocument o : oddOrders(r)) {
                    for (Facts f : oddFacts()) {
                        List<Verdicts.Verdict> v = verdicts(r, o, f);
                        assertTrue(v.stream().noneMatch(x -> x.outcome() == Outcome.FAILED),
                                r.id() + " failed an order without the data it judges: " + v + " on " + o);
                    }
                }
            }
            // Through the engine too (it turns a throwing check into "failed: …"); not with a null filing type, on
            // which Rule.appliesTo itself throws (Set.copyOf(...).contains(null)) before any check runs.
            for (OrderDocument o : oddOrders(rule).stream().filter(x -> x.type() != null).toList()) {
                for (Facts f : oddFacts()) {
                    List<RuleFinding> findings = ENGINE.judge(o, f, true, x -> x == rule);
                    assertTrue(findings.stream().noneMatch(x -> x.message().contains(" failed: ")),
                            rule.id() + " threw: " + findings);
                }
            }
        }
    }

    private static List<OrderDocument> oddOrders(Rule rule) {
        Province p = rule.provinces().isEmpty() ? Province.BEIJING : rule.provinces().iterator().next();
        FilingType type = rule.filingTypes().isEmpty() ? FilingType.FIRST_FILING : rule.filingTypes().iterator().next();
        List<OrderDocument> out = new ArrayList<>();
        for (SubjectNature nature : new SubjectNature[] {SubjectNature.PERSON, SubjectNature.ENTERPRISE, null}) {
            Subject empty = new Subject(nature, p, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null);
            Website junk = new Website(null, List.of("", "   ", "http://", "not a domain", "例子",
                    "http://www.example.cn/path", "127.0.0.1", "*.example.cn", ".cn"), null, null, null, null, null,
                    null, null, null, null);
            Website nothing = new Website(null, null, null, null, null, null, null, null, null, null, null);
            List<Website> websites = List.of(junk, nothing);
            List<OrderDocument.UploadedMaterial> materials = List.of(
                    new OrderDocument.UploadedMaterial(null, null, null),
                    new OrderDocument.UploadedMaterial("OTHER", null, TODAY.minusYears(5)));
            out.add(new OrderDocument(type, null, empty, null, null, null));
            out.add(new OrderDocument(type, null, empty, websites, materials, null));
            out.add(new OrderDocument(null, null, empty, websites, null, null));
        }
        return out;
    }

    private static List<Facts> oddFacts() {
        Map<String, DomainFacts> domains = new HashMap<>();
        domains.put("example.cn", new DomainFacts(false, true, null, null, null, null, null, null));
        return List.of(Facts.on(null), Facts.on(TODAY), new Facts(TODAY, domains, List.of(), null, null, List.of()),
                new Facts(null, domains, Arrays.asList((Facts.ExistingSite) null), null, null,
                        Arrays.asList((Facts.RecordedWebsite) null,
                                new Facts.RecordedWebsite(null, null, null, null))));
    }

    // ------------------------------------------------------------------ helpers

    private static boolean suffixFails(Rule rule, String domain) {
        return !verdicts(rule, order(Province.BEIJING, false, null, domain), facts()).isEmpty();
    }

    private static Rule rule(String id) {
        return RuleBook.standard().rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<Verdicts.Verdict> verdicts(Rule rule, OrderDocument order, Facts facts) {
        Verdicts out = new Verdicts();
        DomainChecks.all().get(rule.check()).judge(rule, order, facts, out);
        return out.all();
    }

    private static List<Outcome> outcomes(Rule rule, OrderDocument order, Facts facts) {
        return verdicts(rule, order, facts).stream().map(Verdicts.Verdict::outcome).toList();
    }

    private static Facts facts() {
        return Facts.on(TODAY);
    }

    private static Facts facts(String domain, DomainFacts f) {
        return new Facts(TODAY, Map.of(domain, f), null, null, null, null);
    }

    private static Facts records(Facts.RecordedWebsite... r) {
        return new Facts(TODAY, Map.of(), null, null, null, List.of(r));
    }

    private static DomainFacts registrant(String name, CertificateType type, String number) {
        return new DomainFacts(false, true, name, type, number, false, TODAY.plusYears(1), false);
    }

    private static String id(Province p) {
        return idBorn(p, TODAY.minusYears(30));
    }

    private static String idBorn(Province p, LocalDate born) {
        String first17 = p.code() + "0102" + born.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "123";
        return first17 + ResidentIdNumbers.checkDigit(first17);
    }

    /** A first filing: a person 张三, or an enterprise whose legal person and principal is 张三, with one website. */
    private static OrderDocument order(Province p, boolean unit, PhotoChannel channel, String domain) {
        Person zhang = new Person("张三", CertificateType.RESIDENT_ID, id(p), TODAY.plusYears(10), "13800000013", null,
                null);
        Subject s = unit
                ? new Subject(SubjectNature.ENTERPRISE, p, null, null, p.chineseName() + "某某科技有限公司",
                        CertificateType.BUSINESS_LICENSE, "91" + p.code() + "0102MA0123456X", null, null, null, null,
                        null, false, null, false, zhang, zhang)
                : new Subject(SubjectNature.PERSON, p, null, null, "张三", CertificateType.RESIDENT_ID, id(p),
                        TODAY.plusYears(10), null, null, null, null, false, null, false, zhang, null);
        Website w = new Website("某某的网站", List.of(domain), List.of(), ServiceContent.OTHER, null, null, null, null,
                true, null, null);
        return new OrderDocument(FilingType.FIRST_FILING, null, s, List.of(w), List.of(), channel);
    }

    private static OrderDocument withWebsite(OrderDocument o, FilingType type, String filingNumber) {
        Website w = o.websites().get(0);
        Website numbered = new Website(w.name(), w.domains(), w.homepageUrls(), w.serviceContent(),
                w.contentCategories(), w.preApprovals(), w.languages(), w.remarks(), w.principalSameAsSubject(),
                w.principal(), filingNumber);
        return new OrderDocument(type, null, o.subject(), List.of(numbered), o.materials(), o.photoChannel());
    }
}
