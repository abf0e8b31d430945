package cn.beian.materials.repository;

import cn.beian.materials.domain.MaterialRead;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class MaterialReadRepository implements PanacheRepositoryBase<MaterialRead, UUID> {
}
