package cn.beian.website.service;

import cn.beian.platform.problem.FieldViolation;
import cn.beian.validators.CertificateValidator;
import cn.beian.validators.Emails;
import cn.beian.validators.Phones;
import cn.beian.validators.domain.DomainNames;
import cn.beian.validators.domain.DomainParse;
import cn.beian.website.domain.WebsiteContent;
import cn.beian.website.domain.WebsiteContent.PreApproval;
import cn.beian.website.domain.WebsiteContent.Principal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the shape of one website as an applicant sends it and normalises it (domains to lower-case ASCII, homepage
 * URLs to {@code http(s)://host/...}). Every violation is named by its JSON path; nothing is saved when any exists.
 * Judgements that need the registry, the subject or the province are findings ({@link WebsiteChecks}), not 400s.
 */
public final class WebsiteInput {

    public static final int MAX_WEBSITES = 10;
    public static final int MAX_DOMAINS = 10;
    static final int MAX_NAME = 60;
    static final int MAX_REMARKS = 1000;
    static final int MAX_LIST = 10;
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private WebsiteInput() {
    }

    /** The normalised website, or the violations (paths start with {@code prefix}, e.g. "" or "websites[1]."). */
    public static WebsiteContent normalise(WebsiteContent in, String prefix, LocalDate today,
            List<FieldViolation> errors) {
        if (in == null) {
            errors.add(new FieldViolation(prefix.isEmpty() ? "$" : prefix, "REQUIRED", "A website is required"));
            return null;
        }
        String name = in.name() == null ? null : in.name().strip();
        if (name == null || name.isEmpty()) {
            errors.add(new FieldViolation(prefix + "name", "REQUIRED", "网站名称不能为空"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldViolation(prefix + "name", "TOO_LONG", "网站名称最多 " + MAX_NAME + " 个字符"));
        }
        List<String> domains = domains(in.domains(), prefix, errors);
        List<String> homepages = homepages(in.homepageUrls(), domains, prefix, errors);
        if (in.serviceContent() == null) {
            errors.add(new FieldViolation(prefix + "serviceContent", "REQUIRED", "请选择网站服务内容"));
        }
        preApprovals(in.preApprovals(), prefix, errors);
        languages(in.languages(), prefix, errors);
        String remarks = in.remarks() == null ? null : in.remarks().strip();
        if (remarks != null && remarks.length() > MAX_REMARKS) {
            errors.add(new FieldViolation(prefix + "remarks", "TOO_LONG", "备注最多 " + MAX_REMARKS + " 个字符"));
        }
        Principal principal = principal(in, prefix, today, errors);
        limit(in.serverIds(), prefix + "serverIds", errors);
        limit(in.authorizationCodes(), prefix + "authorizationCodes", errors);
        return new WebsiteContent(name, domains, homepages, in.serviceContent(), in.preApprovals(),
                in.languages() == null ? null : in.languages().stream().map(String::strip).toList(),
                remarks == null || remarks.isEmpty() ? null : remarks, in.principalSameAsSubject(), principal,
                in.serverIds(), in.authorizationCodes());
    }

    private static List<String> domains(List<String> raw, String prefix, List<FieldViolation> errors) {
        List<String> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            errors.add(new FieldViolation(prefix + "domains", "REQUIRED", "每个网站至少填写一个域名"));
            return out;
        }
        if (raw.size() > MAX_DOMAINS) {
            errors.add(new FieldViolation(prefix + "domains[" + MAX_DOMAINS + "]", "TOO_MANY_DOMAINS",
                    "每个网站最多 " + MAX_DOMAINS + " 个域名"));
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < raw.size(); j++) {
            String field = prefix + "domains[" + j + "]";
            DomainParse p = DomainNames.parse(raw.get(j));
            if (!p.isValid()) {
                var problem = p.problem().orElseThrow();
                errors.add(new FieldViolation(field, problem.code(), problem.message()));
                continue;
            }
            String ascii = p.orElseThrow().ascii();
            if (!seen.add(ascii)) {
                errors.add(new FieldViolation(field, "DOMAIN_DUPLICATED", "域名 " + raw.get(j).strip() + " 重复填写"));
                continue;
            }
            out.add(ascii);
        }
        return out;
    }

    private static List<String> homepages(List<String> raw, List<String> domains, String prefix,
            List<FieldViolation> errors) {
        List<String> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            errors.add(new FieldViolation(prefix + "homepageUrls", "REQUIRED", "请至少填写一个网站首页地址"));
            return out;
        }
        if (raw.size() > MAX_DOMAINS) {
            errors.add(new FieldViolation(prefix + "homepageUrls[" + MAX_DOMAINS + "]", "TOO_MANY",
                    "最多 " + MAX_DOMAINS + " 个首页地址"));
            return out;
        }
        for (int k = 0; k < raw.size(); k++) {
            String field = prefix + "homepageUrls[" + k + "]";
            String url = raw.get(k) == null ? "" : raw.get(k).strip();
            if (!url.contains("://")) {
                url = "http://" + url;
            }
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                errors.add(new FieldViolation(field, "HOMEPAGE_URL_INVALID", "不是合法的网址"));
                continue;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = DomainNames.normaliseOrNull(uri.getHost() != null ? uri.getHost() : uri.getAuthority());
            if (!(scheme.equals("http") || scheme.equals("https")) || host == null) {
                errors.add(new FieldViolation(field, "HOMEPAGE_URL_INVALID", "首页地址须为 http(s):// 加本网站的域名"));
                continue;
            }
            if (!domains.contains(host) && !(host.startsWith("www.") && domains.contains(host.substring(4)))) {
                errors.add(new FieldViolation(field, "HOMEPAGE_NOT_IN_DOMAINS",
                        "首页地址的域名 " + DomainNames.toUnicode(host) + " 须是本网站填写的域名之一"));
                continue;
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            out.add(scheme + "://" + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path);
        }
        return out;
    }

    private static void preApprovals(List<PreApproval> list, String prefix, List<FieldViolation> errors) {
        if (list == null) {
            return;
        }
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            PreApproval p = list.get(i);
            String field = prefix + "preApprovals[" + i + "]";
            if (p == null || p.type() == null) {
                errors.add(new FieldViolation(field + ".type", "REQUIRED", "请选择前置审批类型"));
                continue;
            }
            if (!seen.add(p.type())) {
                errors.add(new FieldViolation(field + ".type", "DUPLICATED", "前置审批类型重复"));
            }
            if (p.documentNumber() == null || p.documentNumber().isBlank()) {
                errors.add(new FieldViolation(field + ".documentNumber", "PRE_APPROVAL_DOCUMENT_REQUIRED",
                        "请填写“" + p.type().chineseName() + "”前置审批的审批文号"));
            } else if (p.documentNumber().length() > 100) {
                errors.add(new FieldViolation(field + ".documentNumber", "TOO_LONG", "审批文号最多 100 个字符"));
            }
        }
    }

    private static void languages(List<String> list, String prefix, List<FieldViolation> errors) {
        if (list == null || list.isEmpty()) {
            errors.add(new FieldViolation(prefix + "languages", "REQUIRED", "请至少选择一种网站语言"));
            return;
        }
        limit(list, prefix + "languages", errors);
        for (int i = 0; i < list.size(); i++) {
            String tag = list.get(i) == null ? "" : list.get(i).strip();
            Locale l = Locale.forLanguageTag(tag);
            if (tag.isEmpty() || l.getLanguage().isEmpty() || !LANGUAGES.contains(l.getLanguage())) {
                errors.add(new FieldViolation(prefix + "languages[" + i + "]", "LANGUAGE_INVALID",
                        "语言须为 BCP 47 语言标签，例如 zh-CN、en"));
            }
        }
    }

    private static Principal principal(WebsiteContent in, String prefix, LocalDate today,
            List<FieldViolation> errors) {
        if (in.principalSameAsSubject()) {
            if (in.principal() != null) {
                errors.add(new FieldViolation(prefix + "principal", "PRINCIPAL_CONFLICT",
                        "已选择“同主体负责人”时不要再填写网站负责人"));
            }
            return null;
        }
        Principal p = in.principal();
        String f = prefix + "principal";
        if (p == null) {
            errors.add(new FieldViolation(f, "REQUIRED", "请填写网站负责人，或选择“同主体负责人”"));
            return null;
        }
        if (p.name() == null || p.name().isBlank()) {
            errors.add(new FieldViolation(f + ".name", "REQUIRED", "请填写网站负责人姓名"));
        }
        String number = p.certificateNumber() == null ? null : CertificateValidator.normalise(p.certificateNumber());
        if (p.certificateType() == null) {
            errors.add(new FieldViolation(f + ".certificateType", "REQUIRED", "请选择证件类型"));
        } else if (p.certificateType().forUnits()) {
            errors.add(new FieldViolation(f + ".certificateType", "CERTIFICATE_TYPE_NOT_PERSONAL",
                    "网站负责人须使用个人证件"));
        } else {
            CertificateValidator.validate(p.certificateType(), number, today).ifPresent(problem -> errors.add(
                    new FieldViolation(f + ".certificateNumber", problem.code(), problem.message())));
        }
        String mobile = Phones.mobileNational(p.mobile()).orElse(null);
        Phones.validateMobile(p.mobile()).ifPresent(problem -> errors.add(
                new FieldViolation(f + ".mobile", problem.code(), problem.message())));
        Emails.validate(p.email()).ifPresent(problem -> errors.add(
                new FieldViolation(f + ".email", problem.code(), problem.message())));
        return new Principal(p.name() == null ? null : p.name().strip(), p.certificateType(), number, mobile,
                Emails.normalise(p.email()).orElse(p.email()));
    }

    private static void limit(List<String> list, String field, List<FieldViolation> errors) {
        if (list != null && list.size() > MAX_LIST) {
            errors.add(new FieldViolation(field + "[" + MAX_LIST + "]", "TOO_MANY", "最多 " + MAX_LIST + " 项"));
        }
    }
}
