package cn.beian.validators.domain;

import cn.beian.contract.domain.Province;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which domain suffixes may be filed, by scope (the administration's national list, and a province's own list where
 * it has one - Beijing, rule BJ-B-02) and by date, from the data file {@code approved-suffixes.txt} next to this
 * class. Each scope keeps every dated list; the newest is the default.
 */
public final class ApprovedSuffixes {

    public static final String DOMAIN_SUFFIX_NOT_APPROVED = "DOMAIN_SUFFIX_NOT_APPROVED";
    public static final String DOMAIN_SUFFIX_REFUSED_IN_PROVINCE = "DOMAIN_SUFFIX_REFUSED_IN_PROVINCE";
    public static final String DOMAIN_SUFFIX_COUNTRY_CODE_REFUSED = "DOMAIN_SUFFIX_COUNTRY_CODE_REFUSED";
    static final String NATIONAL = "NATIONAL";
    private static final String RESOURCE = "approved-suffixes.txt";

    /** One dated list of one scope. */
    public record SuffixList(String scope, LocalDate effectiveFrom, String ruleId, String source, boolean closed,
            boolean acceptIdn, boolean refuseCountryCodes, Set<String> accept, Set<String> refuse) {
    }

    private static final ApprovedSuffixes DEFAULT = load();

    private final Map<String, List<SuffixList>> byScope;

    ApprovedSuffixes(List<SuffixList> lists) {
        Map<String, List<SuffixList>> m = new HashMap<>();
        for (SuffixList l : lists) {
            m.computeIfAbsent(l.scope(), k -> new ArrayList<>()).add(l);
        }
        m.values().forEach(v -> v.sort(Comparator.comparing(SuffixList::effectiveFrom)));
        this.byScope = Map.copyOf(m);
    }

    /** The lists from the bundled data file. */
    public static ApprovedSuffixes standard() {
        return DEFAULT;
    }

    /** Judged with the newest lists (the default). */
    public SuffixJudgement judge(String suffix, Province province) {
        return judge(suffix, province, null);
    }

    /**
     * Judges a suffix ({@code com}, {@code com.cn}, {@code 中国} or {@code xn--fiqs8s}; a leading dot is ignored) for a
     * subject filing in {@code province} (null: the national list only) on {@code date} (null: the newest lists).
     * Multi-label suffixes such as {@code com.cn} are judged by their last label.
     */
    public SuffixJudgement judge(String suffix, Province province, LocalDate date) {
        String tld = topLevel(suffix);
        SuffixList national = listOn(NATIONAL, date);
        if (province != null) {
            SuffixList own = listOn(province.name(), date);
            if (own != null) {
                SuffixJudgement provincial = judgeIn(own, tld);
                if (!provincial.approved()) {
                    return provincial;
                }
            }
        }
        return judgeIn(national, tld);
    }

    /** Every dated list of a scope ({@code NATIONAL} or a {@link Province} name), oldest first. */
    public List<SuffixList> lists(String scope) {
        return byScope.getOrDefault(scope, List.of());
    }

    private SuffixList listOn(String scope, LocalDate date) {
        List<SuffixList> lists = byScope.get(scope);
        if (lists == null || lists.isEmpty()) {
            return null;
        }
        if (date == null) {
            return lists.get(lists.size() - 1);
        }
        SuffixList chosen = lists.get(0);
        for (SuffixList l : lists) {
            if (!l.effectiveFrom().isAfter(date)) {
                chosen = l;
            }
        }
        return chosen;
    }

    private static SuffixJudgement judgeIn(SuffixList list, String tld) {
        String shown = "." + DomainNames.toUnicode(tld);
        String where = NATIONAL.equals(list.scope()) ? "the administration's list" : provinceName(list.scope())
                + "'s list";
        String since = " (list in force from " + list.effectiveFrom() + ")";
        if (list.accept().contains(tld)) {
            return ok(list);
        }
        boolean national = NATIONAL.equals(list.scope());
        String refusedCode = national ? DOMAIN_SUFFIX_NOT_APPROVED : DOMAIN_SUFFIX_REFUSED_IN_PROVINCE;
        List<String> args = List.of(shown, chineseName(list.scope()), provinceName(list.scope()),
                String.valueOf(list.effectiveFrom()));
        if (list.refuse().contains(tld)) {
            return no(list, refusedCode, national ? "field.suffix-refused-national" : "field.suffix-refused-province",
                    shown + " is refused by " + where + since, args);
        }
        if (list.acceptIdn() && isChinese(tld)) {
            return ok(list);
        }
        if (list.refuseCountryCodes() && isCountryCode(tld)) {
            return no(list, DOMAIN_SUFFIX_COUNTRY_CODE_REFUSED, "field.suffix-country-code-refused",
                    shown + " is a country-code or regional suffix, which " + provinceName(list.scope())
                            + " refuses" + since, args);
        }
        if (list.closed()) {
            return no(list, refusedCode,
                    national ? "field.suffix-not-on-national-list" : "field.suffix-not-on-province-list",
                    shown + " is not on " + where + since, args);
        }
        return ok(list);
    }

    private static SuffixJudgement ok(SuffixList list) {
        return new SuffixJudgement(true, null, null, null, list.scope(), list.effectiveFrom(), null, List.of());
    }

    private static SuffixJudgement no(SuffixList list, String code, String key, String message, List<String> args) {
        String rule = NATIONAL.equals(list.scope()) ? null : list.ruleId();
        return new SuffixJudgement(false, code, rule, message, list.scope(), list.effectiveFrom(), key, args);
    }

    private static String chineseName(String scope) {
        try {
            return Province.valueOf(scope).chineseName();
        } catch (IllegalArgumentException e) {
            return scope;
        }
    }

    private static String provinceName(String scope) {
        try {
            Province p = Province.valueOf(scope);
            return p.chineseName() + " (" + p.name().charAt(0) + p.name().substring(1).toLowerCase() + ")";
        } catch (IllegalArgumentException e) {
            return scope;
        }
    }

    static String topLevel(String suffix) {
        String s = suffix == null ? "" : suffix.strip();
        if (s.startsWith(".")) {
            s = s.substring(1);
        }
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        String ascii;
        try {
            ascii = DomainNames.toAscii(s);
        } catch (IllegalArgumentException e) {
            ascii = s.toLowerCase();
        }
        return ascii.substring(ascii.lastIndexOf('.') + 1);
    }

    /** Suffixes written in Chinese characters: the punycode form decodes to CJK ideographs. */
    private static boolean isChinese(String tld) {
        if (!tld.startsWith("xn--")) {
            return false;
        }
        String u = DomainNames.toUnicode(tld);
        return !u.isEmpty() && u.codePoints().allMatch(cp ->
                Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    /** Two-letter ASCII top-level labels are ISO 3166 country codes; .cn is the home one. */
    private static boolean isCountryCode(String tld) {
        return tld.length() == 2 && !tld.equals("cn") && tld.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }

    static ApprovedSuffixes load() {
        try (InputStream in = ApprovedSuffixes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the classpath");
            }
            return new ApprovedSuffixes(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<SuffixList> parse(BufferedReader reader) throws IOException {
        List<SuffixList> lists = new ArrayList<>();
        Map<String, String> fields = null;
        String[] head = null;
        String line;
        while ((line = reader.readLine()) != null) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.startsWith("list ")) {
                if (head != null) {
                    lists.add(toList(head, fields));
                }
                head = t.split("\\s+");
                fields = new HashMap<>();
            } else if (fields != null && t.indexOf(':') > 0) {
                fields.put(t.substring(0, t.indexOf(':')).strip(), t.substring(t.indexOf(':') + 1).strip());
            } else {
                throw new IllegalStateException("Unreadable line in " + RESOURCE + ": " + t);
            }
        }
        if (head != null) {
            lists.add(toList(head, fields));
        }
        return lists;
    }

    private static SuffixList toList(String[] head, Map<String, String> f) {
        String rule = head.length > 3 && !"-".equals(head[3]) ? head[3] : null;
        return new SuffixList(head[1], LocalDate.parse(head[2]), rule, f.getOrDefault("source", ""),
                "closed".equals(f.get("mode")), "accept".equals(f.get("idn")),
                "refuse".equals(f.get("country-codes")), suffixes(f.get("accept")), suffixes(f.get("refuse")));
    }

    private static Set<String> suffixes(String s) {
        Set<String> out = new HashSet<>();
        if (s != null && !s.isBlank()) {
            Arrays.stream(s.split("\\s+")).map(ApprovedSuffixes::topLevel).forEach(out::add);
        }
        return Set.copyOf(out);
    }
}
