package cn.beian.national.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import java.util.Collection;

/**
 * Persists a collection that may be empty. Panache's {@code persist(Iterable)} fails on an empty one (it combines one
 * {@code Uni} per persistence unit, and Mutiny refuses to combine none); this does nothing instead.
 */
public final class Persist {

    private Persist() {
    }

    public static <E> Uni<Void> all(PanacheRepositoryBase<E, ?> repository, Collection<E> entities) {
        return entities.isEmpty() ? Uni.createFrom().voidItem() : repository.persist(entities);
    }
}
