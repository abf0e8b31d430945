package cn.beian.national.repository;

import cn.beian.national.domain.OutgoingMessage;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class OutgoingMessageRepository implements PanacheRepositoryBase<OutgoingMessage, UUID> {
}
