package cn.beian.validators.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainNamesTest {

    @Test
    void chineseNameAndItsPunycodeAreTheSameDomain() {
        ParsedDomain unicode = DomainNames.parse("中文.中国").orElseThrow();
        ParsedDomain puny = DomainNames.parse("XN--FIQ228C.xn--fiqs8s").orElseThrow();
        assertEquals("xn--fiq228c.xn--fiqs8s", unicode.ascii());
        assertEquals("中文.中国", unicode.unicode());
        assertEquals(unicode, puny);
        assertEquals("xn--fiqs8s", unicode.suffix());
        assertEquals("中国", unicode.suffixUnicode());
        assertEquals("中文", unicode.prefix());
        assertFalse(unicode.subdomain());
    }

    @Test
    void subdomainOfASecondLevelSuffix() {
        ParsedDomain d = DomainNames.parse("www.Example.COM.cn.").orElseThrow();
        assertEquals("www.example.com.cn", d.ascii());
        assertEquals("example.com.cn", d.registrableDomain());
        assertEquals("com.cn", d.suffix());
        assertEquals("cn", d.topLevel());
        assertEquals("example", d.prefix());
        assertTrue(d.subdomain());
        assertTrue(DomainNames.parse("example.com.cn").orElseThrow().covers("shop.www.example.com.cn"));
        assertFalse(DomainNames.parse("example.com.cn").orElseThrow().covers("badexample.com.cn"));
    }

    @Test
    void comCnIsNotTheSameRegistrableDomainAsCn() {
        ParsedDomain cn = DomainNames.parse("example.cn").orElseThrow();
        ParsedDomain comCn = DomainNames.parse("example.com.cn").orElseThrow();
        assertEquals("cn", cn.suffix());
        assertEquals("example.cn", cn.registrableDomain());
        assertEquals("com.cn", comCn.suffix());
        assertEquals("example.com.cn", comCn.registrableDomain());
        // "com.cn" alone is a suffix, not a domain
        assertEquals(DomainNames.DOMAIN_IS_SUFFIX, code("com.cn"));
    }

    @Test
    void privateSuffixesDoNotHideTheRegistryDomain() {
        ParsedDomain d = DomainNames.parse("me.github.io").orElseThrow();
        assertEquals("github.io", d.registrableDomain());
        assertEquals("io", d.suffix());
    }

    @Test
    void uppercaseBlanksAndFullWidthDotsNormalise() {
        assertEquals("example.com", DomainNames.parse("  EXAMPLE.Com  ").orElseThrow().ascii());
        assertEquals("xn--fiq228c.xn--fiqs8s", DomainNames.parse("中文。中国").orElseThrow().ascii());
    }

    @ParameterizedTest
    @CsvSource({
        "http://example.com, DOMAIN_HAS_SCHEME",
        "https://www.example.com/, DOMAIN_HAS_SCHEME",
        "//example.com, DOMAIN_HAS_SCHEME",
        "example.com/index.html, DOMAIN_HAS_PATH",
        "example.com?x=1, DOMAIN_HAS_PATH",
        "example.com:8080, DOMAIN_HAS_PORT",
        "1.2.3.4, DOMAIN_IS_IP",
        "1.2.3.4:80, DOMAIN_IS_IP",
        "::1, DOMAIN_IS_IP",
        "[2001:db8::1], DOMAIN_IS_IP",
        "*.x.cn, DOMAIN_WILDCARD",
        "example, DOMAIN_INVALID",
        "exa_mple.com, DOMAIN_INVALID",
        "-example.com, DOMAIN_INVALID",
        "example-.com, DOMAIN_INVALID",
        "exa mple.com, DOMAIN_INVALID",
        "example..com, DOMAIN_INVALID",
        "xn--zz.com, DOMAIN_INVALID",
        "user@example.com, DOMAIN_INVALID",
        "example.notatld, DOMAIN_SUFFIX_UNKNOWN",
        "cn, DOMAIN_INVALID",
        "com.cn, DOMAIN_IS_SUFFIX",
    })
    void refusedWithAReason(String input, String expectedCode) {
        assertEquals(expectedCode, code(input), input);
    }

    @Test
    void emptyAndOversized() {
        assertEquals(DomainNames.DOMAIN_REQUIRED, code("  "));
        assertEquals(DomainNames.DOMAIN_REQUIRED, code(null));
        assertEquals(DomainNames.DOMAIN_TOO_LONG, code("a".repeat(250) + ".com"));
        assertEquals(DomainNames.DOMAIN_INVALID, code("a".repeat(64) + ".com"));
        assertTrue(DomainNames.parse("a".repeat(63) + ".com").isValid());
    }

    @Test
    void hostHeadersForTheAccessPolicy() {
        assertEquals("www.example.com", DomainNames.hostOrNull("WWW.Example.com:443"));
        assertEquals("www.example.com", DomainNames.hostOrNull("www.example.com."));
        assertEquals("xn--fiq228c.xn--fiqs8s", DomainNames.hostOrNull("中文.中国"));
        assertNull(DomainNames.hostOrNull(""));
    }

    private static String code(String input) {
        return DomainNames.parse(input).problem().map(p -> p.code()).orElse("VALID");
    }
}
