package cn.beian.website.service;

import cn.beian.contract.domain.PreApprovalType;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.website.domain.ProbeFindingKind;
import cn.beian.website.service.SiteFetcher.PageFetch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges one fetched homepage against its filing (pure: no I/O, so that every case is a plain unit test). The machine
 * judges only what is mechanical — does it answer, is there anything, is the number there and linked to the MIIT
 * site; content that contradicts the filing is only flagged for a human.
 */
public final class PageJudge {

    /** What one domain's probe found. {@code problem} is set when the probe could not judge (not the site's fault). */
    public record DomainVerdict(String domain, String url, boolean reachable, boolean showsNumber, boolean linksToMiit,
            String problem, List<Observation> observations, boolean registryUnanswered) {

        public DomainVerdict(String domain, String url, boolean reachable, boolean showsNumber, boolean linksToMiit,
                String problem, List<Observation> observations) {
            this(domain, url, reachable, showsNumber, linksToMiit, problem, observations, false);
        }
    }

    /** One thing found wrong, with a short English detail for staff and logs. */
    public record Observation(ProbeFindingKind kind, String detail) {
    }

    /** What the page must show: the numbers of the filing, and what the filing says the site is. */
    public record Filing(String websiteFilingNumber, String subjectFilingNumber, SubjectNature nature,
            Set<PreApprovalType> preApprovals) {
    }

    /** Text shorter than this (tags, scripts and blanks removed) is no content at all. */
    static final int MIN_TEXT = 20;

    private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style|noscript)[^>]*>.*?</\\1\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00a0\\u3000]+");
    private static final Pattern MIIT_LINK = Pattern.compile(
            "(?is)<a\\s[^>]*href\\s*=\\s*[\"']?(?:https?:)?//beian\\.miit\\.gov\\.cn[^>]*>(.*?)</a\\s*>");
    /** Words of parking pages and of web servers' and panels' default pages. */
    private static final List<String> SHELL_WORDS = List.of("welcome to nginx", "apache2 default page",
            "it works!", "iis windows server", "test page for the apache", "this domain may be for sale",
            "domain is for sale", "buy this domain", "域名出售", "该域名正在出售", "此域名出售", "恭喜，站点创建成功",
            "站点创建成功", "网站建设中", "site under construction", "default web site page", "宝塔");
    /** Words that show a business behind a page (flagged on a person's filing). */
    private static final List<String> COMPANY_WORDS = List.of("有限公司", "有限责任公司", "股份公司", "集团", "企业官网",
            "公司简介", "co., ltd", "co.,ltd", "inc.", "corporation");

    private PageJudge() {
    }

    public static DomainVerdict judge(String domain, PageFetch fetch, Filing filing) {
        List<Observation> found = new ArrayList<>();
        if (!fetch.ok()) {
            found.add(new Observation(ProbeFindingKind.UNREACHABLE, fetch.failure()));
            return new DomainVerdict(domain, fetch.url(), false, false, false, null, found);
        }
        if (fetch.status() >= 400) {
            found.add(new Observation(ProbeFindingKind.UNREACHABLE, "answers HTTP " + fetch.status()));
            return new DomainVerdict(domain, fetch.url(), false, false, false, null, found);
        }
        String html = fetch.body();
        if (unreadable(html)) {
            found.add(new Observation(ProbeFindingKind.UNREACHABLE, "answers bytes that are not a readable page"));
            return new DomainVerdict(domain, fetch.url(), false, false, false, null, found);
        }
        String text = text(html);
        String lower = text.toLowerCase(Locale.ROOT);
        String truncated = fetch.truncated() ? " (only the first part of a very large page was read)" : "";
        if (text.length() < MIN_TEXT) {
            found.add(new Observation(ProbeFindingKind.EMPTY_SHELL, "serves no content" + truncated));
            return new DomainVerdict(domain, fetch.url(), true, false, false, null, found);
        }
        for (String w : SHELL_WORDS) {
            if (lower.contains(w.toLowerCase(Locale.ROOT))) {
                found.add(new Observation(ProbeFindingKind.EMPTY_SHELL, "serves a parking or default page (\"" + w
                        + "\")"));
                return new DomainVerdict(domain, fetch.url(), true, false, false, null, found);
            }
        }
        boolean shows = containsNumber(text, filing);
        boolean linked = shows && linked(html, filing);
        if (!shows) {
            found.add(new Observation(ProbeFindingKind.NUMBER_MISSING, "the page does not show "
                    + filing.websiteFilingNumber() + truncated));
        } else if (!linked) {
            found.add(new Observation(ProbeFindingKind.NUMBER_NOT_LINKED, "the number is not linked to "
                    + "https://beian.miit.gov.cn/"));
        }
        contentFlags(lower, filing, found);
        return new DomainVerdict(domain, fetch.url(), true, shows, linked, null, found);
    }

    private static void contentFlags(String lower, Filing filing, List<Observation> found) {
        if (filing.nature() == SubjectNature.PERSON) {
            for (String w : COMPANY_WORDS) {
                if (lower.contains(w)) {
                    found.add(new Observation(ProbeFindingKind.CONTENT_FLAG, "a personal filing whose page speaks "
                            + "of a company (\"" + w + "\")"));
                    return;
                }
            }
        }
        for (PreApprovalType t : PreApprovalType.values()) {
            if (filing.preApprovals().contains(t)) {
                continue;
            }
            for (String k : t.keywords()) {
                // a single mention is everyday language; a page that keeps using the word is about it
                if (occurrences(lower, k) >= 3) {
                    found.add(new Observation(ProbeFindingKind.CONTENT_FLAG, "the page keeps speaking of \"" + k
                            + "\" (" + t.name() + ") without that pre-approval"));
                    return;
                }
            }
        }
    }

    private static int occurrences(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
            n++;
        }
        return n;
    }

    /** The website's own number (京ICP备12345678号-1) or, as many sites show, the subject's (京ICP备12345678号). */
    private static boolean containsNumber(String text, Filing filing) {
        String compact = SPACE.matcher(text).replaceAll("");
        return filing.websiteFilingNumber() != null && compact.contains(filing.websiteFilingNumber())
                || filing.subjectFilingNumber() != null && compact.contains(filing.subjectFilingNumber());
    }

    private static boolean linked(String html, Filing filing) {
        Matcher m = MIIT_LINK.matcher(html);
        while (m.find()) {
            if (containsNumber(text(m.group(1)), filing)) {
                return true;
            }
        }
        return false;
    }

    /** The visible text of a page: scripts and tags removed, entities of spaces and blanks folded. */
    static String text(String html) {
        String t = SCRIPT.matcher(html).replaceAll(" ");
        t = TAG.matcher(t).replaceAll(" ").replace("&nbsp;", " ").replace("&#160;", " ");
        return SPACE.matcher(t).replaceAll(" ").strip();
    }

    /** Mostly replacement or control characters: garbage, not a page. */
    static boolean unreadable(String body) {
        if (body.isEmpty()) {
            return false;
        }
        int sample = Math.min(body.length(), 8192);
        int bad = 0;
        for (int i = 0; i < sample; i++) {
            char c = body.charAt(i);
            if (c == '\ufffd' || c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                bad++;
            }
        }
        return bad * 10 > sample;
    }
}
