package cn.beian.website.service;

import cn.beian.platform.problem.FieldViolation;
import cn.beian.validators.CertificateValidator;
import cn.beian.validators.Emails;
import cn.beian.validators.Phones;
import cn.beian.validators.Problem;
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
    static final int MAX_DOCUMENT_NUMBER = 100;
    static final int MAX_SERVER_ID = 64;
    static final int MAX_CODE = 40;
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private WebsiteInput() {
    }

    /** The normalised website, or the violations (paths start with {@code prefix}, e.g. "" or "websites[1]."). */
    public static WebsiteContent normalise(WebsiteContent in, String prefix, LocalDate today,
            List<FieldViolation> errors) {
        if (in == null) {
            errors.add(FieldViolation.of(prefix.isEmpty() ? "$" : prefix, "REQUIRED", "field.website-required"));
            return null;
        }
        String name = in.name() == null ? null : in.name().strip();
        if (name == null || name.isEmpty()) {
            errors.add(FieldViolation.of(prefix + "name", "REQUIRED", "field.website-name-required"));
        } else if (name.length() > MAX_NAME) {
            errors.add(FieldViolation.of(prefix + "name", "TOO_LONG", "field.website-name-too-long",
                    String.valueOf(MAX_NAME)));
        }
        List<String> domains = domains(in.domains(), prefix, errors);
        // More domains than a website may have are not read one by one: homepages are then not matched with them,
        // so the eleventh domain is reported once, not again on a homepage that is fine.
        boolean tooMany = in.domains() != null && in.domains().size() > MAX_DOMAINS;
        List<String> homepages = homepages(in.homepageUrls(), tooMany ? null : domains, prefix, errors);
        if (in.serviceContent() == null) {
            errors.add(FieldViolation.of(prefix + "serviceContent", "REQUIRED", "field.service-content-required"));
        }
        preApprovals(in.preApprovals(), prefix, errors);
        languages(in.languages(), prefix, errors);
        String remarks = in.remarks() == null ? null : in.remarks().strip();
        if (remarks != null && remarks.length() > MAX_REMARKS) {
            errors.add(FieldViolation.of(prefix + "remarks", "TOO_LONG", "field.remarks-too-long",
                    String.valueOf(MAX_REMARKS)));
        }
        Principal principal = principal(in, prefix, today, errors);
        entries(in.serverIds(), prefix + "serverIds", MAX_SERVER_ID, errors);
        entries(in.authorizationCodes(), prefix + "authorizationCodes", MAX_CODE, errors);
        return new WebsiteContent(name, domains, homepages, in.serviceContent(), in.preApprovals(),
                in.languages() == null ? null : in.languages().stream().map(String::strip).toList(),
                remarks == null || remarks.isEmpty() ? null : remarks, in.principalSameAsSubject(), principal,
                present(in.serverIds()).map(String::strip).toList(),
                present(in.authorizationCodes()).map(WebsiteInput::authorizationCode).toList(), null);
    }

    private static List<String> domains(List<String> raw, String prefix, List<FieldViolation> errors) {
        List<String> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            errors.add(FieldViolation.of(prefix + "domains", "REQUIRED", "field.website-domains-required"));
            return out;
        }
        if (raw.size() > MAX_DOMAINS) {
            errors.add(FieldViolation.of(prefix + "domains[" + MAX_DOMAINS + "]", "TOO_MANY_DOMAINS",
                    "field.website-domains-too-many", String.valueOf(MAX_DOMAINS)));
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < raw.size(); j++) {
            String field = prefix + "domains[" + j + "]";
            DomainParse p = DomainNames.parse(raw.get(j));
            if (!p.isValid()) {
                var problem = p.problem().orElseThrow();
                errors.add(violation(field, problem));
                continue;
            }
            String ascii = p.orElseThrow().ascii();
            if (!seen.add(ascii)) {
                errors.add(FieldViolation.of(field, "DOMAIN_DUPLICATED", "field.domain-duplicated",
                        raw.get(j).strip()));
                continue;
            }
            out.add(ascii);
        }
        return out;
    }

    /** @param domains the website's accepted domains, {@code null} when they were not read (too many) */
    private static List<String> homepages(List<String> raw, List<String> domains, String prefix,
            List<FieldViolation> errors) {
        List<String> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            errors.add(FieldViolation.of(prefix + "homepageUrls", "REQUIRED", "field.homepage-urls-required"));
            return out;
        }
        if (raw.size() > MAX_DOMAINS) {
            errors.add(FieldViolation.of(prefix + "homepageUrls[" + MAX_DOMAINS + "]", "TOO_MANY",
                    "field.homepage-urls-too-many", String.valueOf(MAX_DOMAINS)));
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
                errors.add(FieldViolation.of(field, "HOMEPAGE_URL_INVALID", "field.homepage-url-invalid"));
                continue;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = DomainNames.normaliseOrNull(uri.getHost() != null ? uri.getHost() : uri.getAuthority());
            if (!(scheme.equals("http") || scheme.equals("https")) || host == null) {
                errors.add(FieldViolation.of(field, "HOMEPAGE_URL_INVALID", "field.homepage-url-not-http"));
                continue;
            }
            if (domains != null && !domains.contains(host)
                    && !(host.startsWith("www.") && domains.contains(host.substring(4)))) {
                errors.add(FieldViolation.of(field, "HOMEPAGE_NOT_IN_DOMAINS", "field.homepage-not-in-domains",
                        DomainNames.toUnicode(host)));
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
                errors.add(FieldViolation.of(field + ".type", "REQUIRED", "field.pre-approval-type-required"));
                continue;
            }
            if (!seen.add(p.type())) {
                errors.add(FieldViolation.of(field + ".type", "DUPLICATED", "field.pre-approval-type-duplicated"));
            }
            if (p.documentNumber() == null || p.documentNumber().isBlank()) {
                errors.add(FieldViolation.of(field + ".documentNumber", "PRE_APPROVAL_DOCUMENT_REQUIRED",
                        "field.pre-approval-document-required", p.type().chineseName(), p.type().englishName()));
            } else if (p.documentNumber().length() > MAX_DOCUMENT_NUMBER) {
                errors.add(FieldViolation.of(field + ".documentNumber", "TOO_LONG",
                        "field.pre-approval-document-too-long", String.valueOf(MAX_DOCUMENT_NUMBER)));
            }
        }
    }

    private static void languages(List<String> list, String prefix, List<FieldViolation> errors) {
        if (list == null || list.isEmpty()) {
            errors.add(FieldViolation.of(prefix + "languages", "REQUIRED", "field.languages-required"));
            return;
        }
        limit(list, prefix + "languages", errors);
        for (int i = 0; i < list.size(); i++) {
            String tag = list.get(i) == null ? "" : list.get(i).strip();
            Locale l = Locale.forLanguageTag(tag);
            if (tag.isEmpty() || l.getLanguage().isEmpty() || !LANGUAGES.contains(l.getLanguage())) {
                errors.add(FieldViolation.of(prefix + "languages[" + i + "]", "LANGUAGE_INVALID",
                        "field.language-invalid"));
            }
        }
    }

    private static Principal principal(WebsiteContent in, String prefix, LocalDate today,
            List<FieldViolation> errors) {
        if (in.principalSameAsSubject()) {
            if (in.principal() != null) {
                errors.add(FieldViolation.of(prefix + "principal", "PRINCIPAL_CONFLICT",
                        "field.principal-conflict"));
            }
            return null;
        }
        Principal p = in.principal();
        String f = prefix + "principal";
        if (p == null) {
            errors.add(FieldViolation.of(f, "REQUIRED", "field.principal-required"));
            return null;
        }
        if (p.name() == null || p.name().isBlank()) {
            errors.add(FieldViolation.of(f + ".name", "REQUIRED", "field.principal-name-required"));
        }
        String number = p.certificateNumber() == null ? null : CertificateValidator.normalise(p.certificateNumber());
        if (p.certificateType() == null) {
            errors.add(FieldViolation.of(f + ".certificateType", "REQUIRED", "field.certificate-type-required"));
        } else if (p.certificateType().forUnits()) {
            errors.add(FieldViolation.of(f + ".certificateType", "CERTIFICATE_TYPE_NOT_PERSONAL",
                    "field.certificate-type-not-personal"));
        } else {
            CertificateValidator.validate(p.certificateType(), number, today).ifPresent(problem -> errors.add(
                    violation(f + ".certificateNumber", problem)));
        }
        String mobile = Phones.mobileNational(p.mobile()).orElse(null);
        Phones.validateMobile(p.mobile()).ifPresent(problem -> errors.add(
                violation(f + ".mobile", problem)));
        Emails.validate(p.email()).ifPresent(problem -> errors.add(
                violation(f + ".email", problem)));
        return new Principal(p.name() == null ? null : p.name().strip(), p.certificateType(), number, mobile,
                Emails.normalise(p.email()).orElse(p.email()), p.certificateValidUntil());
    }

    /** Server ids and codes: at most {@value #MAX_LIST}, each present and short (subject-service judges the rest). */
    private static void entries(List<String> list, String field, int maxLength, List<FieldViolation> errors) {
        limit(list, field, errors);
        if (list == null || list.size() > MAX_LIST) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String value = list.get(i);
            if (value == null || value.isBlank()) {
                errors.add(FieldViolation.of(field + "[" + i + "]", "REQUIRED", "field.entry-required"));
            } else if (value.strip().length() > maxLength) {
                errors.add(FieldViolation.of(field + "[" + i + "]", "TOO_LONG", "field.entry-too-long",
                        String.valueOf(maxLength)));
            }
        }
    }

    /** The entries sent, without the empty ones (already reported). */
    private static java.util.stream.Stream<String> present(List<String> list) {
        return list == null ? java.util.stream.Stream.empty() : list.stream().filter(v -> v != null && !v.isBlank());
    }

    /** A code as typed is the code: case, spaces and dashes ({@code abcd-efgh …}) do not matter. */
    private static String authorizationCode(String typed) {
        return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** A validators problem on {@code field}, worded by its bundle key in the caller's language. */
    private static FieldViolation violation(String field, Problem problem) {
        return FieldViolation.of(field, problem.code(), problem.key(), problem.args().toArray());
    }

    private static void limit(List<String> list, String field, List<FieldViolation> errors) {
        if (list != null && list.size() > MAX_LIST) {
            errors.add(FieldViolation.of(field + "[" + MAX_LIST + "]", "TOO_MANY", "field.too-many-items",
                    String.valueOf(MAX_LIST)));
        }
    }
}
