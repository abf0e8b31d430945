package cn.beian.national.repository;

import cn.beian.national.domain.InFlightElsewhere;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InFlightElsewhereRepository implements PanacheRepositoryBase<InFlightElsewhere, UUID> {

    public Uni<List<InFlightElsewhere>> byCertificateNumbers(Collection<String> numbers) {
        return numbers.isEmpty() ? Uni.createFrom().item(List.of())
                : find("certificateNumber in ?1", numbers).list();
    }

    public Uni<List<InFlightElsewhere>> byDomains(Collection<String> domains) {
        return domains.isEmpty() ? Uni.createFrom().item(List.of()) : find("domain in ?1", domains).list();
    }
}
