package cn.beian.website.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The domain indexes: registrable domains of orders' websites and of filed websites, and cached registry answers. */
@ApplicationScoped
public class DomainStore {

    private static final String TAKEN = """
            select wd.registrable, 'order' from website_domain wd join order_projection o on o.order_id = wd.order_id
             where wd.registrable in (:domains) and wd.account_id <> :account and o.state not in ('APPROVED', 'ABANDONED')
               and o.type not in ('CANCEL_ACCESS', 'DEREGISTER_WEBSITE', 'DEREGISTER_SUBJECT')
            union all
            select fd.registrable, fw.website_filing_number from filed_domain fd
              join filed_website fw on fw.id = fd.filed_website_id
             where fd.registrable in (:domains) and fw.account_id <> :account and fw.status = 'ACTIVE'""";

    /** Registrable domains held here by other accounts (filed, or in an open order), with what holds them. */
    public Uni<Map<String, String>> takenByOthers(Collection<String> registrable, String accountId) {
        if (registrable.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(TAKEN, Object[].class)
                .setParameter("domains", List.copyOf(registrable))
                .setParameter("account", accountId)
                .getResultList()
                .map(rows -> {
                    Map<String, String> out = new HashMap<>();
                    for (Object[] r : rows) {
                        out.merge((String) r[0], "order".equals(r[1]) ? "备案中" : (String) r[1], (a, b) -> a);
                    }
                    return out;
                }));
    }

    /** Domains (as filed, ASCII) of the account's active filed websites. */
    public Uni<Set<String>> filedDomainsOf(String accountId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select fd.domain from filed_domain fd join filed_website fw on fw.id = fd.filed_website_id
                 where fw.account_id = :account and fw.status = 'ACTIVE'""", String.class)
                .setParameter("account", accountId)
                .getResultList()
                .map(HashSet::new));
    }

    public Uni<Void> replaceOrderDomains(UUID orderId, String accountId, Map<UUID, Set<String>> byWebsite) {
        return Panache.getSession().chain(s -> {
            Uni<Integer> chain = s.createNativeQuery("delete from website_domain where order_id = :o")
                    .setParameter("o", orderId).executeUpdate();
            for (var e : byWebsite.entrySet()) {
                for (String d : e.getValue()) {
                    chain = chain.chain(() -> s.createNativeQuery("""
                            insert into website_domain (website_id, order_id, account_id, registrable)
                            values (:w, :o, :a, :d) on conflict do nothing""")
                            .setParameter("w", e.getKey()).setParameter("o", orderId)
                            .setParameter("a", accountId).setParameter("d", d).executeUpdate());
                }
            }
            return chain.replaceWithVoid();
        });
    }

    public Uni<Void> replaceFiledDomains(UUID filedWebsiteId, Map<String, String> domainToRegistrable) {
        return Panache.getSession().chain(s -> {
            Uni<Integer> chain = s.createNativeQuery("delete from filed_domain where filed_website_id = :w")
                    .setParameter("w", filedWebsiteId).executeUpdate();
            for (var e : domainToRegistrable.entrySet()) {
                chain = chain.chain(() -> s.createNativeQuery("""
                        insert into filed_domain (domain, registrable, filed_website_id) values (:d, :r, :w)""")
                        .setParameter("d", e.getKey()).setParameter("r", e.getValue())
                        .setParameter("w", filedWebsiteId).executeUpdate());
            }
            return chain.replaceWithVoid();
        });
    }

    /** Filed websites (ids) holding a registrable domain. */
    public Uni<List<UUID>> filedWebsitesWith(String registrable) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select filed_website_id from filed_domain where registrable = :r", UUID.class)
                .setParameter("r", registrable).getResultList());
    }

    public Uni<Void> saveRegistry(String domain, boolean found, String json, OffsetDateTime at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into domain_registry (domain, found, data, fetched_at) values (:d, :f, :j, :t)
                on conflict (domain) do update set found = excluded.found, data = excluded.data,
                  fetched_at = excluded.fetched_at""")
                .setParameter("d", domain).setParameter("f", found).setParameter("j", json).setParameter("t", at)
                .executeUpdate()).replaceWithVoid();
    }

    /** Stored registry answers (JSON of RegistryFacts) of these domains. */
    public Uni<Map<String, String>> loadRegistry(Collection<String> domains) {
        if (domains.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "select domain, data from domain_registry where domain in (:d)", Object[].class)
                .setParameter("d", List.copyOf(domains)).getResultList()
                .map(rows -> {
                    Map<String, String> out = new HashMap<>();
                    rows.forEach(r -> out.put((String) r[0], (String) r[1]));
                    return out;
                }));
    }
}
