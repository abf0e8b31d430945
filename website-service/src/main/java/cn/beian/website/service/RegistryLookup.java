package cn.beian.website.service;

import cn.beian.national.client.DomainFiling;
import cn.beian.national.client.DomainRegistration;
import cn.beian.national.client.NationalSystemsClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Domain registry data and national filings of registrable domains, from the national systems (synchronous lookups,
 * never stored as truth: kept a short while so that one edit does not ask twice).
 */
@ApplicationScoped
public class RegistryLookup {

    private static final Logger LOG = Logger.getLogger(RegistryLookup.class);
    private static final Duration KEEP = Duration.ofSeconds(30);

    private record Cached(RegistryFacts facts, long at) {
    }

    private final NationalSystemsClient national;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public RegistryLookup(@RestClient NationalSystemsClient national) {
        this.national = national;
    }

    /** Facts for each registrable domain (lookups run concurrently; failures answer "unavailable"). */
    public Uni<Map<String, RegistryFacts>> lookup(Collection<String> registrableDomains) {
        List<String> domains = new ArrayList<>(new LinkedHashSet<>(registrableDomains));
        if (domains.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<RegistryFacts>> calls = domains.stream().map(this::one).toList();
        return Uni.join().all(calls).andFailFast()
                .map(list -> list.stream().collect(Collectors.toMap(RegistryFacts::domain, Function.identity(),
                        (a, b) -> a)));
    }

    private Uni<RegistryFacts> one(String domain) {
        Cached c = cache.get(domain);
        if (c != null && System.nanoTime() - c.at() < KEEP.toNanos()) {
            return Uni.createFrom().item(c.facts());
        }
        Uni<DomainRegistration> registration = national.domainRegistration(domain)
                .onFailure(RegistryLookup::notFound).recoverWithNull();
        Uni<DomainFiling> filing = national.filingByDomain(domain)
                .onFailure(RegistryLookup::notFound).recoverWithNull();
        return Uni.combine().all().unis(registration, filing).asTuple()
                .map(t -> new RegistryFacts(domain, t.getItem1(), t.getItem2(), false))
                .invoke(f -> cache.put(domain, new Cached(f, System.nanoTime())))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("National systems lookup of %s failed: %s", domain, e.toString());
                    return RegistryFacts.unavailable(domain);
                });
    }

    /**
     * The registry's records of filed websites, by number, in that order (a number the registry no longer holds is left
     * out). Not cached, and an outage fails the call: an access filing is pre-filled from exactly what is filed.
     */
    public Uni<List<DomainFiling>> filedWebsites(List<String> numbers) {
        if (numbers.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<DomainFiling>> calls = numbers.stream().map(n -> national.websiteByFilingNumber(n)
                .onFailure(RegistryLookup::notFound).recoverWithNull()).toList();
        return Uni.join().all(calls).andFailFast()
                .map(list -> list.stream().filter(f -> f != null && f.website() != null).toList());
    }

    private static boolean notFound(Throwable e) {
        return e instanceof WebApplicationException w && w.getResponse().getStatus() == 404;
    }
}
