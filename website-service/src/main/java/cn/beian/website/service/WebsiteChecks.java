package cn.beian.website.service;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.findings.Finding;
import cn.beian.contract.findings.Finding.Severity;
import cn.beian.contract.order.FilingType;
import cn.beian.national.client.DomainRegistration;
import cn.beian.platform.problem.Messages;
import cn.beian.rules.RuleEngine;
import cn.beian.validators.CertificateValidator;
import cn.beian.validators.Problem;
import cn.beian.validators.domain.ApprovedSuffixes;
import cn.beian.validators.domain.DomainNames;
import cn.beian.validators.domain.ParsedDomain;
import cn.beian.validators.domain.SuffixJudgement;
import cn.beian.contract.domain.PreApprovalType;
import cn.beian.website.domain.WebsiteContent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The domain, name and content checks of an order's websites (docs/domain.md §5.2, §5.4 and the province rules), each
 * finding explained with a rule id (the docs/province-rules.md id where a province rule is the reason) and a severity.
 * Pure: registry answers and what is taken here come in {@link Context}.
 */
public final class WebsiteChecks {

    /** What the checks need besides the websites. */
    public record Context(
            FilingType type,
            Province province,
            SubjectNature nature,
            OrderSubjectOutlined subject,
            LocalDate today,
            Map<String, RegistryFacts> registry,
            Map<String, String> takenHere,
            Set<String> alreadyFiledDomains,
            List<cn.beian.rules.Facts.ExistingSite> existingSites) {
    }

    private static final WebsiteChecks STANDARD = new WebsiteChecks(ApprovedSuffixes.standard(),
            RuleEngine.standard());
    /** The registry did not answer for a domain: an outage, judged again by {@code RegistryRecheckJob}. */
    public static final String REGISTRY_UNAVAILABLE = "DOMAIN_REGISTRY_UNAVAILABLE";
    private static final Set<String> UNIT_WORDS = Set.of("公司", "企业", "集团", "有限", "股份", "俱乐部", "协会", "学会",
            "商会", "联盟", "社区", "工作室", "官网", "官方", "门户", "政府", "委员会", "研究院", "研究所", "学校", "学院",
            "大学", "医院", "中心", "厂", "店", "商城", "商贸", "科技", "网络科技", "事务所", "基金会", "合作社", "团队");
    private static final Set<String> RESERVED_NAME_WORDS = Set.of("中国", "国家", "中华", "中央", "全国");
    private static final List<String> PLACE_NAMES = placeNames();
    private static final Pattern OWNER_PREFIX = Pattern.compile("^(\\p{IsHan}{2,4})的");
    private static final Pattern LATIN_ONLY = Pattern.compile("^[\\p{IsLatin}0-9 .,'&_-]+$");
    private static final Pattern URL_LIKE = Pattern.compile("(?i)^(https?://)?[a-z0-9-]+(\\.[a-z0-9-]+)+(/.*)?$");
    private static final int MIN_CONTENT_REMARK = 10;

    private final ApprovedSuffixes suffixes;
    private final ProvinceRuleFindings rules;
    private final Set<String> registrantRules;

    public WebsiteChecks(ApprovedSuffixes suffixes, RuleEngine engine) {
        this.suffixes = suffixes;
        this.rules = new ProvinceRuleFindings(engine);
        this.registrantRules = rules.registrantRuleIds();
    }

    public static WebsiteChecks standard() {
        return STANDARD;
    }

    /** Whether a finding says who may hold a domain (then the domain's certificate is asked for). */
    public boolean aboutRegistrant(Finding f) {
        return registrantRules.contains(f.ruleId());
    }

    /** Every finding on the order's websites. */
    public List<Finding> check(List<WebsiteContent> websites, Context ctx) {
        List<Finding> out = new ArrayList<>();
        if (websites.isEmpty()) {
            out.add(new Finding("WEBSITES_MISSING", "websites", Severity.BLOCKING, "请至少添加一个网站"));
        }
        if (ctx.subject() == null) {
            out.add(new Finding("SUBJECT_UNKNOWN", null, Severity.BLOCKING, "尚未收到订单的主体信息，请稍后再试"));
        }
        Map<String, String> registrableSeen = new HashMap<>();
        for (int i = 0; i < websites.size(); i++) {
            WebsiteContent w = websites.get(i);
            String key = "websites[" + i + "]";
            checkDomains(w, key, ctx, registrableSeen, out);
            checkName(w, key, ctx, out);
            checkContent(w, key, ctx, out);
        }
        out.addAll(rules.judge(websites, ctx));
        return out;
    }

    /** Whether the filing type verifies (some of) its domains at the registries (docs/domain.md §5.2). */
    public static boolean verifiesDomains(FilingType type) {
        return type != null && verified(type, "", Set.of());
    }

    /** Whether a domain is verified at all for this filing type (docs/domain.md §5.2). */
    static boolean verified(FilingType type, String domain, Set<String> alreadyFiled) {
        return switch (type) {
            case FIRST_FILING, NEW_WEBSITE, NEW_WEBSITE_SUBJECT_ELSEWHERE -> true;
            case CHANGE -> !alreadyFiled.contains(domain);
            case ACCESS_FILING, CANCEL_ACCESS, DEREGISTER_WEBSITE, DEREGISTER_SUBJECT -> false;
        };
    }

    /** One domain on its own (the domain-check API): parsing, suffix, prefix words, registry. */
    public List<Finding> checkDomain(String raw, String key, Context ctx) {
        List<Finding> out = new ArrayList<>();
        var parsed = DomainNames.parse(raw);
        if (!parsed.isValid()) {
            var p = parsed.problem().orElseThrow();
            out.add(new Finding(p.code(), key, Severity.BLOCKING, zh(p)));
            return out;
        }
        judgeDomain(parsed.orElseThrow(), key, ctx, true, out);
        WebsiteContent alone = new WebsiteContent(null, List.of(raw), List.of(), null, List.of(), List.of(), null,
                true, null, List.of(), List.of());
        for (Finding f : rules.judge(List.of(alone), ctx)) {
            if ("websites[0].domains[0]".equals(f.fieldKey())) {
                out.add(new Finding(f.ruleId(), key, f.severity(), f.message()));
            }
        }
        return out;
    }

    private void checkDomains(WebsiteContent w, String key, Context ctx, Map<String, String> registrableSeen,
            List<Finding> out) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (int j = 0; j < w.domains().size(); j++) {
            String fk = key + ".domains[" + j + "]";
            var parsed = DomainNames.parse(w.domains().get(j));
            if (!parsed.isValid()) {
                var p = parsed.problem().orElseThrow();
                out.add(new Finding(p.code(), fk, Severity.BLOCKING, zh(p)));
                continue;
            }
            ParsedDomain d = parsed.orElseThrow();
            prefixes.add(d.prefix());
            String earlier = registrableSeen.putIfAbsent(d.registrableDomain(), key);
            if (earlier != null && !earlier.equals(key)) {
                out.add(new Finding("DOMAIN_DUPLICATED", fk, Severity.BLOCKING,
                        "域名 " + d.registrableUnicode() + " 已在本订单的其他网站（" + earlier + "）中填写"));
            }
            String holder = ctx.takenHere().get(d.registrableDomain());
            if (holder != null) {
                out.add(new Finding("DOMAIN_TAKEN_HERE", fk, Severity.BLOCKING,
                        "域名 " + d.registrableUnicode() + " 已由其他主体在本平台备案或正在备案（" + holder + "）"));
            }
            judgeDomain(d, fk, ctx, verified(ctx.type(), d.ascii(), ctx.alreadyFiledDomains()), out);
        }
        // Provinces with their own grouping rule judge it (DOMAINS_PER_WEBSITE); elsewhere this is advice.
        if (prefixes.size() > 1 && !rules.applies("DOMAINS_PER_WEBSITE", ctx)) {
            if (!contains(w.remarks(), "指向同一网站")) {
                out.add(new Finding("DOMAIN_PREFIXES_DIFFER", key + ".domains", Severity.WARNING,
                        "不同前缀的域名（" + String.join("、", prefixes) + "）通常应分别备案为不同网站；如指向同一网站，"
                                + "请在备注中注明“域名指向同一网站”"));
            }
        }
    }

    private void judgeDomain(ParsedDomain d, String fk, Context ctx, boolean verify, List<Finding> out) {
        SuffixJudgement s = suffixes.judge(d.suffix(), ctx.province(), ctx.today());
        // A province's own list (Beijing's) is the province rule's to judge (SUFFIX_ACCEPTED); this is the national one.
        if (!s.approved() && s.ruleId() == null) {
            out.add(new Finding(s.ruleId() != null ? s.ruleId() : s.code(), fk, Severity.BLOCKING,
                    "域名后缀 ." + d.suffixUnicode() + " 不可备案：" + Messages.text(false, s.key(), s.args().toArray())));
        }
        if (!verify) {
            return;
        }
        RegistryFacts facts = ctx.registry().get(d.registrableDomain());
        if (facts == null || facts.unavailable()) {
            out.add(new Finding(REGISTRY_UNAVAILABLE, fk, Severity.BLOCKING,
                    "暂时无法查询域名 " + d.registrableUnicode() + " 的注册信息，请稍后重试"));
            return;
        }
        registration(d, fk, ctx, facts.registration(), out);
        if (facts.filing() != null && facts.filing().website() != null) {
            var filing = facts.filing();
            boolean sameSubject = ctx.subject() != null && filing.subject() != null
                    && sameCertificate(filing.subject().certificateNumber(), ctx.subject().certificateNumber());
            if (!sameSubject) {
                out.add(new Finding("DOMAIN_FILED_UNDER_ANOTHER_SUBJECT", fk, Severity.BLOCKING,
                        "域名 " + d.registrableUnicode() + " 已在其他主体下备案（" + filing.website().websiteFilingNumber()
                                + "），请先由原主体注销或变更"));
            } else if (ctx.type() != FilingType.CHANGE) {
                out.add(new Finding("DOMAIN_ALREADY_FILED", fk, Severity.BLOCKING,
                        "域名 " + d.registrableUnicode() + " 已备案（" + filing.website().websiteFilingNumber()
                                + "），请选择接入备案或变更备案"));
            }
        }
    }

    private void registration(ParsedDomain d, String fk, Context ctx, DomainRegistration reg, List<Finding> out) {
        String shown = d.registrableUnicode();
        if (reg == null) {
            out.add(new Finding("DOMAIN_NOT_REGISTERED", fk, Severity.BLOCKING,
                    "域名 " + shown + " 未查到注册信息，请确认域名已注册"));
            return;
        }
        if (reg.expired() || (reg.expiresOn() != null && reg.expiresOn().isBefore(ctx.today()))) {
            out.add(new Finding("DOMAIN_EXPIRED", fk, Severity.BLOCKING, "域名 " + shown + " 已过期，请续费后再备案"));
        }
        if (reg.registeredAbroad() && !rules.applies("REGISTERED_ABROAD", ctx)) {
            out.add(new Finding("DOMAIN_REGISTERED_ABROAD", fk, Severity.BLOCKING,
                    "域名 " + shown + " 在境外注册商注册，请转入境内注册商后再备案"));
        }
        if (!reg.realNameVerified()) {
            out.add(new Finding("DOMAIN_REAL_NAME_MISSING", fk, Severity.BLOCKING,
                    "域名 " + shown + " 未完成实名认证，请先在注册商处完成实名认证"));
        } else if (!reg.realNameVisibleToAuthority()) {
            String from = reg.realNameVisibleToAuthorityFrom() == null ? "约 3 个工作日后"
                    : reg.realNameVisibleToAuthorityFrom().toLocalDate() + " 之后";
            out.add(new Finding("DOMAIN_REAL_NAME_PENDING", fk, Severity.BLOCKING,
                    "域名 " + shown + " 的实名认证数据尚未同步至管局，请于 " + from + "再提交"));
        }
    }

    private void checkName(WebsiteContent w, String key, Context ctx, List<Finding> out) {
        String name = w.name() == null ? "" : w.name().strip();
        String fk = key + ".name";
        SubjectNature nature = ctx.nature();
        String subjectName = ctx.subject() == null ? null : ctx.subject().name();
        boolean person = nature == SubjectNature.PERSON;
        if (URL_LIKE.matcher(name).matches()) {
            out.add(new Finding("NAME_IS_DOMAIN", fk, Severity.BLOCKING, "网站名称不能是域名或网址"));
        } else if (LATIN_ONLY.matcher(name).matches() && !rules.applies("WEBSITE_NAME_FORM", ctx)) {
            out.add(new Finding("NAME_LATIN_ONLY", fk, Severity.WARNING, "网站名称为纯英文，管局通常要求使用中文名称"));
        }
        for (String word : RESERVED_NAME_WORDS) {
            if (name.contains(word) && nature != SubjectNature.GOVERNMENT) {
                out.add(new Finding("NAME_RESERVED_WORD", fk, Severity.BLOCKING,
                        "网站名称含“" + word + "”，仅国家级单位可使用"));
                break;
            }
        }
        if (person) {
            personName(name, fk, subjectName, ctx, out);
        }
    }

    /** A person's site may not look like a unit's, carry place names, or another person's name (§5.4). */
    private void personName(String name, String fk, String subjectName, Context ctx, List<Finding> out) {
        String ownNameStripped = subjectName == null ? name : name.replace(subjectName, "");
        for (String word : UNIT_WORDS) {
            if (ownNameStripped.contains(word)) {
                out.add(new Finding("NAME_UNIT_LIKE_FOR_PERSON", fk, Severity.BLOCKING,
                        "个人网站名称不能含有“" + word + "”等企业、组织、社团或社区类字样"));
                break;
            }
        }
        for (String place : PLACE_NAMES) {
            if (ownNameStripped.contains(place)) {
                out.add(new Finding("NAME_PLACE_FOR_PERSON", fk, Severity.BLOCKING,
                        "个人网站名称不能含有地名（“" + place + "”）"));
                break;
            }
        }
        Matcher m = OWNER_PREFIX.matcher(name);
        if (m.find() && subjectName != null && !m.group(1).equals(subjectName)
                && !Set.of("我", "我们", "个人", "小", "我的").contains(m.group(1))) {
            out.add(new Finding("NAME_OTHER_PERSON", fk, Severity.BLOCKING,
                    "个人网站名称不能使用他人姓名（“" + m.group(1) + "”）；可命名为“" + subjectName + "的个人网站”"));
        }
    }

    private void checkContent(WebsiteContent w, String key, Context ctx, List<Finding> out) {
        SubjectNature nature = ctx.nature();
        boolean person = nature == SubjectNature.PERSON;
        String text = (w.name() == null ? "" : w.name());
        Set<PreApprovalType> declared = EnumSet.noneOf(PreApprovalType.class);
        w.preApprovals().forEach(p -> declared.add(p.type()));
        for (int i = 0; i < w.preApprovals().size(); i++) {
            WebsiteContent.PreApproval p = w.preApprovals().get(i);
            if (person) {
                out.add(new Finding("PRE_APPROVAL_FOR_PERSON", key + ".preApprovals[" + i + "]", Severity.BLOCKING,
                        "个人不能办理“" + p.type().chineseName() + "”等前置审批类网站，请以单位主体备案"));
            }
        }
        for (PreApprovalType t : PreApprovalType.values()) {
            boolean suggested = false;
            for (String k : t.keywords()) {
                suggested |= text.contains(k);
            }
            if (!suggested || declared.contains(t)) {
                continue;
            }
            if (t == PreApprovalType.BULLETIN_BOARD && person) {
                out.add(new Finding("FORUM_FOR_PERSON", key + ".name", Severity.BLOCKING,
                        "个人不能开办论坛、社区等电子公告服务类网站"));
            } else {
                out.add(new Finding("PRE_APPROVAL_MISSING", key + ".preApprovals", Severity.BLOCKING, "网站名称涉及“"
                        + t.chineseName() + "”内容，须选择“" + t.chineseName() + "”前置审批并填写审批文号"));
            }
        }
        // Provinces with their own remark rules judge the remark (CONTENT_REMARK, PERSONAL_STATEMENT_REMARK).
        if (person && (w.remarks() == null || w.remarks().strip().length() < MIN_CONTENT_REMARK)
                && !rules.applies("CONTENT_REMARK", ctx) && !rules.applies("PERSONAL_STATEMENT_REMARK", ctx)) {
            out.add(new Finding("REMARK_CONTENT_MISSING", key + ".remarks", Severity.BLOCKING,
                    "个人网站须在备注中说明网站的具体内容（不少于 " + MIN_CONTENT_REMARK + " 个字）"));
        }
    }

    private static boolean contains(String text, String what) {
        return text != null && text.contains(what);
    }

    /** A validators problem in zh-CN: findings are zh-CN data, whoever reads them (no request language here). */
    private static String zh(Problem p) {
        return Messages.text(false, p.key(), p.args().toArray());
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.strip().equals(b.strip());
    }

    static boolean sameCertificate(String a, String b) {
        return a != null && b != null
                && CertificateValidator.normalise(a).equals(CertificateValidator.normalise(b));
    }

    private static List<String> placeNames() {
        List<String> names = new ArrayList<>();
        for (Province p : Province.values()) {
            names.add(p.chineseName());
        }
        names.addAll(List.of("中国", "北京", "上海", "天津", "重庆", "广州", "深圳", "杭州", "南京", "武汉", "成都", "西安",
                "苏州", "长沙", "郑州", "青岛", "沈阳", "大连", "厦门", "宁波", "济南", "合肥", "福州", "昆明", "哈尔滨",
                "长春", "石家庄", "太原", "南昌", "南宁", "贵阳", "兰州", "海口", "银川", "西宁", "拉萨", "乌鲁木齐",
                "呼和浩特", "东莞", "佛山", "无锡", "温州"));
        return List.copyOf(names);
    }
}
