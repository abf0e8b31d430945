package cn.beian.website.service;

import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.findings.Finding;
import cn.beian.contract.findings.Finding.Severity;
import cn.beian.contract.order.ChangeKind;
import cn.beian.contract.order.FilingType;
import cn.beian.website.domain.OrderProjection;
import cn.beian.national.client.DomainRegistration;
import cn.beian.platform.problem.Messages;
import cn.beian.rules.RuleEngine;
import cn.beian.validators.CertificateValidator;
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
            List<cn.beian.rules.Facts.ExistingSite> existingSites,
            ChangeKind changeKind) {

        /** The context of an order that is not a change (or whose change kind does not matter). */
        public Context(FilingType type, Province province, SubjectNature nature, OrderSubjectOutlined subject,
                LocalDate today, Map<String, RegistryFacts> registry, Map<String, String> takenHere,
                Set<String> alreadyFiledDomains, List<cn.beian.rules.Facts.ExistingSite> existingSites) {
            this(type, province, nature, subject, today, registry, takenHere, alreadyFiledDomains, existingSites, null);
        }
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
        boolean removing = ctx.type() != null && OrderProjection.removesOnly(ctx.type());
        // A subject may be deregistered with no website left; the other removing orders name at least one.
        if (websites.isEmpty() && ctx.type() != FilingType.DEREGISTER_SUBJECT) {
            out.add(finding("WEBSITES_MISSING", "websites", Severity.BLOCKING, "finding.websites-missing"));
        }
        if (ctx.subject() == null) {
            out.add(finding("SUBJECT_UNKNOWN", null, Severity.BLOCKING, "finding.subject-unknown"));
        }
        if (removing) {
            // Cancelling access or deregistering removes an approved filing as it stands: no domain, name, content or
            // province rule of a new filing applies to it (a legacy name or a suffix refused since may be removed).
            return out;
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
            out.add(finding(p.code(), key, Severity.BLOCKING, p.key(), p.args().toArray()));
            return out;
        }
        judgeDomain(parsed.orElseThrow(), key, ctx, true, out);
        WebsiteContent alone = new WebsiteContent(null, List.of(raw), List.of(), null, List.of(), List.of(), null,
                true, null, List.of(), List.of(), List.of());
        for (Finding f : rules.judge(List.of(alone), ctx)) {
            if ("websites[0].domains[0]".equals(f.fieldKey())) {
                out.add(f.at(key));
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
                out.add(finding(p.code(), fk, Severity.BLOCKING, p.key(), p.args().toArray()));
                continue;
            }
            ParsedDomain d = parsed.orElseThrow();
            prefixes.add(d.prefix());
            String earlier = registrableSeen.putIfAbsent(d.registrableDomain(), key);
            if (earlier != null && !earlier.equals(key)) {
                out.add(finding("DOMAIN_DUPLICATED", fk, Severity.BLOCKING, "finding.domain-duplicated",
                        d.registrableUnicode(), earlier));
            }
            String holder = ctx.takenHere().get(d.registrableDomain());
            if (holder != null) {
                out.add(finding("DOMAIN_TAKEN_HERE", fk, Severity.BLOCKING, "finding.domain-taken-here",
                        d.registrableUnicode(), holder));
            }
            judgeDomain(d, fk, ctx, verified(ctx.type(), d.ascii(), ctx.alreadyFiledDomains()), out);
        }
        // Provinces with their own grouping rule judge it (DOMAINS_PER_WEBSITE); elsewhere this is advice.
        if (prefixes.size() > 1 && !rules.applies("DOMAINS_PER_WEBSITE", ctx)) {
            if (!contains(w.remarks(), "指向同一网站")) {
                out.add(finding("DOMAIN_PREFIXES_DIFFER", key + ".domains", Severity.WARNING,
                        "finding.domain-prefixes-differ", String.join("、", prefixes)));
            }
        }
    }

    private void judgeDomain(ParsedDomain d, String fk, Context ctx, boolean verify, List<Finding> out) {
        SuffixJudgement s = suffixes.judge(d.suffix(), ctx.province(), ctx.today());
        // A province's own list (Beijing's) is the province rule's to judge (SUFFIX_ACCEPTED); this is the national one.
        if (!s.approved() && s.ruleId() == null) {
            out.add(new Finding(s.code(), fk, Severity.BLOCKING,
                    Messages.text(false, "finding.suffix-not-approved", d.suffixUnicode(),
                            Messages.text(false, s.key(), s.args().toArray())),
                    Messages.text(true, "finding.suffix-not-approved", d.suffixUnicode(),
                            Messages.text(true, s.key(), s.args().toArray())), null, null, null, null));
        }
        if (!verify) {
            return;
        }
        RegistryFacts facts = ctx.registry().get(d.registrableDomain());
        if (facts == null || facts.unavailable()) {
            out.add(finding(REGISTRY_UNAVAILABLE, fk, Severity.BLOCKING, "finding.registry-unavailable",
                    d.registrableUnicode()));
            return;
        }
        registration(d, fk, ctx, facts.registration(), out);
        if (facts.filing() != null && facts.filing().website() != null) {
            var filing = facts.filing();
            boolean sameSubject = ctx.subject() != null && filing.subject() != null
                    && sameCertificate(filing.subject().certificateNumber(), ctx.subject().certificateNumber());
            if (!sameSubject) {
                out.add(finding("DOMAIN_FILED_UNDER_ANOTHER_SUBJECT", fk, Severity.BLOCKING,
                        "finding.domain-filed-under-another-subject", d.registrableUnicode(),
                        filing.website().websiteFilingNumber()));
            } else if (ctx.type() != FilingType.CHANGE) {
                out.add(finding("DOMAIN_ALREADY_FILED", fk, Severity.BLOCKING, "finding.domain-already-filed",
                        d.registrableUnicode(), filing.website().websiteFilingNumber()));
            }
        }
    }

    private void registration(ParsedDomain d, String fk, Context ctx, DomainRegistration reg, List<Finding> out) {
        String shown = d.registrableUnicode();
        if (reg == null) {
            out.add(finding("DOMAIN_NOT_REGISTERED", fk, Severity.BLOCKING, "finding.domain-not-registered", shown));
            return;
        }
        if (reg.expired() || (reg.expiresOn() != null && reg.expiresOn().isBefore(ctx.today()))) {
            out.add(finding("DOMAIN_EXPIRED", fk, Severity.BLOCKING, "finding.domain-expired", shown));
        }
        if (reg.registeredAbroad() && !rules.applies("REGISTERED_ABROAD", ctx)) {
            out.add(finding("DOMAIN_REGISTERED_ABROAD", fk, Severity.BLOCKING, "finding.domain-registered-abroad", shown));
        }
        if (!reg.realNameVerified()) {
            out.add(finding("DOMAIN_REAL_NAME_MISSING", fk, Severity.BLOCKING, "finding.domain-real-name-missing", shown));
        } else if (!reg.realNameVisibleToAuthority()) {
            out.add(reg.realNameVisibleToAuthorityFrom() == null
                    ? finding("DOMAIN_REAL_NAME_PENDING", fk, Severity.BLOCKING,
                            "finding.domain-real-name-pending-days", shown)
                    : finding("DOMAIN_REAL_NAME_PENDING", fk, Severity.BLOCKING, "finding.domain-real-name-pending",
                            shown, reg.realNameVisibleToAuthorityFrom().toLocalDate().toString()));
        }
    }

    private void checkName(WebsiteContent w, String key, Context ctx, List<Finding> out) {
        String name = w.name() == null ? "" : w.name().strip();
        String fk = key + ".name";
        SubjectNature nature = ctx.nature();
        String subjectName = ctx.subject() == null ? null : ctx.subject().name();
        boolean person = nature == SubjectNature.PERSON;
        if (URL_LIKE.matcher(name).matches()) {
            out.add(finding("NAME_IS_DOMAIN", fk, Severity.BLOCKING, "finding.name-is-domain"));
        } else if (LATIN_ONLY.matcher(name).matches() && !rules.applies("WEBSITE_NAME_FORM", ctx)) {
            out.add(finding("NAME_LATIN_ONLY", fk, Severity.WARNING, "finding.name-latin-only"));
        }
        for (String word : RESERVED_NAME_WORDS) {
            if (name.contains(word) && nature != SubjectNature.GOVERNMENT) {
                out.add(finding("NAME_RESERVED_WORD", fk, Severity.BLOCKING, "finding.name-reserved-word", word));
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
                out.add(finding("NAME_UNIT_LIKE_FOR_PERSON", fk, Severity.BLOCKING, "finding.name-unit-like-for-person",
                        word));
                break;
            }
        }
        for (String place : PLACE_NAMES) {
            if (ownNameStripped.contains(place)) {
                out.add(finding("NAME_PLACE_FOR_PERSON", fk, Severity.BLOCKING, "finding.name-place-for-person", place));
                break;
            }
        }
        Matcher m = OWNER_PREFIX.matcher(name);
        if (m.find() && subjectName != null && !m.group(1).equals(subjectName)
                && !Set.of("我", "我们", "个人", "小", "我的").contains(m.group(1))) {
            out.add(finding("NAME_OTHER_PERSON", fk, Severity.BLOCKING, "finding.name-other-person", m.group(1),
                    subjectName));
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
                        Messages.text(false, "finding.pre-approval-for-person", p.type().chineseName()),
                        Messages.text(true, "finding.pre-approval-for-person", p.type().englishName()),
                        null, null, null, null));
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
                out.add(finding("FORUM_FOR_PERSON", key + ".name", Severity.BLOCKING, "finding.forum-for-person"));
            } else {
                out.add(new Finding("PRE_APPROVAL_MISSING", key + ".preApprovals", Severity.BLOCKING,
                        Messages.text(false, "finding.pre-approval-missing", t.chineseName()),
                        Messages.text(true, "finding.pre-approval-missing", t.englishName()), null, null, null, null));
            }
        }
        // Provinces with their own remark rules judge the remark (CONTENT_REMARK, PERSONAL_STATEMENT_REMARK).
        if (person && (w.remarks() == null || w.remarks().strip().length() < MIN_CONTENT_REMARK)
                && !rules.applies("CONTENT_REMARK", ctx) && !rules.applies("PERSONAL_STATEMENT_REMARK", ctx)) {
            out.add(finding("REMARK_CONTENT_MISSING", key + ".remarks", Severity.BLOCKING, "finding.remark-content-missing",
                    String.valueOf(MIN_CONTENT_REMARK)));
        }
    }

    private static boolean contains(String text, String what) {
        return text != null && text.contains(what);
    }

    /**
     * One of this checker's findings, worded from the service's bundles ({@code finding.*}) in zh-CN and en: findings
     * are stored and announced data, read later in either language (no request language here).
     */
    static Finding finding(String ruleId, String fieldKey, Severity severity, String key, Object... args) {
        return new Finding(ruleId, fieldKey, severity, Messages.text(false, key, args), Messages.text(true, key, args),
                null, null, null, null);
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
