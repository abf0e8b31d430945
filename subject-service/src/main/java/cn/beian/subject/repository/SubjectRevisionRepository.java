package cn.beian.subject.repository;

import cn.beian.subject.domain.SubjectRevision;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class SubjectRevisionRepository implements PanacheRepositoryBase<SubjectRevision, UUID> {
}
