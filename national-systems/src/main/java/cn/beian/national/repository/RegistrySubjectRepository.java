package cn.beian.national.repository;

import cn.beian.national.domain.RegistrySubject;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RegistrySubjectRepository implements PanacheRepositoryBase<RegistrySubject, UUID> {

    public Uni<RegistrySubject> findByFilingNumber(String number) {
        return find("subjectFilingNumber", number).firstResult();
    }

    /** Subjects holding any of these certificate numbers, live ones first. */
    public Uni<List<RegistrySubject>> findByCertificateNumbers(Collection<String> numbers) {
        return find("certificateNumber in ?1 order by case when status = 'DEREGISTERED' then 1 else 0 end, filedOn desc",
                numbers).list();
    }

    public Uni<RegistrySubject> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Long> countByFilingNumber(String number) {
        return count("subjectFilingNumber", number);
    }
}
