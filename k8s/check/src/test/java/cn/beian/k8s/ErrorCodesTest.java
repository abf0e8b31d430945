package cn.beian.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The error catalogue, {@code docs/error-codes.md}, generated from the code: every {@code errors[].code} (and problem
 * {@code code} member) a module can answer, where it comes from, and the words it comes with. The test fails when
 * the catalogue is not what the code says; {@code bin/error-codes} rewrites it.
 */
class ErrorCodesTest {

    private static final Path CATALOGUE = Repo.path("docs", "error-codes.md");
    private static final List<String> MODULES = List.of("subject-service", "website-service", "materials-service",
            "review-service", "notification-service", "national-systems", "libs/platform", "libs/validators");
    /** Bean Validation constraints, named by ProblemMappers from the annotation. */
    private static final List<String> CONSTRAINTS = List.of("NOT_NULL", "NOT_BLANK", "NOT_EMPTY", "SIZE", "PATTERN",
            "EMAIL", "MIN", "MAX");

    private static final String CODE = "\"([A-Z][A-Z0-9_]{2,})\"";
    private static final String STRING = "\"((?:[^\"\\\\]|\\\\.)*)\"";
    /** new FieldViolation(field, CODE, "message" …), FieldViolation.of(…), a decision's Conflict, ProblemException.invalid(…). */
    private static final Pattern VIOLATION = Pattern.compile(
            "(?:new FieldViolation|FieldViolation\\.of|new Conflict|conflict|ProblemException\\.invalid)\\(\\s*[^;]*?,\\s*(" + CODE
                    + "|[A-Za-z_.]*[A-Z][A-Z0-9_]{2,})\\s*,\\s*(?:" + STRING + "(\\s*\\+)?)?");
    /** A module's own helper that words a refusal: invalid("CODE", "message"), invalidCode("CODE", …). */
    private static final Pattern HELPER = Pattern.compile(
            "\\binvalid\\w*\\(\\s*(" + CODE + ")\\s*,\\s*(?:" + STRING + "(\\s*\\+)?)?");
    private static final Pattern CODE_MEMBER = Pattern.compile("\\.with\\(\"code\",\\s*(" + CODE + "|[A-Z][A-Z0-9_.]*)");
    private static final Pattern BUNDLE_KEY = Pattern.compile("(?:field|detail|conflict)\\.[A-Za-z0-9.-]+");
    private static final Pattern CONSTANT = Pattern.compile(
            "static final String ([A-Z][A-Z0-9_]*)\\s*=\\s*" + CODE + "\\s*;");
    /** The validators' codes, answered through {@code problem.code()}: every constant of these classes. */
    private static final List<Path> VALIDATOR_CODES = List.of(
            Repo.path("libs", "validators", "src", "main", "java", "cn", "beian", "validators", "Problem.java"),
            Repo.path("libs", "validators", "src", "main", "java", "cn", "beian", "validators", "domain",
                    "DomainNames.java"));

    /** A validators problem with its bundle key: Problem.of(CODE, "field.…", …), DomainParse.invalid(CODE, "field.…"). */
    private static final Pattern KEYED_PROBLEM = Pattern.compile(
            "(?:Problem\\.of|\\binvalid)\\(\\s*([A-Za-z_.]*[A-Z][A-Z0-9_]{2,})\\s*,\\s*\"(field\\.[a-z0-9.-]+)\"");
    /** The platform's zh-CN bundle, which words the validators' problems. */
    private static final Path PLATFORM_WORDS = Repo.path("libs", "platform", "src", "main", "resources", "cn", "beian",
            "platform", "problem", "messages.properties");

    record Entry(TreeSet<String> modules, List<String> messages) {
    }

    @Test
    void theCatalogueListsEveryCodeTheModulesAnswer() {
        String expected = render(collect());
        if (Repo.writing() || Boolean.getBoolean("error-codes.write")) {
            Repo.write(CATALOGUE, expected);
        }
        assertTrue(Files.exists(CATALOGUE), CATALOGUE + " is missing: run bin/error-codes");
        assertEquals(expected, Repo.read(CATALOGUE), "docs/error-codes.md is stale: run bin/error-codes");
    }

    static Map<String, Entry> collect() {
        Map<String, String> constants = new TreeMap<>();
        List<Path> sources = new ArrayList<>();
        for (String module : MODULES) {
            Path root = Repo.ROOT.resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Path p : sources) {
            Matcher m = CONSTANT.matcher(Repo.read(p));
            while (m.find()) {
                constants.putIfAbsent(m.group(1), m.group(2));
            }
        }
        Map<String, Entry> codes = new TreeMap<>();
        Map<String, java.util.Properties> words = new TreeMap<>();
        for (Path p : sources) {
            String module = Repo.ROOT.relativize(p).getName(0).toString();
            if (module.equals("libs")) {
                module = "libs/" + Repo.ROOT.relativize(p).getName(1);
            }
            String text = Repo.read(p);
            if (module.equals("libs/validators")) {
                Matcher k = KEYED_PROBLEM.matcher(text);
                while (k.find()) {
                    add(codes, resolve(k.group(1), constants), module,
                            words.computeIfAbsent(module, x -> load(PLATFORM_WORDS)).getProperty(k.group(2)));
                }
            }
            for (Pattern pattern : List.of(VIOLATION, HELPER)) {
                Matcher v = pattern.matcher(text);
                while (v.find()) {
                    String message = v.group(3) == null ? null : v.group(3) + (v.group(4) != null ? "…" : "");
                    if (message != null && BUNDLE_KEY.matcher(message).matches()) {
                        message = words.computeIfAbsent(module, ErrorCodesTest::bundle).getProperty(message, message);
                    }
                    add(codes, resolve(v.group(1), constants), module, message);
                }
            }
            Matcher c = CODE_MEMBER.matcher(text);
            while (c.find()) {
                add(codes, resolve(c.group(1), constants), module, null);
            }
        }
        for (Path p : VALIDATOR_CODES) {
            Matcher m = CONSTANT.matcher(Repo.read(p));
            while (m.find()) {
                add(codes, m.group(2), "libs/validators", null);
            }
        }
        CONSTRAINTS.forEach(code -> add(codes, code, "libs/platform", null));
        return codes;
    }

    /** A module's zh-CN words (a key the code names is shown as the words it stands for). */
    private static java.util.Properties bundle(String module) {
        return load(Repo.ROOT.resolve(module).resolve("src/main/resources/messages.properties"));
    }

    private static java.util.Properties load(Path file) {
        java.util.Properties words = new java.util.Properties();
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
                words.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return words;
    }

    private static String resolve(String token, Map<String, String> constants) {
        if (token.startsWith("\"")) {
            return token.substring(1, token.length() - 1);
        }
        String name = token.substring(token.lastIndexOf('.') + 1);
        return constants.get(name);
    }

    private static void add(Map<String, Entry> codes, String code, String module, String message) {
        if (code == null) {
            return; // a variable the scan cannot follow; its values are constants found elsewhere
        }
        Entry e = codes.computeIfAbsent(code, k -> new Entry(new TreeSet<>(), new ArrayList<>()));
        e.modules().add(module);
        if (message != null && !message.isBlank() && e.messages().size() < 1) {
            e.messages().add(message.replace("|", "\\|"));
        }
    }

    static String render(Map<String, Entry> codes) {
        StringBuilder md = new StringBuilder("""
                # Error codes

                Every `errors[].code` (and problem `code` member) a Beian module can answer, generated from the code by
                `bin/error-codes`; `k8s/check`'s `ErrorCodesTest` fails when this file is stale, so do not edit it by
                hand. What the codes mean in general, and the problem types they come with, is in the README
                ("REST conventions"). The message is the first one the code is written with (most are zh-CN; the
                answer follows `Accept-Language` where the module has the words in both languages).

                | code | answered by | message |
                | --- | --- | --- |
                """);
        codes.forEach((code, e) -> md.append("| `").append(code).append("` | ")
                .append(String.join(", ", e.modules())).append(" | ")
                .append(e.messages().isEmpty() ? "" : e.messages().get(0)).append(" |\n"));
        return md.toString();
    }
}
