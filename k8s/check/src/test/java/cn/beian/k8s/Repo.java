package cn.beian.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where things are in the repository, and what the services' builds left there. */
final class Repo {

    static final List<String> SERVICES = List.of("subject-service", "website-service", "materials-service",
            "review-service", "notification-service");

    static final Path ROOT = findRoot();

    private Repo() {
    }

    private static Path findRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("k8s")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("not inside the Beian repository: " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    static Path path(String first, String... more) {
        return ROOT.resolve(Path.of(first, more));
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path p, String content) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this run rewrites the generated files ({@code -Dk8s.write=true}, bin/k8s-render). */
    static boolean writing() {
        return Boolean.parseBoolean(System.getProperty("k8s.write", "false"));
    }

    /** The OpenAPI document the service's build stored (quarkus.smallrye-openapi.store-schema-directory). */
    static JsonNode openApi(String service) {
        Path doc = path(service, "target", "openapi", "openapi.json");
        if (!Files.exists(doc)) {
            throw new IllegalStateException(doc + " is missing: build the services first "
                    + "(./mvnw -pl k8s/check -am install -DskipTests, or bin/k8s-render)");
        }
        try {
            return new ObjectMapper().readTree(doc.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
