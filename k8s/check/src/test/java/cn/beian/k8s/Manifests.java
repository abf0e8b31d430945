package cn.beian.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The rendered overlays. Where {@code kubectl} is installed (or BEIAN_KUBECTL names one) each overlay is rendered with
 * {@code kubectl kustomize} and must equal the committed render in {@code k8s/rendered/<overlay>.yaml}; without it the
 * committed render is checked, and it must have been made from the k8s sources as they are now (the sha-256 of every
 * file under k8s/base, k8s/platform and k8s/overlays is in its first line). {@code -Dk8s.write=true} (bin/k8s-render)
 * rewrites the committed renders.
 */
final class Manifests {

    static final String HASH_PREFIX = "# k8s sources sha256: ";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Manifests> CACHE = new HashMap<>();

    final String overlay;
    final List<JsonNode> objects;
    /** "kubectl kustomize (vX)" or "committed render". */
    final String source;

    private Manifests(String overlay, List<JsonNode> objects, String source) {
        this.overlay = overlay;
        this.objects = objects;
        this.source = source;
    }

    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(Repo.path("k8s", "overlays"))) {
            return dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized Manifests of(String overlay) {
        return CACHE.computeIfAbsent(overlay, Manifests::load);
    }

    private static Manifests load(String overlay) {
        Path committed = Repo.path("k8s", "rendered", overlay + ".yaml");
        if (Repo.writing()) {
            // the generated topics first: the render includes them
            Repo.write(Repo.path("k8s", "platform", "topics.yaml"), TopicsYaml.render());
        }
        String hash = sourcesHash();
        Optional<String> kubectl = kubectl();
        if (kubectl.isPresent()) {
            String rendered = kustomize(kubectl.get(), overlay);
            String withHeader = HASH_PREFIX + hash + "\n"
                    + "# GENERATED: kubectl kustomize k8s/overlays/" + overlay + " (bin/k8s-render). Do not edit.\n"
                    + rendered;
            if (Repo.writing()) {
                Repo.write(committed, withHeader);
            } else if (!Files.exists(committed) || !parse(Repo.read(committed)).equals(parse(rendered))) {
                throw new AssertionError("k8s/rendered/" + overlay + ".yaml differs from `kubectl kustomize "
                        + "k8s/overlays/" + overlay + "`: run bin/k8s-render and commit it");
            } else if (!Repo.read(committed).startsWith(HASH_PREFIX + hash)) {
                // Same objects, other sources (a comment changed): refresh the stamp so machines without kubectl agree.
                throw new AssertionError("k8s/rendered/" + overlay + ".yaml was rendered from other k8s sources "
                        + "(comments only?): run bin/k8s-render and commit it");
            }
            return new Manifests(overlay, parse(rendered), "kubectl kustomize");
        }
        if (!Files.exists(committed)) {
            throw new AssertionError("no kubectl here and no committed render k8s/rendered/" + overlay + ".yaml");
        }
        String text = Repo.read(committed);
        if (!text.startsWith(HASH_PREFIX + hash)) {
            throw new AssertionError("k8s/ changed since k8s/rendered/" + overlay + ".yaml was rendered, and this "
                    + "machine has no kubectl to render it: run bin/k8s-render where kubectl is installed");
        }
        return new Manifests(overlay, parse(text), "committed render (no kubectl here)");
    }

    static Optional<String> kubectl() {
        String configured = System.getenv("BEIAN_KUBECTL");
        if ("none".equals(configured)) {
            return Optional.empty();
        }
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    private static String kustomize(String kubectl, String overlay) {
        try {
            Path out = Files.createTempFile("kustomize-" + overlay, ".yaml");
            Path err = Files.createTempFile("kustomize-" + overlay, ".err");
            Process p = new ProcessBuilder(kubectl, "kustomize", Repo.path("k8s", "overlays", overlay).toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("kubectl kustomize k8s/overlays/" + overlay + " did not finish");
            }
            String rendered = Files.readString(out, StandardCharsets.UTF_8);
            String error = Files.readString(err, StandardCharsets.UTF_8);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            if (p.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize k8s/overlays/" + overlay + " failed:\n" + error);
            }
            return rendered;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sha-256 over the path and bytes of every file under k8s/base, k8s/platform and k8s/overlays. */
    static String sourcesHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<Path> files = new ArrayList<>();
            for (String dir : List.of("base", "platform", "overlays")) {
                try (Stream<Path> s = Files.walk(Repo.path("k8s", dir))) {
                    s.filter(Files::isRegularFile).forEach(files::add);
                }
            }
            files.stream().map(f -> Repo.ROOT.relativize(f).toString().replace('\\', '/')).sorted().forEach(rel -> {
                sha.update(rel.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                // line endings as committed, whatever the checkout does to them
                sha.update(Repo.read(Repo.ROOT.resolve(rel)).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> parse(String multiDocument) {
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(multiDocument)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && n.isObject() && n.size() > 0) {
                    docs.add(n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    // ---- queries ----

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    /** The Deployments of the five services. */
    List<JsonNode> serviceDeployments() {
        return ofKind("Deployment").stream().filter(d -> Repo.SERVICES.contains(name(d))).toList();
    }

    JsonNode deployment(String service) {
        return find("Deployment", service).orElseThrow(() -> new AssertionError(overlay + ": no Deployment " + service));
    }

    /** The HPA scaling a Deployment. */
    Optional<JsonNode> hpaOf(String deployment) {
        return ofKind("HorizontalPodAutoscaler").stream()
                .filter(h -> "Deployment".equals(h.at("/spec/scaleTargetRef/kind").asText())
                        && deployment.equals(h.at("/spec/scaleTargetRef/name").asText()))
                .findFirst();
    }

    /**
     * The environment a service's container gets: its envFrom ConfigMaps and Secrets (a Secret not in the render, as
     * in production, by the keys of its template in k8s/base/secret.example.yaml) and its env entries.
     */
    Map<String, String> environment(String service) {
        Map<String, String> env = new HashMap<>();
        JsonNode container = deployment(service).at("/spec/template/spec/containers/0");
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                String cm = from.at("/configMapRef/name").asText();
                JsonNode map = find("ConfigMap", cm)
                        .orElseThrow(() -> new AssertionError(overlay + ": " + service + " reads ConfigMap " + cm
                                + ", which is not rendered"));
                map.path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            } else if (from.has("secretRef")) {
                String secret = from.at("/secretRef/name").asText();
                Optional<JsonNode> rendered = find("Secret", secret);
                if (rendered.isPresent()) {
                    rendered.get().path("data").fieldNames().forEachRemaining(k -> env.put(k, "(secret)"));
                    rendered.get().path("stringData").fieldNames().forEachRemaining(k -> env.put(k, "(secret)"));
                } else {
                    JsonNode template = secretTemplates().stream().filter(t -> secret.equals(name(t))).findFirst()
                            .orElseThrow(() -> new AssertionError(overlay + ": Secret " + secret + " is neither "
                                    + "rendered nor described in k8s/base/secret.example.yaml"));
                    template.path("stringData").fieldNames().forEachRemaining(k -> env.put(k, "(secret)"));
                }
            }
        }
        for (JsonNode e : container.path("env")) {
            env.put(e.path("name").asText(), e.has("value") ? e.path("value").asText() : "(from)");
        }
        return env;
    }

    static List<JsonNode> secretTemplates() {
        return parse(Repo.read(Repo.path("k8s", "base", "secret.example.yaml")));
    }

    static ObjectNode object(JsonNode n) {
        return (ObjectNode) n;
    }
}
