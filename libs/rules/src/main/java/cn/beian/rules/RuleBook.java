package cn.beian.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue and everything that implements it, loaded once from this module's resources
 * ({@code cn/beian/rules/}): the catalogue's ids ({@code catalogue.tsv}), the machine rules ({@code machine/*.yaml}),
 * the materials ({@code materials.yaml}), the reviewer's checklist ({@code checklist.yaml}) and the rows handled
 * elsewhere ({@code elsewhere/*.yaml}).
 */
public final class RuleBook {

    /** The machine rule files, one per family of checks (they hold rules of every province). */
    static final List<String> MACHINE_FILES = List.of("identity", "unit", "domain", "website");
    /** The files of rows handled elsewhere: one per family, and those not implemented yet. */
    static final List<String> ELSEWHERE_FILES = List.of("identity", "unit", "domain", "website", "materials",
            "pending");
    private static final String BASE = "/cn/beian/rules/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final RuleBook STANDARD = load();

    /** One catalogue row: id, province ({@code null} for X rows), whom it concerns, and its kind. */
    public record CatalogueRow(String id, String province, AppliesTo appliesTo, Kind kind) {
    }

    private final Map<String, CatalogueRow> catalogue;
    private final List<Rule> rules;
    private final List<MaterialRow> materials;
    private final List<ChecklistItem> checklist;
    private final List<Elsewhere> elsewhere;

    RuleBook(Map<String, CatalogueRow> catalogue, List<Rule> rules, List<MaterialRow> materials,
            List<ChecklistItem> checklist, List<Elsewhere> elsewhere) {
        this.catalogue = Collections.unmodifiableMap(new LinkedHashMap<>(catalogue));
        this.rules = List.copyOf(rules);
        this.materials = List.copyOf(materials);
        this.checklist = List.copyOf(checklist);
        this.elsewhere = List.copyOf(elsewhere);
    }

    public static RuleBook standard() {
        return STANDARD;
    }

    public Map<String, CatalogueRow> catalogue() {
        return catalogue;
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<MaterialRow> materials() {
        return materials;
    }

    public List<ChecklistItem> checklist() {
        return checklist;
    }

    public List<Elsewhere> elsewhere() {
        return elsewhere;
    }

    static RuleBook load() {
        List<Rule> rules = new ArrayList<>();
        for (String f : MACHINE_FILES) {
            rules.addAll(yaml("machine/" + f + ".yaml", new TypeReference<List<Rule>>() { }));
        }
        return new RuleBook(loadCatalogue(), rules, yaml("materials.yaml", new TypeReference<List<MaterialRow>>() { }),
                yaml("checklist.yaml", new TypeReference<List<ChecklistItem>>() { }),
                loadElsewhere());
    }

    private static List<Elsewhere> loadElsewhere() {
        List<Elsewhere> rows = new ArrayList<>();
        for (String f : ELSEWHERE_FILES) {
            rows.addAll(yaml("elsewhere/" + f + ".yaml", new TypeReference<List<Elsewhere>>() { }));
        }
        return rows;
    }

    private static <T> List<T> yaml(String name, TypeReference<List<T>> type) {
        try (InputStream in = RuleBook.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException(BASE + name + " missing");
            }
            List<T> rows = YAML.readValue(in, type);
            return rows == null ? List.of() : rows;
        } catch (IOException e) {
            throw new UncheckedIOException(BASE + name + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, CatalogueRow> loadCatalogue() {
        try (InputStream in = RuleBook.class.getResourceAsStream(BASE + "catalogue.tsv")) {
            if (in == null) {
                throw new IllegalStateException(BASE + "catalogue.tsv missing");
            }
            Map<String, CatalogueRow> rows = new LinkedHashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                rows.put(f[0], new CatalogueRow(f[0], "-".equals(f[1]) ? null : f[1], AppliesTo.valueOf(f[2]),
                        Kind.valueOf(f[3])));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
