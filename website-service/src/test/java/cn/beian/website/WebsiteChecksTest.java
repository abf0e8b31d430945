package cn.beian.website;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.events.snapshot.Person;
import cn.beian.contract.findings.Finding;
import cn.beian.contract.order.FilingType;
import cn.beian.national.client.DomainRegistration;
import cn.beian.testing.TestClock;
import cn.beian.contract.domain.PreApprovalType;
import cn.beian.contract.domain.ServiceContent;
import cn.beian.website.domain.WebsiteContent;
import cn.beian.website.service.RegistryFacts;
import cn.beian.website.service.WebsiteChecks;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebsiteChecksTest {

    static final String LINA_ID = "110105199503080422";
    private final WebsiteChecks checks = WebsiteChecks.standard();
    private final Map<String, RegistryFacts> registry = new HashMap<>();

    @Test
    void aCleanPersonalSiteHasNoBlockingFinding() {
        registered("fresh-person.cn", "李娜", LINA_ID);
        List<Finding> f = check(Province.GUANGDONG, SubjectNature.PERSON,
                site("李娜的读书笔记", "本站记录个人读书笔记和书评，不含商业内容", "fresh-person.cn", "www.fresh-person.cn"));
        assertTrue(f.stream().noneMatch(Finding::blocking), f.toString());
    }

    @Test
    void personalSiteNamesThatDoNotFit() {
        registered("fresh-person.cn", "李娜", LINA_ID);
        assertHas(check(Province.GUANGDONG, SubjectNature.PERSON, site("星河科技有限公司", "个人网站，分享学习笔记和心得",
                "fresh-person.cn")), "NAME_UNIT_LIKE_FOR_PERSON", true);
        assertHas(check(Province.GUANGDONG, SubjectNature.PERSON, site("杭州美食记", "个人网站，分享学习笔记和心得",
                "fresh-person.cn")), "NAME_PLACE_FOR_PERSON", true);
        assertHas(check(Province.GUANGDONG, SubjectNature.PERSON, site("王强的个人网站", "个人网站，分享学习笔记和心得",
                "fresh-person.cn")), "NAME_OTHER_PERSON", true);
        assertHas(check(Province.GUANGDONG, SubjectNature.PERSON, site("中国美食之窗", "个人网站，分享学习笔记和心得",
                "fresh-person.cn")), "NAME_RESERVED_WORD", true);
        assertHas(check(Province.GUANGDONG, SubjectNature.PERSON, site("李娜的论坛", "个人网站，分享学习笔记和心得",
                "fresh-person.cn")), "FORUM_FOR_PERSON", true);
        assertHas(check(Province.GUANGDONG, SubjectNature.PERSON, site("李娜的笔记", "笔记", "fresh-person.cn")),
                "GD-P-02", true);
    }

    @Test
    void preApprovalKeywordsNeedTheMatchingPreApproval() {
        registered("fresh-unit.com.cn", "北京拾光数据有限公司", "91110108MA01XY7K9D");
        WebsiteContent news = site("拾光新闻资讯", null, "fresh-unit.com.cn");
        assertHas(check(Province.BEIJING, SubjectNature.ENTERPRISE, news), "PRE_APPROVAL_MISSING", true);
        // Tianjin's own row on news content (TJ-B-08) asks the reviewer when only the name suggests it.
        assertHas(check(Province.TIANJIN, SubjectNature.ENTERPRISE, news), "PRE_APPROVAL_MISSING", true);
        assertHas(check(Province.TIANJIN, SubjectNature.ENTERPRISE, news), "TJ-B-08", false);
        WebsiteContent declared = new WebsiteContent(news.name(), news.domains(), news.homepageUrls(),
                news.serviceContent(), List.of(new WebsiteContent.PreApproval(PreApprovalType.NEWS, "京新闻[2026]1号")),
                news.languages(), null, true, null, List.of("srv-1"), List.of(), List.of());
        assertFalse(codes(check(Province.BEIJING, SubjectNature.ENTERPRISE, declared)).contains("PRE_APPROVAL_MISSING"));
    }

    @Test
    void beijingRefusesHongKongAndForeignRegistrars() {
        DomainRegistration abroad = new DomainRegistration("example.com", "GoDaddy", "李娜", CertificateType.RESIDENT_ID,
                LINA_ID, true, TestClock.now().minusDays(400), TestClock.now().minusDays(397), true,
                LocalDate.of(2020, 1, 1), TestClock.today().plusYears(1), false, true);
        registry.put("example.com", new RegistryFacts("example.com", abroad, null, false));
        registered("example.hk", "李娜", LINA_ID);
        List<Finding> f = check(Province.BEIJING, SubjectNature.PERSON,
                site("李娜的读书笔记", "个人网站，分享学习笔记和心得", "example.com", "example.hk"));
        assertHas(f, "BJ-B-03", true);
        Finding hk = f.stream().filter(x -> "BJ-B-02".equals(x.ruleId())).findFirst().orElseThrow();
        assertEquals("websites[0].domains[1]", hk.fieldKey());
        assertTrue(hk.message().contains(".hk"), hk.message());
    }

    @Test
    void registryStatesAreExplained() {
        DomainRegistration pending = new DomainRegistration("realname-pending.cn", "x", "李娜",
                CertificateType.RESIDENT_ID, LINA_ID, true, TestClock.now().minusHours(36),
                TestClock.now().plusDays(2), false, LocalDate.of(2026, 1, 1), TestClock.today().plusYears(1),
                false, false);
        registry.put("realname-pending.cn", new RegistryFacts("realname-pending.cn", pending, null, false));
        registry.put("never-registered.cn", new RegistryFacts("never-registered.cn", null, null, false));
        registered("registrant-mismatch.cn", "孙明", "370102198707210182");
        List<Finding> f = check(Province.ZHEJIANG, SubjectNature.PERSON, site("李娜的读书笔记",
                "个人网站，分享学习笔记和心得", "realname-pending.cn", "never-registered.cn", "registrant-mismatch.cn"));
        assertHas(f, "DOMAIN_REAL_NAME_PENDING", true);
        assertHas(f, "DOMAIN_NOT_REGISTERED", true);
        assertHas(f, "X-18", true);
        // Shanghai names its own registrant rule
        assertHas(check(Province.SHANGHAI, SubjectNature.PERSON, site("李娜的读书笔记", "个人网站，分享学习笔记和心得",
                "registrant-mismatch.cn")), "SH-P-03", true);
    }

    @Test
    void accessFilingsVerifyNoDomain() {
        List<Finding> f = checks.check(List.of(site("李娜的读书笔记", "个人网站，分享学习笔记和心得", "unknown-here.cn")),
                ctx(FilingType.ACCESS_FILING, Province.GUANGDONG, SubjectNature.PERSON));
        assertFalse(codes(f).contains("DOMAIN_REGISTRY_UNAVAILABLE"), f.toString());
        assertFalse(codes(f).contains("DOMAIN_NOT_REGISTERED"), f.toString());
    }

    @Test
    void domainGroupingRulesByProvince() {
        registered("alpha-site.cn", "李娜", LINA_ID);
        registered("beta-site.cn", "李娜", LINA_ID);
        WebsiteContent two = site("李娜的读书笔记", "个人网站，分享学习笔记和心得", "alpha-site.cn", "beta-site.cn");
        assertHas(check(Province.SICHUAN, SubjectNature.PERSON, two), "SC-B-01", true);
        assertHas(check(Province.GUANGDONG, SubjectNature.PERSON, two), "GD-B-01", true);
        assertHas(check(Province.SHANDONG, SubjectNature.PERSON, two), "SD-B-01", true);
        assertHas(check(Province.ZHEJIANG, SubjectNature.PERSON, two), "DOMAIN_PREFIXES_DIFFER", false);
        WebsiteContent remarked = site("李娜的读书笔记", "个人网站，分享学习笔记和心得；域名指向同一网站", "alpha-site.cn",
                "beta-site.cn");
        assertFalse(codes(check(Province.GUANGDONG, SubjectNature.PERSON, remarked)).contains("GD-B-01"));
    }

    @Test
    void duplicatesAcrossWebsitesAndDomainsTakenHere() {
        registered("alpha-site.cn", "李娜", LINA_ID);
        var a = site("李娜的读书笔记", "个人网站，分享学习笔记和心得", "alpha-site.cn");
        var b = site("李娜的摄影", "个人网站，分享摄影作品和心得", "www.alpha-site.cn");
        List<Finding> f = checks.check(List.of(a, b), new WebsiteChecks.Context(FilingType.FIRST_FILING,
                Province.GUANGDONG, SubjectNature.PERSON, subject(), TestClock.today(), registry,
                Map.of("alpha-site.cn", "粤ICP备1号-1"), Set.of(), null));
        assertHas(f, "DOMAIN_DUPLICATED", true);
        assertHas(f, "DOMAIN_TAKEN_HERE", true);
    }

    @Test
    void reservedDomainPrefixesInBeijingAndHunan() {
        registered("zhongguo-food.cn", "李娜", LINA_ID);
        WebsiteContent s = site("李娜的读书笔记", "个人网站，分享学习笔记和心得", "zhongguo-food.cn");
        assertHas(check(Province.BEIJING, SubjectNature.PERSON, s), "BJ-B-06", true);
        assertHas(check(Province.HUNAN, SubjectNature.PERSON, s), "HN-B-12", true);
        assertFalse(codes(check(Province.GUANGDONG, SubjectNature.PERSON, s)).contains("BJ-B-06"));
    }

    private void registered(String domain, String name, String id) {
        registry.put(domain, new RegistryFacts(domain, new DomainRegistration(domain, "阿里云计算有限公司（万网）", name,
                id.length() == 18 && Character.isDigit(id.charAt(0)) && !id.startsWith("9")
                        ? CertificateType.RESIDENT_ID : CertificateType.BUSINESS_LICENSE, id, true,
                TestClock.now().minusDays(400), TestClock.now().minusDays(397), true,
                LocalDate.of(2020, 1, 1), TestClock.today().plusYears(1), false, false), null, false));
    }

    private List<Finding> check(Province p, SubjectNature n, WebsiteContent w) {
        return checks.check(List.of(w), ctx(FilingType.FIRST_FILING, p, n));
    }

    private WebsiteChecks.Context ctx(FilingType type, Province p, SubjectNature n) {
        OrderSubjectOutlined s = n == SubjectNature.PERSON ? subject()
                : new OrderSubjectOutlined("o", "a", "s", type, p, n, "北京拾光数据有限公司",
                        CertificateType.BUSINESS_LICENSE, "91110108MA01XY7K9D", null,
                        new Person("李娜", CertificateType.RESIDENT_ID, LINA_ID, "13800000013", "a@b.cn"), false, 1,
                        TestClock.now());
        return new WebsiteChecks.Context(type, p, n, s, TestClock.today(), registry, Map.of(), Set.of(), null);
    }

    private static OrderSubjectOutlined subject() {
        return new OrderSubjectOutlined("o", "a", "s", FilingType.FIRST_FILING, Province.GUANGDONG,
                SubjectNature.PERSON, "李娜", CertificateType.RESIDENT_ID, LINA_ID, null,
                new Person("李娜", CertificateType.RESIDENT_ID, LINA_ID, "13800000013", "a@b.cn"), false, 1,
                TestClock.now());
    }

    static WebsiteContent site(String name, String remarks, String... domains) {
        return new WebsiteContent(name, List.of(domains), List.of("http://" + domains[0]), ServiceContent.OTHER,
                List.of(), List.of("zh-CN"), remarks, true, null, List.of("srv-1"), List.of(), List.of());
    }

    private static List<String> codes(List<Finding> f) {
        return f.stream().map(Finding::ruleId).toList();
    }

    private static void assertHas(List<Finding> f, String rule, boolean blocking) {
        Finding found = f.stream().filter(x -> rule.equals(x.ruleId())).findFirst()
                .orElseThrow(() -> new AssertionError(rule + " not in " + f));
        assertEquals(blocking, found.blocking(), found.toString());
        assertTrue(found.message() != null && !found.message().isBlank());
    }
}
