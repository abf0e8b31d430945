package cn.beian.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A service's configuration as its build defines it: the platform's shared defaults (libs/platform's
 * microprofile-config.properties) overridden by its application.properties (profile-less keys only), and its
 * {@code @ConfigMapping} interfaces read by reflection from its target/classes.
 */
final class ServiceConfig {

    private static final Pattern EXPR = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");
    /** A default that only works on a developer's machine: a local host, a local secret. */
    private static final Pattern LOCAL_DEFAULT = Pattern.compile("(?i)localhost|127\\.0\\.0\\.1|local");
    /** Credentials whose defaults are the local stack's. */
    private static final Set<String> CREDENTIALS = Set.of("beian.db.user", "beian.db.password");

    final String service;
    /** Every profile-less key the files define, with its raw value. */
    final Map<String, String> properties = new TreeMap<>();

    ServiceConfig(String service) {
        this.service = service;
        load(Repo.path("libs", "platform", "src", "main", "resources", "META-INF", "microprofile-config.properties"));
        load(Repo.path(service, "src", "main", "resources", "application.properties"));
    }

    private void load(Path file) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Repo.read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.stringPropertyNames().stream().filter(k -> !k.startsWith("%")).forEach(k -> properties.put(k, p.getProperty(k)));
    }

    /** The environment variable SmallRye maps to a property ({@code beian.db.pool-size} → BEIAN_DB_POOL_SIZE). */
    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** A property's value with ${...} expressions resolved against the files and then {@code env}. */
    String resolve(String key, Map<String, String> environment) {
        if (environment.containsKey(env(key))) {
            return environment.get(env(key));
        }
        String raw = properties.get(key);
        return raw == null ? null : expand(raw, environment);
    }

    private String expand(String raw, Map<String, String> environment) {
        Matcher m = EXPR.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = resolve(m.group(1), environment);
            if (v == null) {
                v = m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The keys a deployment must set: each ${key} without a default that no file defines, each ${key:default} whose
     * default only works locally (localhost, a local secret, the local credentials), and each @ConfigMapping property
     * without a default (or with a local one). Values: why.
     */
    Map<String, String> requiredKeys() {
        Map<String, String> required = new TreeMap<>();
        properties.forEach((k, raw) -> {
            Matcher m = EXPR.matcher(raw);
            while (m.find()) {
                String ref = m.group(1);
                String def = m.group(2);
                if (def == null && !properties.containsKey(ref) && !ref.equals("quarkus.uuid")) {
                    required.put(ref, "${" + ref + "} in " + k + " has no default");
                } else if (def != null && !properties.containsKey(ref)
                        && (LOCAL_DEFAULT.matcher(def).find() || CREDENTIALS.contains(ref))) {
                    required.put(ref, "${" + ref + ":" + def + "} in " + k + " defaults to the local stack");
                }
            }
        });
        // a mapping property the files define is judged by its expression above
        mappings().forEach((k, why) -> {
            if (!properties.containsKey(k)) {
                required.putIfAbsent(k, why);
            }
        });
        return required;
    }

    /** @ConfigMapping properties with no default or a local one. */
    Map<String, String> mappings() {
        Map<String, String> required = new LinkedHashMap<>();
        List<Path> roots = List.of(Repo.path(service, "target", "classes"),
                Repo.path("libs", "platform", "target", "classes"));
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new IllegalStateException(root + " is missing: build first (./mvnw -pl k8s/check -am install -DskipTests)");
            }
        }
        try (URLClassLoader loader = new URLClassLoader(roots.stream().map(ServiceConfig::url).toArray(URL[]::new),
                ServiceConfig.class.getClassLoader())) {
            for (Path root : roots) {
                for (String name : mappingClasses(root)) {
                    Class<?> type = Class.forName(name, false, loader);
                    io.smallrye.config.ConfigMapping mapping = type.getAnnotation(io.smallrye.config.ConfigMapping.class);
                    if (mapping != null) {
                        walk(type, mapping.prefix(), required, new TreeSet<>());
                    }
                }
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return required;
    }

    private static void walk(Class<?> type, String prefix, Map<String, String> required, Set<String> seen) {
        if (!seen.add(type.getName())) {
            return;
        }
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.isDefault() || m.getParameterCount() > 0) {
                continue;
            }
            io.smallrye.config.WithName named = m.getAnnotation(io.smallrye.config.WithName.class);
            String key = prefix + "." + (named != null ? named.value() : kebab(m.getName()));
            Class<?> r = m.getReturnType();
            if (r == Optional.class || r == OptionalInt.class || r == OptionalLong.class || r == OptionalDouble.class
                    || Map.class.isAssignableFrom(r)) {
                continue;
            }
            if (r.isInterface() && !r.getName().startsWith("java.")) {
                walk(r, key, required, seen);
                continue;
            }
            io.smallrye.config.WithDefault def = m.getAnnotation(io.smallrye.config.WithDefault.class);
            if (def == null) {
                required.put(key, "@ConfigMapping " + type.getSimpleName() + "." + m.getName() + "() has no default");
            } else if (LOCAL_DEFAULT.matcher(def.value()).find()) {
                required.put(key, "@ConfigMapping " + type.getSimpleName() + "." + m.getName() + "() defaults to "
                        + def.value());
            }
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static List<String> mappingClasses(Path root) throws IOException {
        byte[] marker = "Lio/smallrye/config/ConfigMapping;".getBytes();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                if (indexOf(Files.readAllBytes(f), marker) >= 0) {
                    String rel = root.relativize(f).toString().replace('\\', '/');
                    names.add(rel.substring(0, rel.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        return names;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- messaging ----

    /** An incoming Kafka channel as the service's properties configure it. */
    record Incoming(String channel, List<String> topics, String deadLetterTopic, String groupId, String consumers) {
    }

    List<Incoming> incoming() {
        List<Incoming> list = new ArrayList<>();
        String pre = "mp.messaging.incoming.";
        for (String k : properties.keySet()) {
            if (!k.startsWith(pre) || !k.endsWith(".connector") || !"smallrye-kafka".equals(properties.get(k))) {
                continue;
            }
            String ch = k.substring(pre.length(), k.length() - ".connector".length());
            String p = pre + ch + ".";
            String topicList = properties.getOrDefault(p + "topics", properties.getOrDefault(p + "topic", ch));
            List<String> topics = Arrays.stream(topicList.split(",")).map(String::strip).toList();
            String dlq = null;
            String strategy = properties.getOrDefault(p + "failure-strategy",
                    properties.get("mp.messaging.connector.smallrye-kafka.failure-strategy"));
            if ("dead-letter-queue".equals(strategy)) {
                // SmallRye's default when no topic is named: dead-letter-topic-<topic>
                dlq = properties.getOrDefault(p + "dead-letter-queue.topic", "dead-letter-topic-" + topics.get(0));
            }
            list.add(new Incoming(ch, topics, dlq, properties.get(p + "group.id"),
                    properties.getOrDefault(p + "partitions", "1")));
        }
        return list;
    }

    /** Outgoing Kafka channels: channel → topic (resolved). */
    Map<String, String> outgoing() {
        Map<String, String> out = new TreeMap<>();
        String pre = "mp.messaging.outgoing.";
        for (String k : properties.keySet()) {
            if (k.startsWith(pre) && k.endsWith(".connector") && "smallrye-kafka".equals(properties.get(k))) {
                String ch = k.substring(pre.length(), k.length() - ".connector".length());
                out.put(ch, expand(properties.getOrDefault(pre + ch + ".topic", ch), Map.of()));
            }
        }
        return out;
    }

    /** Consumers per pod of a channel, with the deployment's environment. */
    int consumersPerPod(Incoming in, Map<String, String> environment) {
        return Integer.parseInt(expand(in.consumers(), environment).strip());
    }
}
