package cn.beian.review.repository;

import cn.beian.review.domain.CaseNote;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NoteRepository implements PanacheRepositoryBase<CaseNote, Long> {

    public Uni<List<CaseNote>> ofCase(UUID caseId) {
        return list("caseId = ?1 order by id", caseId);
    }
}
