package cn.beian.fuzz;

import cn.beian.fuzz.FuzzConfig.Check;
import cn.beian.fuzz.OpenApi.Operation;
import cn.beian.fuzz.Runner.Failure;
import cn.beian.fuzz.Runner.Outcome;
import cn.beian.it.Stack;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One run: the documents, the fixtures, the corpus, the requests, the report. Returns the failures that count. */
final class FuzzSession {

    static final Map<String, String> BASES = Map.of("subject", Stack.SUBJECT, "website", Stack.WEBSITE,
            "materials", Stack.MATERIALS, "review", Stack.REVIEW, "notification", Stack.NOTIFICATION,
            "national", Stack.NATIONAL);

    record Result(int requests, Map<Check, Integer> failures, Path report) {
        int counted(FuzzConfig config) {
            return failures.entrySet().stream().filter(e -> config.checks().contains(e.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
        }
    }

    static Result run(FuzzConfig config, String title) throws Exception {
        Instant start = Instant.now();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Operation> all = new ArrayList<>();
        for (String s : config.services()) {
            String base = BASES.get(s);
            if (base == null) {
                throw new IllegalArgumentException("unknown service " + s + "; known: " + BASES.keySet());
            }
            all.addAll(OpenApi.load(http, s, base));
        }
        List<Operation> ops = all.stream().filter(o -> !Corpus.excluded(o)).toList();
        World world = World.create(config.seed());
        Thread.sleep(1500); // the fixtures' events settle before anything is compared
        List<FuzzCase> cases = new Corpus(world, config.seed()).generate(ops, config.count());
        if (config.only() != null) {
            List<String> wanted = List.of(config.only().split(","));
            cases = cases.stream().filter(c -> wanted.stream().anyMatch(w -> c.id().equals(w.trim())
                    || c.id().startsWith(w.trim() + "."))).toList();
        }
        System.out.printf("fuzz: %d requests over %d of %d operations (seed %d)%n", cases.size(),
                cases.stream().map(FuzzCase::op).distinct().count(), ops.size(), config.seed());
        Runner runner = new Runner(world, ops);
        int[] done = {0};
        long[] last = {System.currentTimeMillis()};
        List<Outcome> outcomes = runner.run(cases, o -> {
            done[0]++;
            if (System.currentTimeMillis() - last[0] > 15_000) {
                last[0] = System.currentTimeMillis();
                System.out.printf("fuzz: %d requests sent%n", done[0]);
            }
        });
        Duration took = Duration.between(start, Instant.now());
        Map<Check, Integer> counts = new EnumMap<>(Check.class);
        for (Outcome o : outcomes) {
            for (Failure f : o.failures()) {
                counts.merge(f.check(), 1, Integer::sum);
            }
        }
        write(config, title, all, ops, outcomes, counts, took);
        System.out.println(summary(config, outcomes, counts, took));
        return new Result(outcomes.size(), counts, config.report());
    }

    private static String summary(FuzzConfig config, List<Outcome> outcomes, Map<Check, Integer> counts, Duration took) {
        StringBuilder s = new StringBuilder("fuzz: " + outcomes.size() + " requests in " + took.toSeconds() + " s; ");
        if (counts.isEmpty()) {
            s.append("no failures");
        }
        counts.forEach((k, v) -> s.append(k.label).append('=').append(v)
                .append(config.checks().contains(k) ? "" : " (report only)").append("  "));
        return s.append("\nfuzz: report ").append(config.report().toAbsolutePath()).toString();
    }

    private static void write(FuzzConfig config, String title, List<Operation> all, List<Operation> ops,
            List<Outcome> outcomes, Map<Check, Integer> counts, Duration took) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        long covered = outcomes.stream().map(o -> o.c().op()).distinct().count();
        md.append("- run: ").append(Instant.now()).append(", ").append(took.toSeconds()).append(" s\n");
        md.append("- seed `").append(config.seed()).append("`, ").append(outcomes.size()).append(" requests")
                .append(config.only() != null ? " (only `" + config.only() + "`)" : "").append('\n');
        md.append("- operations: ").append(covered).append(" of ").append(all.size())
                .append(" in the OpenAPI documents of ").append(String.join(", ", config.services()))
                .append(" (left out: ").append(all.stream().filter(Corpus::excluded).map(o -> o.method() + " "
                        + o.service() + ":" + o.path()).collect(Collectors.joining(", "))).append(")\n");
        md.append("- failing classes: ").append(config.checks().stream().map(c -> "`" + c.label + "`")
                .collect(Collectors.joining(", "))).append("\n\n");

        md.append("## Failures\n\n| class | failures | endpoints | fails the run |\n|---|---:|---:|---|\n");
        for (Check c : Check.values()) {
            long eps = outcomes.stream().filter(o -> o.failures().stream().anyMatch(f -> f.check() == c))
                    .map(o -> o.c().op()).distinct().count();
            md.append("| `").append(c.label).append("` | ").append(counts.getOrDefault(c, 0)).append(" | ").append(eps)
                    .append(" | ").append(config.checks().contains(c) ? "yes" : "no (reported only)").append(" |\n");
        }

        md.append("\n## Requests per class\n\n| class | requests | answers |\n|---|---:|---|\n");
        Map<String, List<Outcome>> byKind = new TreeMap<>();
        outcomes.forEach(o -> byKind.computeIfAbsent(o.c().kind(), k -> new ArrayList<>()).add(o));
        byKind.forEach((k, l) -> md.append("| ").append(k).append(" | ").append(l.size()).append(" | ")
                .append(statuses(l)).append(" |\n"));

        md.append("\n## Per endpoint\n\n| endpoint | requests | answers | failures |\n|---|---:|---|---|\n");
        Map<Operation, List<Outcome>> byOp = new LinkedHashMap<>();
        for (Operation op : ops) {
            byOp.put(op, new ArrayList<>());
        }
        outcomes.forEach(o -> byOp.computeIfAbsent(o.c().op(), k -> new ArrayList<>()).add(o));
        byOp.forEach((op, l) -> {
            Map<String, Integer> f = new TreeMap<>();
            l.forEach(o -> o.failures().forEach(x -> f.merge(x.check().label, 1, Integer::sum)));
            md.append("| `").append(op.method()).append(' ').append(op.service()).append(':').append(op.path())
                    .append("` | ").append(l.size()).append(" | ").append(statuses(l)).append(" | ")
                    .append(f.isEmpty() ? "—" : f.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", "))).append(" |\n");
        });

        md.append("\n## Failure samples\n\nUp to three per class and endpoint. Reproduce one with `bin/fuzz --seed ")
                .append(config.seed()).append(" --count ").append(config.count())
                .append(" --only <case id>` (ids are stable for a seed and count).\n");
        for (Check c : Check.values()) {
            Map<Operation, List<Outcome>> per = new LinkedHashMap<>();
            outcomes.stream().filter(o -> o.failures().stream().anyMatch(f -> f.check() == c))
                    .forEach(o -> per.computeIfAbsent(o.c().op(), k -> new ArrayList<>()).add(o));
            if (per.isEmpty()) {
                continue;
            }
            md.append("\n### `").append(c.label).append("`\n");
            per.forEach((op, l) -> {
                md.append("\n#### `").append(op.method()).append(' ').append(op.service()).append(':')
                        .append(op.path()).append("` (").append(l.size()).append(")\n");
                for (Outcome o : l.subList(0, Math.min(3, l.size()))) {
                    String msg = o.failures().stream().filter(f -> f.check() == c).map(Failure::message).findFirst()
                            .orElse("");
                    md.append("\n- `").append(o.c().id()).append("` — ").append(o.c().kind()).append(": ")
                            .append(o.c().description().replace("|", "\\|")).append(" → **").append(o.status())
                            .append("** ").append(o.contentType() == null ? "" : o.contentType()).append("\n\n")
                            .append("  ").append(msg.replace("\n", " ")).append("\n\n  ```http\n");
                    if (o.c().preflight() != null) {
                        md.append("  # first, with the same key:\n  ")
                                .append(o.c().preflight().render().replace("\n", "\n  ")).append("\n  # then:\n");
                    }
                    md.append("  ").append(o.c().render().replace("\n", "\n  ")).append("\n  ```\n");
                }
            });
        }
        Files.createDirectories(config.report().toAbsolutePath().getParent());
        Files.writeString(config.report(), md.toString(), StandardCharsets.UTF_8);

        StringBuilder jsonl = new StringBuilder();
        for (Outcome o : outcomes) {
            for (Failure f : o.failures()) {
                ObjectNode n = OpenApi.JSON.createObjectNode();
                n.put("case", o.c().id()).put("check", f.check().label).put("endpoint", o.c().op().key())
                        .put("kind", o.c().kind()).put("description", o.c().description()).put("status", o.status())
                        .put("message", f.message()).put("request", o.c().render());
                jsonl.append(n).append('\n');
            }
        }
        String name = config.report().getFileName().toString().replaceFirst("\\.md$", "");
        StringBuilder every = new StringBuilder();
        for (Outcome o : outcomes) {
            ObjectNode n = OpenApi.JSON.createObjectNode();
            n.put("case", o.c().id()).put("endpoint", o.c().op().key()).put("kind", o.c().kind())
                    .put("description", o.c().description()).put("status", o.status()).put("millis", o.millis())
                    .put("failures", o.failures().size()).put("answer", Runner.cut(o.body()));
            every.append(n).append('\n');
        }
        Files.writeString(config.report().resolveSibling(name + "-requests.jsonl"), every.toString(),
                StandardCharsets.UTF_8);
        Files.writeString(config.report().resolveSibling(name + "-failures.jsonl"), jsonl.toString(),
                StandardCharsets.UTF_8);
    }

    private static String statuses(List<Outcome> l) {
        Map<Integer, Integer> m = new TreeMap<>();
        l.forEach(o -> m.merge(o.status(), 1, Integer::sum));
        return m.entrySet().stream().map(e -> (e.getKey() == -2 ? "not sent" : e.getKey() < 0 ? "no answer" : e.getKey()) + "×" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
