package cn.beian.fuzz;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a run does. Every value is a system property ({@code -Dfuzz.count=…}) or, failing that, an environment
 * variable ({@code BEIAN_FUZZ_COUNT}); bin/fuzz sets both.
 *
 * @param count    how many requests the corpus has (at least this many are generated, then a seeded sample)
 * @param seed     the seed of every random choice: the same seed against the same OpenAPI documents is the same corpus
 * @param checks   the failure classes that fail the run ({@link Check}); the others are still reported
 * @param services the services whose OpenAPI documents drive the corpus
 * @param only     run only these cases (comma-separated ids; an id prefix such as {@code createSubject.null}
 *                 selects its cases), to reproduce from a report; or null
 * @param report   the report file (Markdown; a JSON copy of the failures lies next to it)
 */
public record FuzzConfig(int count, long seed, Set<Check> checks, List<String> services, String only, Path report) {

    /** The failure classes. The first five are the issue's; the others are the edge's promises. */
    public enum Check {
        /** Any 5xx answer. */
        SERVER_ERROR("5xx"),
        /** A 4xx that is not application/problem+json with type, title and status. */
        NOT_PROBLEM("not-problem"),
        /** A 400 for a body field that could name the field and whose problem has no errors[].field. */
        NO_FIELD("no-field"),
        /** A refused write (4xx) that changed what the account's resource list or resource reads. */
        WRITE_LEFT("write-left"),
        /** Another account's id answered anything but 404/403. */
        CROSS_ACCOUNT("cross-account"),
        /** A missing or forged token answered 2xx on an operation that needs one. */
        AUTH_BYPASS("auth-bypass"),
        /** A string with NUL, a lone surrogate or invalid/overlong UTF-8 was accepted (2xx). */
        BAD_STRING_ACCEPTED("bad-string-accepted"),
        /** The same Idempotency-Key with a different body replayed the first answer. */
        IDEMPOTENCY_BODY_IGNORED("idempotency-body-ignored"),
        /** {@code If-Match: *} accepted on an update (PUT) that needs a version. */
        IF_MATCH_STAR("if-match-star"),
        /** A PE/ZIP/HTML/PDF body sent as image/jpeg was stored. */
        DISGUISED_FILE_ACCEPTED("disguised-file-accepted"),
        /** The connection failed or timed out (no HTTP answer). */
        TRANSPORT("transport");

        public final String label;

        Check(String label) {
            this.label = label;
        }

        static Check of(String label) {
            for (Check c : values()) {
                if (c.label.equalsIgnoreCase(label.trim()) || c.name().equalsIgnoreCase(label.trim())) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown check " + label + "; known: "
                    + Arrays.stream(values()).map(c -> c.label).collect(Collectors.joining(", ")));
        }
    }

    /** Reads the run's settings; {@code defaults} are used where nothing is set (the IT sample's are small). */
    public static FuzzConfig load(int defaultCount, long defaultSeed, String defaultChecks, String reportName) {
        int count = Integer.parseInt(value("fuzz.count", String.valueOf(defaultCount)));
        long seed = Long.parseLong(value("fuzz.seed", String.valueOf(defaultSeed)));
        Set<Check> set = checks(value("fuzz.checks", defaultChecks));
        List<String> services = Arrays.stream(value("fuzz.services", "subject,website,materials,review,notification")
                .split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        String only = value("fuzz.only", "");
        Path report = Path.of(value("fuzz.report", "target/fuzz/" + reportName));
        return new FuzzConfig(count, seed, set, services, only.isBlank() ? null : only, report);
    }

    /** {@code all} (or {@code strict}), {@code none}, a comma-separated list of labels, or {@code all,-label,…}. */
    static Set<Check> checks(String checks) {
        Set<Check> set = new LinkedHashSet<>();
        if (checks.isBlank() || checks.equalsIgnoreCase("all") || checks.equalsIgnoreCase("strict")) {
            set.addAll(Arrays.asList(Check.values()));
        } else if (!checks.equalsIgnoreCase("none")) {
            for (String c : checks.split(",")) {
                if (c.trim().startsWith("-")) {
                    if (set.isEmpty()) {
                        set.addAll(Arrays.asList(Check.values()));
                    }
                    set.remove(Check.of(c.trim().substring(1)));
                } else if (c.trim().equalsIgnoreCase("all")) {
                    set.addAll(Arrays.asList(Check.values()));
                } else if (!c.isBlank()) {
                    set.add(Check.of(c));
                }
            }
        }
        return set;
    }

    static String value(String property, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv("BEIAN_" + property.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return v == null || v.isBlank() ? fallback : v;
    }
}
