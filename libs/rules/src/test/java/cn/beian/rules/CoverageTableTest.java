package cn.beian.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The catalogue against the data: every id is implemented by something of its kind (a machine rule, a material, a
 * checklist item) or given a reason in {@code elsewhere/*.yaml}; every data row names a catalogue id and a check or
 * condition that exists; and {@code docs/rules-coverage.md} is the table the data makes today
 * ({@code -Drules.coverage.write=true} rewrites it).
 */
class CoverageTableTest {

    private static final Path DOC = Path.of("../../docs/rules-coverage.md");
    private final RuleBook book = RuleBook.standard();

    @Test
    void everyCatalogueIdIsImplementedByItsKindOrGivenAReason() {
        Map<String, Set<Kind>> implemented = CoverageTable.implementedKinds(book);
        Set<String> reasoned = new TreeSet<>();
        book.elsewhere().forEach(e -> reasoned.add(e.id()));
        List<String> missing = new ArrayList<>();
        List<String> wrongKind = new ArrayList<>();
        for (RuleBook.CatalogueRow row : book.catalogue().values()) {
            Set<Kind> kinds = implemented.getOrDefault(row.id(), Set.of());
            if (kinds.isEmpty() && !reasoned.contains(row.id())) {
                missing.add(row.id());
            } else if (!kinds.isEmpty() && !kinds.contains(row.kind())) {
                wrongKind.add(row.id() + " (" + row.kind() + ", implemented as " + kinds + ")");
            }
        }
        assertTrue(missing.isEmpty(), missing.size() + " catalogue ids neither implemented nor given a reason: "
                + missing);
        assertTrue(wrongKind.isEmpty(), "implemented as another kind than the catalogue's: " + wrongKind);
    }

    @Test
    void everyDataRowNamesACatalogueIdAndSomethingThatJudgesIt() {
        Set<String> ids = book.catalogue().keySet();
        List<String> bad = new ArrayList<>();
        for (Rule r : book.rules()) {
            if (!ids.contains(r.id())) {
                bad.add("rule " + r.id() + ": not a catalogue id");
            }
            r.covers().stream().filter(c -> !ids.contains(c)).forEach(c -> bad.add("rule " + r.id() + " covers " + c));
            if (Checks.standard().find(r.check()).isEmpty()) {
                bad.add("rule " + r.id() + ": nothing evaluates check " + r.check());
            }
            if (r.message() == null || r.message().zh() == null || r.message().en() == null) {
                bad.add("rule " + r.id() + ": message in both languages missing");
            }
        }
        for (MaterialRow m : book.materials()) {
            if (!ids.contains(m.id())) {
                bad.add("material " + m.id() + ": not a catalogue id");
            }
            if (m.when() != null && Conditions.find(m.when().condition()).isEmpty()) {
                bad.add("material " + m.id() + ": no condition named " + m.when().condition());
            }
        }
        book.checklist().stream().filter(c -> !ids.contains(c.id()))
                .forEach(c -> bad.add("checklist " + c.id() + ": not a catalogue id"));
        book.elsewhere().stream().filter(e -> !ids.contains(e.id()))
                .forEach(e -> bad.add("elsewhere " + e.id() + ": not a catalogue id"));
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void theCommittedCoverageTableIsTheDatasOwn() throws IOException {
        String table = CoverageTable.render(book);
        if (Boolean.getBoolean("rules.coverage.write")) {
            Files.writeString(DOC, table, StandardCharsets.UTF_8);
        }
        assertEquals(table, Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "",
                "docs/rules-coverage.md is stale: run ./mvnw -pl libs/rules test -Drules.coverage.write=true");
    }
}
