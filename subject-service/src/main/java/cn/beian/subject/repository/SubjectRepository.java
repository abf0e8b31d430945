package cn.beian.subject.repository;

import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.KeysetQuery;
import cn.beian.subject.domain.Subject;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SubjectRepository implements PanacheRepositoryBase<Subject, UUID> {

    /** Subjects registered here with this certificate (normally at most one). */
    public Uni<List<Subject>> findByCertificate(cn.beian.contract.domain.CertificateType type, String number) {
        return list("certificateType = ?1 and certificateNumber = ?2", type, number);
    }

    /**
     * The other filed subjects here (holding a number, not deregistered) whose principal is one of {@code certificates}
     * or gives one of {@code mobiles}: this provider's filing records as the province rules read them.
     */
    public Uni<List<Subject>> filedOthersOf(UUID self, Collection<String> certificates, Collection<String> mobiles) {
        if (certificates.isEmpty() && mobiles.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id <> ?1 and filingNumber is not null and (principal.certificateNumber in ?2 "
                + "or principal.mobile in ?3)", self, certificates.isEmpty() ? List.of("") : certificates,
                mobiles.isEmpty() ? List.of("") : mobiles);
    }

    public Uni<Subject> findByAccount(String accountId) {
        return find("accountId", accountId).firstResult();
    }

    /** Up to {@code limit} subjects after {@code after} in (createdAt, id) order, optionally one account's. */
    public Uni<List<Subject>> page(String accountId, Cursor after, int limit) {
        KeysetQuery k = new KeysetQuery("createdAt").where("accountId", accountId).after(after);
        return find(k.query(), k.parameters()).range(0, limit - 1).list();
    }
}
