package cn.beian.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.contract.domain.Province;
import cn.beian.validators.domain.ApprovedSuffixes;
import cn.beian.validators.domain.DomainNames;
import cn.beian.validators.domain.SuffixJudgement;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every bundle key a validator can return ({@link Problem#key()}) has its words in both of the platform's bundles, so
 * that a service can answer it in zh-CN and English: adding a problem without words fails here.
 */
class ProblemWordsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path BUNDLES = MODULE.resolve("../platform/src/main/resources/cn/beian/platform/problem");
    /**
     * A key as the validators name it: a {@code "field.…"} string literal (Problem.of, DomainParse.invalid, the
     * suffix judgements).
     */
    private static final Pattern KEY = Pattern.compile("\"(field\\.[a-z0-9.-]+)\"");

    @Test
    void everyKeyHasWordsInBothBundles() throws IOException {
        Set<String> keys = keysInSources();
        assertTrue(keys.size() >= 46, "found only " + keys);
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        for (String key : keys) {
            assertTrue(zh.containsKey(key), "messages.properties has no " + key);
            assertTrue(en.containsKey(key), "messages_en.properties has no " + key);
            // Both are MessageFormat patterns showing the same values.
            assertEquals(new MessageFormat(en.getProperty(key), Locale.ENGLISH).getFormatsByArgumentIndex().length,
                    new MessageFormat(zh.getProperty(key), Locale.CHINA).getFormatsByArgumentIndex().length, key);
        }
    }

    @Test
    void theEnglishEntryIsTheMessage() throws IOException {
        Properties en = load("messages_en.properties");
        var problems = Stream.of(
                ResidentIdNumbers.validate("110105491231002", java.time.LocalDate.of(2026, 1, 1)),
                ResidentIdNumbers.validate("991105199001011234", java.time.LocalDate.of(2026, 1, 1)),
                SocialCreditCodes.validate("91350100M000100Y4"),
                Phones.validateMobile("12"),
                DomainNames.parse("example.com:8080").problem(),
                DomainNames.parse("com").problem(),
                DomainNames.parse("a@b.com").problem(),
                DomainNames.parse("example.notatld").problem()).flatMap(java.util.Optional::stream).toList();
        assertEquals(8, problems.size());
        for (Problem p : problems) {
            String pattern = en.getProperty(p.key());
            assertFalse(pattern == null, p.key());
            assertEquals(p.message(), new MessageFormat(pattern, Locale.ENGLISH).format(p.args().toArray()), p.key());
        }
        var judgements = Stream.of(ApprovedSuffixes.standard().judge("rocks", null),
                ApprovedSuffixes.standard().judge("hk", Province.BEIJING),
                ApprovedSuffixes.standard().judge("org", Province.BEIJING))
                .filter(j -> !j.approved()).toList();
        assertEquals(3, judgements.size());
        for (SuffixJudgement j : judgements) {
            assertEquals(j.message(), new MessageFormat(en.getProperty(j.key()), Locale.ENGLISH)
                    .format(j.args().toArray()), j.key());
        }
    }

    private static Set<String> keysInSources() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MODULE.resolve("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
