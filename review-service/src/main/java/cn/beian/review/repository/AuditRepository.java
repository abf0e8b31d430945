package cn.beian.review.repository;

import cn.beian.review.domain.AuditEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    public Uni<List<AuditEntry>> ofCase(UUID caseId) {
        return list("caseId = ?1 order by id", caseId);
    }

    public Uni<List<AuditEntry>> ofOrder(String orderId) {
        return list("orderId = ?1 order by id", orderId);
    }
}
