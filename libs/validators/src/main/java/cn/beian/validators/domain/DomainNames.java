package cn.beian.validators.domain;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses what an applicant types as a domain into a normalised host name with its registrable domain and public
 * suffix (Guava's copy of the public suffix list, registry section only: a filing is about what a registry sells,
 * not about private suffixes such as {@code github.io}).
 *
 * <p>Normalises case, surrounding blanks, one trailing dot, ideographic full stops ({@code 。}) and Unicode ↔ punycode
 * ({@code 中文.中国} and {@code xn--fiq228c.xn--fiqs8s} are the same name). Refuses, each with its own code: schemes,
 * paths, ports, IP addresses, wildcards, malformed labels, names that are a suffix themselves and names whose suffix
 * is not on the public suffix list.
 */
public final class DomainNames {

    public static final String DOMAIN_REQUIRED = "DOMAIN_REQUIRED";
    public static final String DOMAIN_TOO_LONG = "DOMAIN_TOO_LONG";
    public static final String DOMAIN_HAS_SCHEME = "DOMAIN_HAS_SCHEME";
    public static final String DOMAIN_HAS_PATH = "DOMAIN_HAS_PATH";
    public static final String DOMAIN_HAS_PORT = "DOMAIN_HAS_PORT";
    public static final String DOMAIN_IS_IP = "DOMAIN_IS_IP";
    public static final String DOMAIN_WILDCARD = "DOMAIN_WILDCARD";
    public static final String DOMAIN_INVALID = "DOMAIN_INVALID";
    public static final String DOMAIN_IS_SUFFIX = "DOMAIN_IS_SUFFIX";
    public static final String DOMAIN_SUFFIX_UNKNOWN = "DOMAIN_SUFFIX_UNKNOWN";

    /** Longest input looked at; a host name has at most 253 characters, its Unicode form fewer. */
    static final int MAX_INPUT = 253;
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*|^//.*");
    private static final Pattern PORT = Pattern.compile(".*:[0-9]*$");
    private static final Pattern LDH_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /**
     * Parses already made, by input: parsing (IDN, the public suffix list) costs tens of microseconds, and the rules
     * parse the same domains of an order once per rule. Bounded, so odd inputs cannot grow it.
     */
    private static final Cache<String, DomainParse> PARSED = CacheBuilder.newBuilder().maximumSize(10_000).build();

    private DomainNames() {
    }

    public static DomainParse parse(String raw) {
        if (raw == null || raw.length() > MAX_INPUT + 16) {
            return parseUncached(raw);
        }
        DomainParse known = PARSED.getIfPresent(raw);
        if (known == null) {
            known = parseUncached(raw);
            PARSED.put(raw, known);
        }
        return known;
    }

    private static DomainParse parseUncached(String raw) {
        if (raw == null || raw.isBlank()) {
            return DomainParse.invalid(DOMAIN_REQUIRED, "field.domain-required", "A domain is required");
        }
        String s = raw.strip();
        if (s.length() > MAX_INPUT) {
            return DomainParse.invalid(DOMAIN_TOO_LONG, "field.domain-too-long", "A domain has at most 253 characters");
        }
        if (SCHEME.matcher(s).matches()) {
            return DomainParse.invalid(DOMAIN_HAS_SCHEME, "field.domain-has-scheme",
                    "Give the domain alone, without http:// or https:// (e.g. example.com)");
        }
        if (s.indexOf('/') >= 0 || s.indexOf('?') >= 0 || s.indexOf('#') >= 0 || s.indexOf('\\') >= 0) {
            return DomainParse.invalid(DOMAIN_HAS_PATH, "field.domain-has-path",
                    "Give the domain alone, without a path (e.g. example.com)");
        }
        if (s.indexOf('@') >= 0) {
            return DomainParse.invalid(DOMAIN_INVALID, "field.domain-has-at", "A domain cannot contain '@'");
        }
        if (s.startsWith("[") || InetAddresses.isInetAddress(s) || isDottedNumbers(stripPort(s))) {
            return DomainParse.invalid(DOMAIN_IS_IP, "field.domain-is-ip", "An IP address cannot be filed; give a domain");
        }
        if (PORT.matcher(s).matches()) {
            return DomainParse.invalid(DOMAIN_HAS_PORT, "field.domain-has-port",
                    "Give the domain alone, without a port (e.g. example.com)");
        }
        if (s.indexOf('*') >= 0) {
            return DomainParse.invalid(DOMAIN_WILDCARD, "field.domain-wildcard",
                    "Wildcard names cannot be filed; file the registrable domain, subdomains are covered");
        }
        s = s.replace('。', '.').replace('．', '.').replace('｡', '.');
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(s, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return DomainParse.invalid(DOMAIN_INVALID, "field.domain-characters",
                    "Not a valid domain name (letters, digits, hyphens and "
                    + "Chinese characters, labels separated by dots)");
        }
        if (ascii.length() > MAX_INPUT) {
            return DomainParse.invalid(DOMAIN_TOO_LONG, "field.domain-too-long", "A domain has at most 253 characters");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return DomainParse.invalid(DOMAIN_INVALID, "field.domain-two-labels",
                    "A domain has at least two labels (e.g. example.com)");
        }
        for (String label : labels) {
            if (!LDH_LABEL.matcher(label).matches() || (label.length() > 3 && label.startsWith("xn--") == false
                    && label.charAt(2) == '-' && label.charAt(3) == '-')) {
                return DomainParse.invalid(DOMAIN_INVALID, "field.domain-label",
                        "Not a valid domain name (each label 1–63 letters, "
                        + "digits or hyphens, not starting or ending with a hyphen)");
            }
            if (label.startsWith("xn--") && !validPunycode(label)) {
                return DomainParse.invalid(DOMAIN_INVALID, "field.domain-punycode",
                        "The punycode label '" + label + "' does not decode", label);
            }
        }
        InternetDomainName name;
        try {
            // Guava's suffix list holds Unicode IDN suffixes; it matches them in Unicode form.
            name = InternetDomainName.from(toUnicode(ascii));
        } catch (IllegalArgumentException e) {
            return DomainParse.invalid(DOMAIN_INVALID, "field.domain-invalid", "Not a valid domain name");
        }
        if (name.isRegistrySuffix()) {
            return DomainParse.invalid(DOMAIN_IS_SUFFIX, "field.domain-is-suffix", "'" + toUnicode(ascii)
                    + "' is a suffix; give a domain registered under it (e.g. example." + toUnicode(ascii) + ")",
                    toUnicode(ascii));
        }
        if (!name.isUnderRegistrySuffix()) {
            return DomainParse.invalid(DOMAIN_SUFFIX_UNKNOWN, "field.domain-suffix-unknown",
                    "'." + labels[labels.length - 1] + "' is not a known top-level domain", labels[labels.length - 1]);
        }
        String registrable = toAscii(name.topDomainUnderRegistrySuffix().toString());
        String suffix = toAscii(name.registrySuffix().toString());
        String prefix = toUnicode(registrable.substring(0, registrable.indexOf('.')));
        return DomainParse.valid(new ParsedDomain(ascii, toUnicode(ascii), registrable, suffix, prefix));
    }

    /** Parses and returns the normalised ASCII form, or {@code null} when the input is not a valid domain. */
    public static String normaliseOrNull(String raw) {
        return parse(raw).domain().map(ParsedDomain::ascii).orElse(null);
    }

    /**
     * A host header as an edge gateway passes it (maybe with a port or trailing dot) in ASCII lower case, or
     * {@code null} when it is no host name. Cheaper than {@link #parse}: no suffix lookup.
     */
    public static String hostOrNull(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT + 6) {
            return null;
        }
        String s = raw.strip();
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.indexOf(':') == colon) {
            s = s.substring(0, colon);
        }
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '.');
        }
        try {
            return plain ? s.toLowerCase(Locale.ROOT)
                    : IDN.toASCII(s.replace('。', '.'), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String toUnicode(String ascii) {
        return IDN.toUnicode(ascii, IDN.USE_STD3_ASCII_RULES);
    }

    static String toAscii(String name) {
        return IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    }

    private static boolean validPunycode(String label) {
        try {
            String unicode = IDN.toUnicode(label, IDN.USE_STD3_ASCII_RULES);
            return !unicode.equals(label) && IDN.toASCII(unicode).equalsIgnoreCase(label);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripPort(String s) {
        int colon = s.lastIndexOf(':');
        return colon > 0 && s.indexOf(':') == colon ? s.substring(0, colon) : s;
    }

    /** {@code 1.2.3.4}, {@code 010.1.1.1}: all-numeric dotted names are addresses, never domains. */
    private static boolean isDottedNumbers(String s) {
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return !t.isEmpty() && t.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9')) && t.indexOf('.') > 0;
    }
}
