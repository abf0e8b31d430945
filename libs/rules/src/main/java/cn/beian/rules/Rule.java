package cn.beian.rules;

import cn.beian.contract.domain.Province;
import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.order.FilingType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One machine rule as data (a row of {@code rules/machine/*.yaml}): the catalogue's id, where and to whom it applies,
 * the check that judges it with that check's parameters, and the words shown for a finding.
 *
 * @param id          the catalogue id, e.g. {@code BJ-B-01}
 * @param provinces   where it holds; empty for every province
 * @param appliesTo   persons, units or both
 * @param filingTypes the filing types it judges; empty for every type
 * @param from        the first day it holds ({@code null}: always has)
 * @param until       the last day it holds ({@code null}: still does)
 * @param severity    what a failure weighs
 * @param check       the name of the {@link Check} that judges it
 * @param params      the check's parameters (the default source's values where the sources disagree)
 * @param variants    where the sources disagree: the other sources' parameters, by source name ({@code 003})
 * @param fields      the field keys it judges ({@code [*]} for any index)
 * @param message     what a failure means, in the applicant's terms; {@code {name}} placeholders take the check's
 *                    arguments
 * @param suggestion  what to do about it
 * @param source      where the rule comes from (seed document and item)
 * @param covers      other catalogue ids this rule implements too (cross-province summary rows)
 * @param examples    an order that breaks it and one that satisfies it, as changes to a base order (the rule's test)
 */
public record Rule(String id, Set<Province> provinces, AppliesTo appliesTo, Set<FilingType> filingTypes,
        LocalDate from, LocalDate until, Severity severity, String check, Map<String, Object> params,
        Map<String, Map<String, Object>> variants, List<String> fields, Text message, Text suggestion, String source,
        List<String> covers, Examples examples) {

    public Rule {
        provinces = provinces == null ? Set.of() : Set.copyOf(provinces);
        filingTypes = filingTypes == null ? Set.of() : Set.copyOf(filingTypes);
        params = params == null ? Map.of() : Map.copyOf(params);
        variants = variants == null ? Map.of() : Map.copyOf(variants);
        fields = fields == null ? List.of() : List.copyOf(fields);
        covers = covers == null ? List.of() : List.copyOf(covers);
    }

    /**
     * The changes (JSON path → value) that turn the base order of {@code RuleExamplesTest} into one that breaks the
     * rule and one that satisfies it. Paths start with {@code order.} or {@code facts.}.
     */
    public record Examples(Map<String, Object> breaks, Map<String, Object> holds) {
    }

    /** Whether the rule judges an order of this province, nature and type on this day. */
    public boolean appliesTo(Province province, SubjectNature nature, FilingType type, LocalDate day) {
        return (provinces.isEmpty() || (province != null && provinces.contains(province)))
                && appliesTo.to(nature)
                && (filingTypes.isEmpty() || (type != null && filingTypes.contains(type)))
                && (day == null || ((from == null || !day.isBefore(from)) && (until == null || !day.isAfter(until))));
    }

    /** The rule with another source's parameters where the sources disagree (the configured choice). */
    public Rule withVariant(String sourceName) {
        Map<String, Object> v = variants.get(sourceName);
        if (v == null) {
            throw new IllegalArgumentException(id + " has no variant " + sourceName);
        }
        Map<String, Object> p = new HashMap<>(params);
        p.putAll(v);
        return new Rule(id, provinces, appliesTo, filingTypes, from, until, severity, check, p, variants, fields,
                message, suggestion, source, covers, examples);
    }

    public String text(String name) {
        Object v = params.get(name);
        return v == null ? null : String.valueOf(v);
    }

    public String text(String name, String otherwise) {
        String v = text(name);
        return v == null ? otherwise : v;
    }

    public List<String> list(String name) {
        Object v = params.get(name);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(v).split(","));
    }

    public int integer(String name, int otherwise) {
        Object v = params.get(name);
        return v == null ? otherwise : v instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(v));
    }

    public boolean flag(String name) {
        Object v = params.get(name);
        return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(String.valueOf(v));
    }
}
