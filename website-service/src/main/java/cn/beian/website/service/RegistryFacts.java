package cn.beian.website.service;

import cn.beian.national.client.DomainFiling;
import cn.beian.national.client.DomainRegistration;

/**
 * What the national systems said about one domain: its registration (WHOIS / real-name data, {@code null} when the
 * registries do not know it) and the live filing holding it ({@code null} when filed nowhere). {@code unavailable}
 * when the lookup failed: the domain cannot be judged now.
 */
public record RegistryFacts(String domain, DomainRegistration registration, DomainFiling filing, boolean unavailable) {

    public static RegistryFacts unavailable(String domain) {
        return new RegistryFacts(domain, null, null, true);
    }
}
