package cn.beian.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.PreApprovalType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.ServiceContent;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.order.FilingType;
import cn.beian.rules.AppliesTo;
import cn.beian.rules.ContentCategory;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.rules.OrderDocument.PreApproval;
import cn.beian.rules.OrderDocument.Website;
import cn.beian.rules.Outcome;
import cn.beian.rules.Rule;
import cn.beian.rules.RuleEngine;
import cn.beian.rules.RuleFinding;
import cn.beian.rules.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The website family's checks beyond each rule's own two examples. */
class WebsiteChecksTest {

    private static final RuleEngine ENGINE = RuleEngine.standard();
    private static final Facts FACTS = Facts.on(LocalDate.of(2026, 6, 1));
    private static final Set<String> CHECKS = WebsiteChecks.all().keySet();
    /** Checks whose rules ask for a remark to be there: an absent remark fails them by design. */
    private static final Set<String> PRESENCE = Set.of("CONTENT_REMARK", "PERSONAL_STATEMENT_REMARK");
    private static final String STATEMENT = "本网站是个人网站，不含有企业、单位等非个人网站的信息，若在核实中发现网站中含有企业、"
            + "单位等信息，本人愿接受以虚假信息进行备案，注销网站，并将主体和域名加入黑名单的处罚。";

    // ---- orders

    static OrderDocument.Subject subject(Province p, SubjectNature nature, String name) {
        OrderDocument.Person principal = new OrderDocument.Person("张三", CertificateType.RESIDENT_ID,
                "110101199001011234", null, "13800000013", null, null);
        return new OrderDocument.Subject(nature, p, null, null, name,
                nature == SubjectNature.PERSON ? CertificateType.RESIDENT_ID : CertificateType.BUSINESS_LICENSE,
                null, null, null, null, null, null, false, null, false, principal,
                nature == SubjectNature.PERSON ? null : principal);
    }

    static Website site(String name, List<String> domains, List<String> urls, String remarks,
            List<ContentCategory> categories, List<PreApproval> approvals) {
        return new Website(name, domains, urls, ServiceContent.OTHER, categories, approvals, List.of("zh-CN"), remarks,
                true, null, null);
    }

    static Website site() {
        return site("某某的网站", List.of("example.cn"), List.of("http://www.example.cn"), null, List.of(), List.of());
    }

    static OrderDocument order(Province p, SubjectNature nature, Website... sites) {
        return new OrderDocument(FilingType.FIRST_FILING, null,
                subject(p, nature, nature == SubjectNature.PERSON ? "张三" : p.chineseName() + "某某科技有限公司"),
                List.of(sites), List.of(), null);
    }

    static OrderDocument withSubjectRemark(OrderDocument o, String remark) {
        OrderDocument.Subject s = o.subject();
        return new OrderDocument(o.type(), o.changeKind(), new OrderDocument.Subject(s.nature(), s.province(), s.city(),
                s.district(), s.name(), s.certificateType(), s.certificateNumber(), s.certificateValidUntil(),
                s.certificateAddress(), s.communicationAddress(), s.investor(), remark, s.individualBusiness(),
                s.tradeName(), s.nationalLevel(), s.principal(), s.legalPerson()), o.websites(), o.materials(),
                o.photoChannel());
    }

    static List<Rule> rules(String id) {
        return ENGINE.book().rules().stream().filter(r -> r.id().equals(id)).toList();
    }

    static Rule rule(String id, Severity severity) {
        return rules(id).stream().filter(r -> r.severity() == severity).findFirst().orElseThrow();
    }

    static List<RuleFinding> judge(Rule rule, OrderDocument order) {
        RuleEngine engine = new RuleEngine(ENGINE.book(), cn.beian.rules.Checks.standard());
        return engine.judge(order, FACTS, false, r -> r == rule);
    }

    /** Judges a rule alone, also with a changed copy (a variant), which the engine's book does not hold. */
    static List<RuleFinding> judgeAlone(Rule rule, OrderDocument order) {
        cn.beian.rules.Verdicts out = new cn.beian.rules.Verdicts();
        WebsiteChecks.all().get(rule.check()).judge(rule, order, FACTS, out);
        return out.all().stream().map(v -> new RuleFinding(rule.id(), v.fieldKey(), rule.severity(), v.outcome(),
                String.valueOf(v.args()), null)).toList();
    }

    static boolean fails(List<RuleFinding> findings) {
        return findings.stream().anyMatch(f -> f.outcome() == Outcome.FAILED);
    }

    // ---- CONFLICT: CQ-B-07, one URL per domain (003 #14, default) or one URL per website (003 #19)

    @Test
    void chongqingHomepageVariantChangesTheVerdict() {
        Rule byDefault = rules("CQ-B-07").get(0);
        Rule oneUrl = byDefault.withVariant("003 #19");
        OrderDocument perDomain = order(Province.CHONGQING, SubjectNature.PERSON, site("某某的网站",
                List.of("example.cn", "example.com.cn"), List.of("http://www.example.cn", "http://www.example.com.cn"),
                null, List.of(), List.of()));
        OrderDocument single = order(Province.CHONGQING, SubjectNature.PERSON, site("某某的网站",
                List.of("example.cn", "example.com.cn"), List.of("http://www.example.cn"), null, List.of(),
                List.of()));
        assertFalse(fails(judgeAlone(byDefault, perDomain)));
        assertTrue(fails(judgeAlone(oneUrl, perDomain)));
        assertTrue(fails(judgeAlone(byDefault, single)));
        assertFalse(fails(judgeAlone(oneUrl, single)));
    }

    // ---- GX-P-02 / TJ-P-01: the statement clause by clause after normalising

    @Test
    void statementIsComparedClauseByClauseAfterNormalising() {
        Rule gx = rules("GX-P-02").get(0);
        for (String remark : List.of(STATEMENT, STATEMENT.replace("不含有", "不含"),
                STATEMENT.replace('，', ',').replace("。", "."),
                "“" + STATEMENT.replace("，", "， ") + "”网站用于分享读书笔记。",
                "网站内容：读书笔记。" + STATEMENT.replace("不含有", "不含").replace('，', '；'))) {
            OrderDocument o = order(Province.GUANGXI, SubjectNature.PERSON, site("某某的网站", List.of("example.cn"),
                    List.of("http://www.example.cn"), remark, List.of(), List.of()));
            assertFalse(fails(judge(gx, o)), remark);
        }
        String cut = STATEMENT.replace("注销网站，", "");
        List<RuleFinding> f = judge(gx, order(Province.GUANGXI, SubjectNature.PERSON, site("某某的网站",
                List.of("example.cn"), List.of("http://www.example.cn"), cut, List.of(), List.of())));
        assertTrue(fails(f));
        assertTrue(f.get(0).message().contains("注销网站"), f.get(0).message());
        assertEquals("websites[0].remarks", f.get(0).fieldKey());
    }

    // ---- TJ-B-08: content categories imply pre-approvals; persons cannot hold one

    @Test
    void tianjinContentNeedsItsPreApprovalAndPersonsCannotHoldOne() {
        Rule declared = rule("TJ-B-08", Severity.BLOCKS);
        List<PreApproval> news = List.of(new PreApproval(PreApprovalType.NEWS, "津新闻〔2026〕1号"));
        Website withApproval = site("某某资讯", List.of("example.cn"), List.of("http://www.example.cn"), null,
                List.of(ContentCategory.NEWS), news);
        Website without = site("某某资讯", List.of("example.cn"), List.of("http://www.example.cn"), null,
                List.of(ContentCategory.NEWS), List.of());
        assertFalse(fails(judge(declared, order(Province.TIANJIN, SubjectNature.ENTERPRISE, withApproval))));
        List<RuleFinding> unit = judge(declared, order(Province.TIANJIN, SubjectNature.ENTERPRISE, without));
        assertEquals("websites[0].preApprovals", unit.get(0).fieldKey());
        assertTrue(unit.get(0).message().contains("新闻"), unit.get(0).message());
        List<RuleFinding> person = judge(declared, order(Province.TIANJIN, SubjectNature.PERSON, withApproval));
        assertTrue(fails(person), "a person's pre-approval does not count");
        assertTrue(person.get(0).suggestion().contains("单位"), person.get(0).suggestion());
    }

    @Test
    void keywordsAreAChecklistHintOnlyWhenNoCategoryIsDeclared() {
        Rule keywords = rule("TJ-B-08", Severity.CHECKLIST);
        Website named = site("某某游戏攻略", List.of("example.cn"), List.of("http://www.example.cn"), null, List.of(),
                List.of());
        List<RuleFinding> f = judge(keywords, order(Province.TIANJIN, SubjectNature.PERSON, named));
        assertEquals(1, f.size());
        assertEquals(Severity.CHECKLIST, f.get(0).severity());
        assertEquals("websites[0].name", f.get(0).fieldKey());
        Website declaredOther = site("某某游戏攻略", List.of("example.cn"), List.of("http://www.example.cn"), null,
                List.of(ContentCategory.OTHER), List.of());
        assertFalse(fails(judge(keywords, order(Province.TIANJIN, SubjectNature.PERSON, declaredOther))));
        Website inRemark = site("某某的网站", List.of("example.cn"), List.of("http://www.example.cn"),
                "本站发布影视评论", List.of(), List.of());
        assertEquals("websites[0].remarks",
                judge(keywords, order(Province.TIANJIN, SubjectNature.PERSON, inRemark)).get(0).fieldKey());
    }

    // ---- ZJ-P-03: all seven categories

    @Test
    void zhejiangRefusesAllSevenCategoriesForPersons() {
        Rule zj = rule("ZJ-P-03", Severity.BLOCKS);
        for (ContentCategory c : List.of(ContentCategory.ONLINE_SHOPPING, ContentCategory.E_GOVERNMENT,
                ContentCategory.E_COMMERCE, ContentCategory.ONLINE_PAYMENT, ContentCategory.NEWS,
                ContentCategory.EDUCATION, ContentCategory.BLOG)) {
            Website w = site("某某的网站", List.of("example.cn"), List.of("http://www.example.cn"), null,
                    List.of(ContentCategory.OTHER, c), List.of());
            assertEquals(1, judge(zj, order(Province.ZHEJIANG, SubjectNature.PERSON, w)).size(), c.name());
        }
        Website games = site("某某的网站", List.of("example.cn"), List.of("http://www.example.cn"), null,
                List.of(ContentCategory.GAMES), List.of());
        assertFalse(fails(judge(zj, order(Province.ZHEJIANG, SubjectNature.PERSON, games))));
        Rule kw = rule("ZJ-P-03", Severity.CHECKLIST);
        for (String name : List.of("张三的网上商城", "张三的电商笔记", "张三的新闻评论", "张三的网校", "张三的博客",
                "张三的政务随笔", "张三的网银攻略")) {
            Website w = site(name, List.of("example.cn"), List.of("http://www.example.cn"), null, List.of(),
                    List.of());
            assertTrue(fails(judge(kw, order(Province.ZHEJIANG, SubjectNature.PERSON, w))), name);
        }
    }

    // ---- SD-P-02: which remark

    @Test
    void shandongAcceptsTheSubjectRemarkWithAWarningNamingTheWebsiteRemark() {
        Rule blocks = rule("SD-P-02", Severity.BLOCKS);
        Rule warns = rule("SD-P-02", Severity.WARNS);
        String description = "本网站用于分享本人的读书笔记和摄影作品";
        OrderDocument inSubject = withSubjectRemark(order(Province.SHANDONG, SubjectNature.PERSON, site()),
                description);
        assertFalse(fails(judge(blocks, inSubject)));
        List<RuleFinding> w = judge(warns, inSubject);
        assertEquals(1, w.size());
        assertEquals("websites[0].remarks", w.get(0).fieldKey());
        assertTrue(w.get(0).message().contains("网站备注"));
        OrderDocument nowhere = order(Province.SHANDONG, SubjectNature.PERSON, site());
        assertTrue(fails(judge(blocks, nowhere)));
        assertFalse(fails(judge(warns, nowhere)));
        OrderDocument inWebsite = order(Province.SHANDONG, SubjectNature.PERSON, site("某某的网站",
                List.of("example.cn"), List.of("http://www.example.cn"), description, List.of(), List.of()));
        assertFalse(fails(judge(blocks, inWebsite)));
        assertFalse(fails(judge(warns, inWebsite)));
    }

    // ---- issue 14's mismatches

    @Test
    void hubeiPrefixRuleIsForUnitsOnlyAndChongqingNameRuleBlocks() {
        OrderDocument person = order(Province.HUBEI, SubjectNature.PERSON, site("湖北风光摄影", List.of("example.cn"),
                List.of("http://www.example.cn"), null, List.of(), List.of()));
        assertTrue(ENGINE.judge(person, FACTS, false).stream().noneMatch(f -> f.ruleId().equals("HB-U-06")));
        Rule hb = rules("HB-U-06").get(0);
        assertEquals(AppliesTo.UNIT, hb.appliesTo());
        Rule cq = rules("CQ-U-07").get(0);
        assertEquals(Severity.BLOCKS, cq.severity());
        OrderDocument other = order(Province.CHONGQING, SubjectNature.SOCIAL_ORGANIZATION, site());
        assertFalse(fails(judge(cq, other)), "only enterprises");
        OrderDocument fullWidth = order(Province.CHONGQING, SubjectNature.ENTERPRISE, site("重庆某某科技有限公司 ",
                List.of("example.cn"), List.of("http://www.example.cn"), null, List.of(), List.of()));
        assertFalse(fails(judge(cq, fullWidth)));
    }

    @Test
    void homepageHostsAreJudgedAgainstTheDomainList() {
        Rule sn = rules("SN-B-06").get(0);
        for (String ok : List.of("http://www.example.cn", "https://example.cn/", "www.example.cn:8080/index.html",
                "HTTP://WWW.EXAMPLE.CN")) {
            assertFalse(fails(judge(sn, order(Province.SHAANXI, SubjectNature.PERSON, site("某某的网站",
                    List.of("example.cn"), List.of(ok), null, List.of(), List.of())))), ok);
        }
        for (String bad : List.of("http://www.example.com", "http://notexample.cn",
                "http://www.example.cn；http://example.cn", "http://www.example.cn,http://example.cn")) {
            List<RuleFinding> f = judge(sn, order(Province.SHAANXI, SubjectNature.PERSON, site("某某的网站",
                    List.of("example.cn"), List.of(bad), null, List.of(), List.of())));
            assertEquals("websites[0].homepageUrls[0]", f.get(0).fieldKey(), bad);
        }
    }

    @Test
    void personalSiteNameMustNameTheApplicantAndIsMasked() {
        Rule hb = rules("HB-P-02").get(0);
        List<RuleFinding> f = judge(hb, order(Province.HUBEI, SubjectNature.PERSON, site("欧阳修的个人网站",
                List.of("example.cn"), List.of("http://www.example.cn"), null, List.of(), List.of())));
        assertTrue(f.get(0).message().contains("欧**"), f.get(0).message());
        assertFalse(f.get(0).message().contains("欧阳修"));
        assertFalse(fails(judge(hb, order(Province.HUBEI, SubjectNature.PERSON, site("美好生活记录",
                List.of("example.cn"), List.of("http://www.example.cn"), null, List.of(), List.of())))));
    }

    // ---- odd input

    @Test
    void absentDataFailsNothingButTheRemarksThatMustBeThere() {
        List<Website> absent = List.of(
                new Website(null, null, null, null, null, null, null, null, null, null, null),
                new Website("   ", List.of(), List.of(), null, List.of(), List.of(), List.of(), "", null, null, ""));
        List<String> problems = new ArrayList<>();
        for (Rule rule : familyRules()) {
            for (OrderDocument o : orders(rule, absent)) {
                for (RuleFinding f : judge(rule, o)) {
                    if (f.outcome() == Outcome.UNDETERMINED) {
                        problems.add(rule.id() + " undetermined: " + f.message());
                    } else if (!PRESENCE.contains(rule.check()) || !f.fieldKey().endsWith(".remarks")) {
                        problems.add(rule.id() + " failed on absent data: " + f.fieldKey());
                    }
                }
            }
            OrderDocument none = new OrderDocument(null, null, subject(province(rule), SubjectNature.PERSON, null),
                    null, null, null);
            if (!judge(rule, none).isEmpty()) {
                problems.add(rule.id() + " reported on an order without websites");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void malformedDataNeverMakesACheckThrow() {
        List<Website> odd = List.of(new Website("\u0000 ", List.of("", "  ", "http://x", "中文。中国", "a..b",
                "*.example.cn", "1.2.3.4", "example.cn:80", "-x-.cn"),
                List.of("", "not a url", "http://", "://", "https://[::1]/", "@", "http://:80", "http://x.cn;y.cn"),
                ServiceContent.OTHER, List.of(ContentCategory.OTHER),
                List.of(new PreApproval(null, null), new PreApproval(PreApprovalType.NEWS, "  "),
                        new PreApproval(null, "无")),
                List.of(), "\uD800", false, new OrderDocument.Person(null, null, null, null, null, null, null), "x"));
        List<String> problems = new ArrayList<>();
        for (Rule rule : familyRules()) {
            for (OrderDocument o : orders(rule, odd)) {
                judge(rule, o).stream().filter(f -> f.outcome() == Outcome.UNDETERMINED)
                        .forEach(f -> problems.add(rule.id() + ": " + f.message()));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static List<Rule> familyRules() {
        return ENGINE.book().rules().stream().filter(r -> CHECKS.contains(r.check())).toList();
    }

    private static Province province(Rule rule) {
        return rule.provinces().isEmpty() ? Province.BEIJING : rule.provinces().iterator().next();
    }

    /** The websites in a person's and an enterprise's order of the rule's province, with full and bare subjects. */
    private static List<OrderDocument> orders(Rule rule, List<Website> websites) {
        Province p = province(rule);
        List<OrderDocument> out = new ArrayList<>();
        for (SubjectNature nature : List.of(SubjectNature.PERSON, SubjectNature.ENTERPRISE)) {
            out.add(new OrderDocument(FilingType.FIRST_FILING, null, subject(p, nature, null), websites, List.of(),
                    null));
            out.add(new OrderDocument(null, null, new OrderDocument.Subject(nature, p, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null), websites, null, null));
        }
        return out;
    }
}
