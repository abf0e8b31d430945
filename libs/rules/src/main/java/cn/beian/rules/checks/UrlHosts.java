package cn.beian.rules.checks;

import cn.beian.validators.domain.DomainNames;
import java.util.Locale;

/**
 * Host names of what applicants type as domains and homepage URLs, in the ASCII lower case form
 * {@link DomainNames#hostOrNull} gives, and whether a domain of the list covers a host ({@code www.123.com} is
 * covered by {@code 123.com}).
 */
final class UrlHosts {

    private UrlHosts() {
    }

    /** The host of a homepage URL ({@code http://www.example.cn/index.html} → {@code www.example.cn}), or null. */
    static String ofUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String s = url.strip();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int end = s.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int at = s.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        s = s.substring(0, end);
        int user = s.lastIndexOf('@');
        if (user >= 0) {
            s = s.substring(user + 1);
        }
        return s.isEmpty() ? null : DomainNames.hostOrNull(s);
    }

    /** A domain of the list as a host name, or null when it is none. */
    static String ofDomain(String domain) {
        if (domain == null || domain.isBlank() || domain.contains("/")) {
            return null;
        }
        String h = DomainNames.hostOrNull(domain);
        return h == null || h.indexOf('.') < 0 ? null : h.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code host} is {@code domain} or one of its subdomains. */
    static boolean covers(String domain, String host) {
        return domain != null && host != null && (host.equals(domain) || host.endsWith("." + domain));
    }
}
