package cn.beian.national.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import java.util.Collection;

/** Panache refuses to persist an empty collection; this does nothing instead. */
public final class Persist {

    private Persist() {
    }

    public static <E> Uni<Void> all(PanacheRepositoryBase<E, ?> repository, Collection<E> entities) {
        return entities.isEmpty() ? Uni.createFrom().voidItem() : repository.persist(entities);
    }
}
