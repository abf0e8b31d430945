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
import cn.beian.rules.RuleEngine;
import cn.beian.rules.RuleFinding;
import cn.beian.rules.Severity;
import cn.beian.testing.TestClock;
import cn.beian.validators.OrganizationCodes;
import cn.beian.validators.ResidentIdNumbers;
import cn.beian.validators.SocialCreditCodes;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The identity family's checks beyond each rule's own two examples: odd input, variants, records, resolutions. */
class IdentityChecksTest {

    private static final RuleEngine ENGINE = RuleEngine.standard();
    private static final Set<String> FAMILY = IdentityChecks.all().keySet();
    private static final LocalDate TODAY = TestClock.today();

    // ------------------------------------------------------------------ odd input

    @Test
    void everyRuleOfTheFamilyToleratesEmptyAndOddOrders() {
        List<Rule> family = ENGINE.book().rules().stream().filter(r -> FAMILY.contains(r.check())).toList();
        assertTrue(family.size() > 50, "the family's rules are loaded");
        for (Rule rule : family) {
            for (Province p : rule.provinces().isEmpty() ? Set.of(Province.BEIJING) : rule.provinces()) {
                for (SubjectNature nature : List.of(SubjectNature.PERSON, SubjectNature.ENTERPRISE)) {
                    for (Facts facts : List.of(Facts.on(null), Facts.on(TODAY))) {
                        // nothing but type, province and nature: no finding may fail a field that is absent (a null
                        // type or province is the engine's business: Rule.appliesTo)
                        List<RuleFinding> bare = judge(rule, new OrderDocument(FilingType.FIRST_FILING, null, new Subject(nature, p, null,
                                null, null, null, null, null, null, null, null, null, null, null, null, null, null),
                                List.of(emptyWebsite()), null, null), facts);
                        assertNoDefect(rule, bare);
                        assertTrue(bare.stream().noneMatch(f -> f.outcome() == Outcome.FAILED),
                                rule.id() + " failed an absent field: " + bare);
                        // a principal with every field missing: only the rows about an office phone's presence fail
                        Person empty = new Person(null, null, null, null, null, null, null);
                        List<RuleFinding> emptyPrincipal = judge(rule, order(nature, p, empty, empty, "",
                                List.of(emptyWebsite(), websiteWith(empty))), facts);
                        assertNoDefect(rule, emptyPrincipal);
                        for (RuleFinding f : emptyPrincipal) {
                            if (f.outcome() == Outcome.FAILED) {
                                assertTrue(f.fieldKey().endsWith(".officePhone") && (rule.check().equals(
                                        "OFFICE_PHONE_PRESENT") || rule.flag("required")),
                                        rule.id() + " failed an absent field: " + f);
                            }
                        }
                        // malformed values everywhere
                        Person odd = new Person("  ", CertificateType.RESIDENT_ID, "12X4", LocalDate.MIN, "12",
                                "++86--", "@");
                        Person oddPassport = new Person("x", CertificateType.PASSPORT, "", LocalDate.MAX,
                                "+44 20 7946 0000", "abc", null);
                        List<RuleFinding> oddOnes = judge(rule, order(nature, p, odd, oddPassport, "号",
                                List.of(websiteWith(odd), websiteWith(oddPassport))), facts);
                        assertNoDefect(rule, oddOnes);
                    }
                }
            }
        }
    }

    private static void assertNoDefect(Rule rule, List<RuleFinding> findings) {
        for (RuleFinding f : findings) {
            assertFalse(f.outcome() == Outcome.UNDETERMINED && f.message().contains(" failed: "),
                    rule.id() + " threw: " + f);
        }
    }

    // ------------------------------------------------------------------ variants

    @Test
    void x03VariantFrom004RefusesAMobileAsAUnitsOfficePhone() {
        Rule x03 = rule("X-03", "OFFICE_PHONE_LANDLINE");
        OrderDocument o = unit(Province.BEIJING, principal("13800000013", "13800000014"));
        assertTrue(judge(x03, o, facts()).isEmpty());
        assertEquals(List.of("subject.principal.officePhone"), failedByCheck(x03.withVariant("004"), o, facts()));
    }

    @Test
    void tj10VariantFrom003RefusesAUnitsMobileOfficePhoneEvenWithTheRemark() {
        Rule remark = rule("TJ-B-10", "OFFICE_PHONE_MOBILE_REMARK", Severity.BLOCKS);
        OrderDocument o = withSubjectRemark(unit(Province.TIANJIN, principal("13800220013", "13800220014")),
                "办公电话为张三的手机，职务：总经理");
        assertTrue(judge(remark, o, facts()).isEmpty());
        assertEquals(List.of("subject.principal.officePhone"), failedByCheck(remark.withVariant("003"), o, facts()));
    }

    @Test
    void tjU05VariantFrom003RefusesTheLegalPersonAsBothPrincipals() {
        Rule pair = rule("TJ-U-05", "WEBSITE_PRINCIPAL_DIFFERS");
        OrderDocument o = unit(Province.TIANJIN, principal("13800220013", "022-23456789"));
        assertTrue(judge(pair, o, facts()).isEmpty(), "001: the legal person may be both");
        assertEquals(List.of("websites[0].principalSameAsSubject"), failedByCheck(pair.withVariant("003"), o, facts()));
    }

    // ------------------------------------------------------------------ records

    @Test
    void recordRulesAreUndeterminedWithoutRecordsAndJudgedWithThem() {
        OrderDocument person = person(Province.TIANJIN, principal("13800220013", "022-23456789"));
        Rule tj12 = rule("TJ-B-12", "PRINCIPAL_NOT_ON_OTHER_SUBJECTS");
        List<RuleFinding> none = judge(tj12, person, facts());
        assertFalse(none.isEmpty());
        assertTrue(none.stream().allMatch(f -> f.outcome() == Outcome.UNDETERMINED), none.toString());
        String id = person.subject().principal().certificateNumber();
        Facts withRecords = facts(new Facts.Records(null, null, Map.of(id, List.of("津ICP备1号"))));
        assertEquals(List.of("subject.principal.certificateNumber"), failed(judge(tj12, person, withRecords)));
        assertFalse(judge(tj12, person, withRecords).get(0).message().contains(id), "the number is masked");

        Rule ha = rule("HA-U-02", "PRINCIPAL_NOT_ON_OTHER_SUBJECTS");
        OrderDocument henan = unit(Province.HENAN, principal("13800000013", "0371-12345678"));
        assertTrue(judge(ha, henan, facts()).stream().allMatch(f -> f.outcome() == Outcome.UNDETERMINED));
        assertTrue(judge(ha, henan, facts(new Facts.Records(null, null, null))).isEmpty());
    }

    @Test
    void aMobileMayServeTwiceButOnlyOnePerson() {
        Rule js = rule("JS-B-09", "MOBILE_USES");
        OrderDocument o = person(Province.JIANGSU, principal("13800250013", "025-12345678"));
        assertEquals(Outcome.UNDETERMINED, judge(js, o, facts()).get(0).outcome());
        assertTrue(judge(js, o, facts(new Facts.Records(Map.of("13800250013", List.of("苏ICP备1号")), null, null)))
                .isEmpty());
        assertEquals(1, failed(judge(js, o, facts(new Facts.Records(Map.of("13800250013",
                List.of("苏ICP备1号", "苏ICP备2号")), null, null)))).size(), "a third use");
        // within the order: another person giving the same mobile
        Person other = new Person("李四", CertificateType.RESIDENT_ID, residentId("320102", TODAY.minusYears(40)),
                TODAY.plusYears(5), "13800250013", null, null);
        OrderDocument shared = new OrderDocument(FilingType.FIRST_FILING, null, o.subject(),
                List.of(websiteWith(other)), null, null);
        assertEquals(List.of("websites[0].principal.mobile"),
                failed(judge(js, shared, facts(new Facts.Records(null, null, null)))));
    }

    // ------------------------------------------------------------------ office phones: one finding per fault

    @Test
    void aTianjinPersonsMobileOfficePhoneFailsTheLandlineRuleOnlyAndAForeignLandlineTheAreaRuleOnly() {
        Predicate<Rule> tianjin = r -> r.provinces().contains(Province.TIANJIN) && FAMILY.contains(r.check());
        List<RuleFinding> mobile = ENGINE.judge(person(Province.TIANJIN, principal("13800220013", "13800220014")),
                facts(new Facts.Records(null, null, null)), false, tianjin);
        assertEquals(List.of("TJ-P-04"), ids(mobile));
        List<RuleFinding> beijing = ENGINE.judge(person(Province.TIANJIN, principal("13800220013", "010-12345678")),
                facts(new Facts.Records(null, null, null)), false, tianjin);
        assertEquals(List.of("TJ-B-10"), ids(beijing));
        List<RuleFinding> fine = ENGINE.judge(person(Province.TIANJIN, principal("13800220013", "022-23456789")),
                facts(new Facts.Records(null, null, null)), false, tianjin);
        assertTrue(fine.isEmpty(), fine.toString());
    }

    @Test
    void theMobileExplanationBelongsInTheSubjectRemarkAndTheOtherRemarkOnlyWarns() {
        Predicate<Rule> gansu = r -> r.id().equals("GS-U-05");
        OrderDocument o = unit(Province.GANSU, principal("13800930013", "13800930014"));
        List<RuleFinding> missing = ENGINE.judge(o, facts(), false, gansu);
        assertEquals(List.of(Severity.BLOCKS), missing.stream().map(RuleFinding::severity).toList());
        OrderDocument inWebsite = new OrderDocument(o.type(), null, o.subject(), List.of(new Website("站",
                List.of("example.cn"), null, null, null, null, null, "职务：总经理", true, null, null)), null, null);
        List<RuleFinding> elsewhere = ENGINE.judge(inWebsite, facts(), false, gansu);
        assertEquals(List.of(Severity.WARNS), elsewhere.stream().map(RuleFinding::severity).toList());
        assertTrue(ENGINE.judge(withSubjectRemark(o, "职务：总经理"), facts(), false, gansu).isEmpty());
    }

    @Test
    void jiangsuComparesTheAreaOfALandlineOnlyAndItsCity() {
        Rule area = ENGINE.book().rules().stream().filter(r -> r.id().equals("JS-B-08")
                && r.check().equals("OFFICE_PHONE_AREA")).findFirst().orElseThrow();
        OrderDocument nanjing = withCity(unit(Province.JIANGSU, principal("13800250013", "13800250014")), "南京市");
        assertTrue(judge(area, nanjing, facts()).isEmpty(), "a mobile is not compared");
        assertEquals(1, failed(judge(area, withCity(unit(Province.JIANGSU, principal("13800250013",
                "0512-12345678")), "南京市"), facts())).size(), "Suzhou's area code for a Nanjing subject");
        assertTrue(judge(area, withCity(unit(Province.JIANGSU, principal("13800250013", "0512-12345678")), "苏州市"),
                facts()).isEmpty());
        Rule zj = rule("ZJ-B-07", "OFFICE_PHONE_AREA");
        assertEquals(1, failed(judge(zj, withCity(person(Province.ZHEJIANG, principal("13800570013",
                "0574-12345678")), "杭州市"), facts())).size(), "Ningbo's area code for a Hangzhou subject");
    }

    @Test
    void officePhoneEqualToTheMobileIsFoundInAnyWriting() {
        Rule bj = rule("BJ-U-02", "OFFICE_PHONE_NOT_PRINCIPAL_MOBILE");
        assertEquals(1, failed(judge(bj, unit(Province.BEIJING, principal("13800000013", "+86 138 0000 0013")),
                facts())).size());
        assertTrue(judge(bj, unit(Province.BEIJING, principal("13800000013", "010-12345678")), facts()).isEmpty());
    }

    // ------------------------------------------------------------------ addresses, certificates, ages

    @Test
    void theMostDetailedAddressRemarkStandsInForTheDoorNumber() {
        assertTrue(AddressDoorNumber.preciseToDoor("上海市浦东新区某路100弄3号"));
        assertTrue(AddressDoorNumber.preciseToDoor("山东省济南市某小区五栋二单元"));
        assertTrue(AddressDoorNumber.preciseToDoor("广西南宁市某小区3#楼"));
        assertTrue(AddressDoorNumber.preciseToDoor("天津市和平区某大厦B座"));
        assertFalse(AddressDoorNumber.preciseToDoor("上海市浦东新区某路"));
        assertFalse(AddressDoorNumber.preciseToDoor("重庆市渝中区解放碑步行街"));
        Rule sh = rule("SH-P-02", "ADDRESS_DOOR_NUMBER");
        OrderDocument noDoor = withAddress(person(Province.SHANGHAI, principal("13800210013", null)), "上海市浦东新区某路");
        assertEquals(List.of("subject.communicationAddress"), failed(judge(sh, noDoor, facts())));
        assertTrue(judge(sh, withSubjectRemark(noDoor, "主办单位通信地址为最详细地址"), facts()).isEmpty());
        assertTrue(judge(sh, withSubjectRemark(noDoor, "通信地址已为最详细地址"), facts()).isEmpty());
    }

    @Test
    void aUnitFilesWhereItsCertificateIsRegisteredAndOnlyOneRowSaysSo() {
        Predicate<Rule> region = r -> r.check().equals("CERTIFICATE_REGION");
        OrderDocument shanghai = withCertificate(unit(Province.SHANGHAI, principal("13800210013", null)),
                uscc("44"));
        assertEquals(List.of("X-16"), ids(ENGINE.judge(shanghai, facts(), false, region)));
        OrderDocument xinjiang = withCertificate(unit(Province.XINJIANG, principal("13800900013", null)),
                uscc("44"));
        assertEquals(List.of("XJ-B-01"), ids(ENGINE.judge(xinjiang, facts(), false, region)));
        assertTrue(ENGINE.judge(withCertificate(unit(Province.XINJIANG, principal("13800900013", null)), uscc("65")),
                facts(), false, region).isEmpty());
        // persons are judged only where the province refuses others
        OrderDocument beijingPersonFromHebei = withCertificate(person(Province.BEIJING, principal("13800000013", null)),
                residentId("130102", TODAY.minusYears(30)));
        assertTrue(ENGINE.judge(beijingPersonFromHebei, facts(), false, region).isEmpty());
        OrderDocument gansuPersonFromHebei = withCertificate(person(Province.GANSU, principal("13800930013", null)),
                residentId("130102", TODAY.minusYears(30)));
        assertEquals(List.of("GS-P-01"), ids(ENGINE.judge(gansuPersonFromHebei, facts(), false, region)));
    }

    @Test
    void agesAndValidityUseTheDayOfTheFacts() {
        Rule js = rule("JS-P-02", "MINIMUM_AGE");
        OrderDocument young = withCertificate(person(Province.JIANGSU, principal("13800250013", null)),
                residentId("320102", TODAY.minusYears(16).plusDays(1)));
        assertEquals(1, failed(judge(js, young, facts())).size());
        assertTrue(judge(js, young, Facts.on(TODAY.plusDays(1))).isEmpty(), "16 the next day");
        assertEquals(Outcome.UNDETERMINED, judge(js, young, Facts.on(null)).get(0).outcome());

        Rule sh = rule("SH-B-02", "CERTIFICATE_VALID_FOR");
        OrderDocument p = person(Province.SHANGHAI, principal("13800210013", null));
        Subject s = p.subject();
        Subject expiring = new Subject(s.nature(), s.province(), s.city(), s.district(), s.name(), s.certificateType(),
                s.certificateNumber(), TODAY.plusMonths(2), s.certificateAddress(), s.communicationAddress(),
                s.investor(), s.remarks(), s.individualBusiness(), s.tradeName(), s.nationalLevel(), s.principal(),
                s.legalPerson());
        OrderDocument o = new OrderDocument(p.type(), null, expiring, p.websites(), null, null);
        assertEquals(List.of("subject.certificateValidUntil"), failed(judge(sh, o, facts())),
                "one finding for the person, not one per record");
    }

    @Test
    void firstGenerationIdsAreRefusedAndTemporaryOnesWithinValidityAccepted() {
        Predicate<Rule> tianjin = r -> r.provinces().contains(Province.TIANJIN)
                && (r.check().equals("CERTIFICATE_KIND") || r.check().equals("CERTIFICATE_VALID_FOR"));
        OrderDocument old = withCertificate(person(Province.TIANJIN, principal("13800220013", "022-23456789")),
                "120102900101123");
        assertEquals(List.of("TJ-B-06"), ids(ENGINE.judge(old, facts(), false, tianjin)));
        // a temporary card: an 18-character number with a short validity
        OrderDocument temporary = person(Province.TIANJIN, new Person("张三", CertificateType.RESIDENT_ID,
                residentId("120102", TODAY.minusYears(30)), TODAY.plusMonths(2), "13800220013", "022-23456789", null));
        assertTrue(ENGINE.judge(temporary, facts(), false, tianjin).isEmpty());
        OrderDocument expired = person(Province.TIANJIN, new Person("张三", CertificateType.RESIDENT_ID,
                residentId("120102", TODAY.minusYears(30)), TODAY.minusDays(1), "13800220013", "022-23456789", null));
        assertEquals(List.of("X-23"), ids(ENGINE.judge(expired, facts(), false, tianjin)));
    }

    // ------------------------------------------------------------------ helpers

    private static List<RuleFinding> judge(Rule rule, OrderDocument order, Facts facts) {
        return new RuleEngine(ENGINE.book(), cn.beian.rules.Checks.standard()).judge(order, facts, false,
                r -> r == rule);
    }

    /** The fields a rule fails, judged by its check directly (a variant is not in the book the engine holds). */
    private static List<String> failedByCheck(Rule rule, OrderDocument order, Facts facts) {
        cn.beian.rules.Verdicts out = new cn.beian.rules.Verdicts();
        IdentityChecks.all().get(rule.check()).judge(rule, order, facts, out);
        return out.all().stream().filter(v -> v.outcome() == Outcome.FAILED).map(v -> v.fieldKey()).toList();
    }

    private static List<String> failed(List<RuleFinding> findings) {
        return findings.stream().filter(f -> f.outcome() == Outcome.FAILED).map(RuleFinding::fieldKey).toList();
    }

    private static List<String> ids(List<RuleFinding> findings) {
        return findings.stream().map(RuleFinding::ruleId).distinct().collect(Collectors.toList());
    }

    private static Rule rule(String id, String check) {
        return rule(id, check, null);
    }

    private static Rule rule(String id, String check, Severity severity) {
        return ENGINE.book().rules().stream().filter(r -> r.id().equals(id) && r.check().equals(check)
                && (severity == null || r.severity() == severity)).findFirst().orElseThrow();
    }

    private static Facts facts() {
        return Facts.on(TODAY);
    }

    private static Facts facts(Facts.Records records) {
        return new Facts(TODAY, Map.of(), null, records, null, null);
    }

    private static Person principal(String mobile, String officePhone) {
        return new Person("张三", CertificateType.RESIDENT_ID, null, TODAY.plusYears(10), mobile, officePhone,
                "zhangsan@example.cn");
    }

    private static OrderDocument person(Province p, Person principal) {
        String id = principal.certificateNumber() != null ? principal.certificateNumber()
                : residentId(p.code() + "0102", TODAY.minusYears(30));
        Person withId = new Person(principal.name(), principal.certificateType(), id,
                principal.certificateValidUntil(), principal.mobile(), principal.officePhone(), principal.email());
        Subject s = new Subject(SubjectNature.PERSON, p, null, null, "张三", CertificateType.RESIDENT_ID, id,
                withId.certificateValidUntil(), p.chineseName() + "某路1号101室", p.chineseName() + "某路1号101室", null,
                null, false, null, false, withId, null);
        return new OrderDocument(FilingType.FIRST_FILING, null, s, List.of(websiteWith(null)), null, null);
    }

    private static OrderDocument unit(Province p, Person principal) {
        Person withId = new Person(principal.name(), principal.certificateType(),
                residentId(p.code() + "0102", TODAY.minusYears(30)), principal.certificateValidUntil(),
                principal.mobile(), principal.officePhone(), principal.email());
        Subject s = new Subject(SubjectNature.ENTERPRISE, p, null, null, p.chineseName() + "某某科技有限公司",
                CertificateType.BUSINESS_LICENSE, uscc(p.code()), null, p.chineseName() + "某路1号",
                p.chineseName() + "某路1号", "某某", null, false, null, false, withId, withId);
        return new OrderDocument(FilingType.FIRST_FILING, null, s, List.of(websiteWith(null)), null, null);
    }

    private static OrderDocument order(SubjectNature nature, Province p, Person principal, Person legal,
            String address, List<Website> websites) {
        Subject s = new Subject(nature, p, "", null, null, null, null, null, null, address, null, null, null, null,
                null, principal, nature.isUnit() ? legal : null);
        return new OrderDocument(FilingType.FIRST_FILING, null, s, websites, null, null);
    }

    private static Website emptyWebsite() {
        return new Website(null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Website websiteWith(Person principal) {
        return new Website("某某的网站", List.of("example.cn"), List.of("http://www.example.cn"), null, null, null,
                null, null, principal == null, principal, null);
    }

    private static OrderDocument withSubject(OrderDocument o, java.util.function.UnaryOperator<Object[]> change) {
        Subject s = o.subject();
        Object[] f = {s.nature(), s.province(), s.city(), s.district(), s.name(), s.certificateType(),
            s.certificateNumber(), s.certificateValidUntil(), s.certificateAddress(), s.communicationAddress(),
            s.investor(), s.remarks(), s.individualBusiness(), s.tradeName(), s.nationalLevel(), s.principal(),
            s.legalPerson()};
        f = change.apply(f);
        Subject n = new Subject((SubjectNature) f[0], (Province) f[1], (String) f[2], (String) f[3], (String) f[4],
                (CertificateType) f[5], (String) f[6], (LocalDate) f[7], (String) f[8], (String) f[9], (String) f[10],
                (String) f[11], (Boolean) f[12], (String) f[13], (Boolean) f[14], (Person) f[15], (Person) f[16]);
        return new OrderDocument(o.type(), o.changeKind(), n, o.websites(), o.materials(), o.photoChannel());
    }

    private static OrderDocument withSubjectRemark(OrderDocument o, String remark) {
        return withSubject(o, f -> set(f, 11, remark));
    }

    private static OrderDocument withCity(OrderDocument o, String city) {
        return withSubject(o, f -> set(f, 2, city));
    }

    private static OrderDocument withAddress(OrderDocument o, String address) {
        return withSubject(o, f -> set(f, 9, address));
    }

    private static OrderDocument withCertificate(OrderDocument o, String number) {
        return withSubject(o, f -> set(f, 6, number));
    }

    private static Object[] set(Object[] f, int i, Object v) {
        Object[] c = f.clone();
        c[i] = v;
        return c;
    }

    static String residentId(String region6, LocalDate born) {
        String first17 = region6 + born.format(DateTimeFormatter.BASIC_ISO_DATE) + "123";
        return first17 + ResidentIdNumbers.checkDigit(first17);
    }

    static String uscc(String province2) {
        String body = "MA012345";
        String first17 = "91" + province2 + "0102" + body + OrganizationCodes.checkChar(body);
        return first17 + SocialCreditCodes.checkChar(first17);
    }

}
