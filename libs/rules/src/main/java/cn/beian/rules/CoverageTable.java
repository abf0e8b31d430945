package cn.beian.rules;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** The coverage table of {@code docs/rules-coverage.md}: each catalogue id and what implements it. */
public final class CoverageTable {

    private CoverageTable() {
    }

    /** Each catalogue id implemented by a data row, with the kinds of row that implement it. */
    public static Map<String, Set<Kind>> implementedKinds(RuleBook book) {
        Map<String, Set<Kind>> out = new TreeMap<>();
        book.rules().forEach(r -> mark(out, r.id(), r.covers(), Kind.MACHINE));
        book.materials().forEach(m -> mark(out, m.id(), m.covers(), Kind.MATERIAL));
        book.checklist().forEach(c -> mark(out, c.id(), c.covers(), Kind.HUMAN));
        return out;
    }

    public static String render(RuleBook book) {
        Map<String, StringBuilder> how = new LinkedHashMap<>();
        book.catalogue().keySet().forEach(id -> how.put(id, new StringBuilder()));
        describe(how, book.rules(), Rule::id, Rule::covers, r -> "rule `" + r.check() + "` (" + r.severity() + ")");
        describe(how, book.materials(), MaterialRow::id, MaterialRow::covers, m -> "material `" + m.material() + "`"
                + (m.when() == null ? "" : " when `" + m.when().condition() + "`"));
        describe(how, book.checklist(), ChecklistItem::id, ChecklistItem::covers, c -> "checklist item");
        for (Elsewhere e : book.elsewhere()) {
            append(how, e.id(), "elsewhere: " + e.where() + " — " + e.reason());
        }
        Map<Kind, int[]> counts = new TreeMap<>();
        StringBuilder rows = new StringBuilder();
        for (RuleBook.CatalogueRow row : book.catalogue().values()) {
            String what = how.get(row.id()).toString();
            int[] c = counts.computeIfAbsent(row.kind(), k -> new int[2]);
            c[0]++;
            if (!what.isEmpty() && !what.startsWith("elsewhere: none")) {
                c[1]++;
            }
            rows.append("| ").append(row.id()).append(" | ").append(row.province() == null ? "—" : row.province())
                    .append(" | ").append(row.appliesTo()).append(" | ").append(row.kind()).append(" | ")
                    .append(what.isEmpty() ? "**not implemented**" : what.replace("|", "\\|")).append(" |\n");
        }
        StringBuilder out = new StringBuilder();
        out.append("# Rules coverage\n\n")
                .append("Generated from `libs/rules` (`CoverageTableTest` fails when this file is stale; ")
                .append("`./mvnw -pl libs/rules test -Drules.coverage.write=true` rewrites it). Each id of the province ")
                .append("rules catalogue ([province-rules.md](province-rules.md)) and what implements it: a machine rule ")
                .append("(`libs/rules/src/main/resources/cn/beian/rules/machine/*.yaml`, judged by the named check), a ")
                .append("material (`materials.yaml`, required when the named condition holds), a reviewer's checklist ")
                .append("item (`checklist.yaml`), or a reason it is handled elsewhere (`elsewhere/*.yaml`).\n\n")
                .append("| kind | rows | implemented |\n| --- | --- | --- |\n");
        counts.forEach((k, c) -> out.append("| ").append(k).append(" | ").append(c[0]).append(" | ").append(c[1])
                .append(" |\n"));
        out.append("\n| id | province | applies to | kind | implemented by |\n| --- | --- | --- | --- | --- |\n")
                .append(rows);
        return out.toString();
    }

    private static <T> void describe(Map<String, StringBuilder> how, List<T> rows, Function<T, String> id,
            Function<T, List<String>> covers, Function<T, String> what) {
        for (T row : rows) {
            append(how, id.apply(row), what.apply(row));
            for (String c : covers.apply(row)) {
                append(how, c, what.apply(row) + " via " + id.apply(row));
            }
        }
    }

    private static void append(Map<String, StringBuilder> how, String id, String what) {
        StringBuilder b = how.get(id);
        if (b == null) {
            return;
        }
        if (!b.isEmpty()) {
            b.append("; ");
        }
        b.append(what);
    }

    private static void mark(Map<String, Set<Kind>> out, String id, List<String> covers, Kind kind) {
        out.computeIfAbsent(id, k -> EnumSet.noneOf(Kind.class)).add(kind);
        covers.forEach(c -> out.computeIfAbsent(c, k -> EnumSet.noneOf(Kind.class)).add(kind));
    }
}
