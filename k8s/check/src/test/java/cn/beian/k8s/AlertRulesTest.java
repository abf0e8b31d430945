package cn.beian.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The alerts of k8s/base/monitoring.yaml (a PrometheusRule) are the one source of Beian's alert rules:
 * k8s/local/prometheus-rules.yml, which bin/observe's local Prometheus loads, is generated from them (bin/k8s-render);
 * every alert is explained in k8s/README.md; every Beian metric a rule reads is one a service registers.
 */
class AlertRulesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));

    @Test
    void theLocalRulesAreThePrometheusRulesGroups() {
        Path file = Repo.path("k8s", "local", "prometheus-rules.yml");
        String generated = localRules();
        if (Repo.writing()) {
            Repo.write(file, generated);
        }
        assertEquals(generated, Repo.read(file).replace("\r\n", "\n"),
                "k8s/local/prometheus-rules.yml is not the PrometheusRule of k8s/base/monitoring.yaml: run bin/k8s-render");
    }

    /** Where promtool is installed (bin/observe installs Debian's prometheus), the rules must parse as Prometheus does. */
    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Path promtool = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(d -> Path.of(d, "promtool")).filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(promtool != null, "promtool is not installed");
        Process p = new ProcessBuilder(promtool.toString(), "check", "rules",
                Repo.path("k8s", "local", "prometheus-rules.yml").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void everyAlertIsExplainedInTheReadmeAndAnnotated() {
        String readme = Repo.read(Repo.path("k8s", "README.md"));
        List<String> missing = new ArrayList<>();
        for (JsonNode rule : rules()) {
            String alert = rule.path("alert").asText();
            if (!readme.contains("`" + alert + "`")) {
                missing.add(alert + ": not in k8s/README.md");
            }
            for (String a : List.of("summary", "description")) {
                if (rule.path("annotations").path(a).asText().isBlank()) {
                    missing.add(alert + ": no " + a);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyBeianMetricARuleReadsIsRegisteredByAService() throws IOException {
        String sources = sources();
        Set<String> unknown = new TreeSet<>();
        Matcher m = Pattern.compile("beian_[a-z_]+").matcher(String.join("\n", rules().stream()
                .map(r -> r.path("expr").asText()).toList()));
        while (m.find()) {
            String name = m.group();
            List<String> candidates = List.of(name, name.replaceFirst("_total$", ""),
                    name.replaceFirst("_seconds$", ""));
            if (candidates.stream().noneMatch(c -> sources.contains("\"" + c.replace('_', '.') + "\""))) {
                unknown.add(name);
            }
        }
        assertEquals(Set.of(), unknown, "metrics no service registers (a typo in a rule never fires)");
    }

    private static String localRules() {
        ObjectNode out = YAML.createObjectNode();
        out.set("groups", prometheusRule().path("spec").path("groups"));
        try {
            return "# GENERATED from the PrometheusRule in k8s/base/monitoring.yaml by k8s/check: do not edit.\n"
                    + "# Regenerate with bin/k8s-render. bin/observe's local Prometheus loads it.\n"
                    + YAML.writeValueAsString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> rules() {
        List<JsonNode> rules = new ArrayList<>();
        prometheusRule().path("spec").path("groups").forEach(g -> g.path("rules").forEach(rules::add));
        return rules;
    }

    private static JsonNode prometheusRule() {
        try (var parser = YAML.getFactory().createParser(Repo.path("k8s", "base", "monitoring.yaml").toFile())) {
            for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                if ("PrometheusRule".equals(doc.path("kind").asText())) {
                    return doc;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no PrometheusRule in k8s/base/monitoring.yaml");
    }

    private static String sources() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String module : List.of("libs/platform", "subject-service", "website-service", "materials-service",
                "review-service", "notification-service")) {
            Path dir = Repo.ROOT.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    all.append(Files.readString(f)).append('\n');
                }
            }
        }
        return all.toString();
    }
}
