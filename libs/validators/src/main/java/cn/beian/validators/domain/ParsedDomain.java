package cn.beian.validators.domain;

/**
 * A host name that passed {@link DomainNames#parse}: lower case, no trailing dot, in both spellings.
 *
 * @param ascii                 the name in ASCII (IDN labels as punycode), e.g. {@code www.xn--fiq228c.xn--fiqs8s}
 * @param unicode               the same name for display, e.g. {@code www.中文.中国}
 * @param registrableDomain     the name directly under the public suffix (ASCII), e.g. {@code example.com.cn}; what a
 *                              registrar sells and the registry knows
 * @param suffix                the registry suffix from the public suffix list (ASCII), e.g. {@code com.cn}
 * @param prefix                the label in front of the suffix (Unicode), e.g. {@code example}; the "prefix" that
 *                              province rules on several domains per website compare (GD-B-01, X-13)
 */
public record ParsedDomain(String ascii, String unicode, String registrableDomain, String suffix, String prefix) {

    /** True when the name is below its registrable domain ({@code www.example.com.cn}). */
    public boolean subdomain() {
        return !ascii.equals(registrableDomain);
    }

    /** The registrable domain for display. */
    public String registrableUnicode() {
        return DomainNames.toUnicode(registrableDomain);
    }

    /** The suffix for display, e.g. {@code 中国}. */
    public String suffixUnicode() {
        return DomainNames.toUnicode(suffix);
    }

    /** The top-level label (ASCII), e.g. {@code cn} for {@code com.cn}. */
    public String topLevel() {
        return suffix.substring(suffix.lastIndexOf('.') + 1);
    }

    /** True when {@code host} (already normalised ASCII) is this name or one of its subdomains. */
    public boolean covers(String host) {
        return host.equals(ascii) || host.endsWith("." + ascii);
    }
}
