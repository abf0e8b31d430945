package cn.beian.website.service;

import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.findings.Finding.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-checkable province rules on websites and domains, from {@code rules/website-rules.tsv} (ids from
 * docs/province-rules.md). Pure data; {@link WebsiteChecks} evaluates them.
 */
public final class ProvinceRules {

    public enum Applies {
        PERSON, UNIT, BOTH;

        boolean to(SubjectNature nature) {
            return this == BOTH || (nature != null && (this == UNIT) == nature.isUnit());
        }
    }

    public record Rule(String id, Province province, Applies applies, String check, Severity severity,
            String parameter, String message) {
    }

    private static final ProvinceRules STANDARD = load();

    private final Map<Province, List<Rule>> byProvince;

    ProvinceRules(List<Rule> rules) {
        Map<Province, List<Rule>> m = new EnumMap<>(Province.class);
        for (Rule r : rules) {
            m.computeIfAbsent(r.province(), k -> new ArrayList<>()).add(r);
        }
        this.byProvince = m;
    }

    public static ProvinceRules standard() {
        return STANDARD;
    }

    /** The rules of {@code province} with check {@code check} that apply to {@code nature}. */
    public List<Rule> find(Province province, SubjectNature nature, String check) {
        if (province == null) {
            return List.of();
        }
        return byProvince.getOrDefault(province, List.of()).stream()
                .filter(r -> r.check().equals(check) && r.applies().to(nature))
                .toList();
    }

    public List<Rule> all() {
        return byProvince.values().stream().flatMap(List::stream).toList();
    }

    static ProvinceRules load() {
        try (InputStream in = ProvinceRules.class.getResourceAsStream("/rules/website-rules.tsv")) {
            if (in == null) {
                throw new IllegalStateException("rules/website-rules.tsv missing");
            }
            List<Rule> rules = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 7) {
                    throw new IllegalStateException("website-rules.tsv: 7 columns expected: " + line);
                }
                rules.add(new Rule(f[0], Province.valueOf(f[1]), Applies.valueOf(f[2]), f[3], Severity.valueOf(f[4]),
                        f[5], f[6]));
            }
            return new ProvinceRules(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
