package cn.beian.review.repository;

import cn.beian.review.domain.ChecklistAnswer;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ChecklistAnswerRepository implements PanacheRepositoryBase<ChecklistAnswer, Long> {

    public Uni<List<ChecklistAnswer>> ofCase(UUID caseId) {
        return list("caseId = ?1 order by id", caseId);
    }

    public Uni<ChecklistAnswer> of(UUID caseId, String itemId) {
        return find("caseId = ?1 and itemId = ?2", caseId, itemId).firstResult();
    }
}
