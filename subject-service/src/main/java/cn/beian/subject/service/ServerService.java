package cn.beian.subject.service;

import cn.beian.contract.domain.Province;
import cn.beian.platform.persistence.Constraints;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.platform.rest.Cursor;
import cn.beian.subject.domain.PublicIp;
import cn.beian.subject.domain.Server;
import cn.beian.subject.domain.ServerBilling;
import cn.beian.subject.repository.ServerRepository;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The servers of the provider's inventory that accounts can file against (docs/domain.md §1). */
@ApplicationScoped
public class ServerService {

    /** What an admin registers; validated here beyond Bean Validation (IP address, months for prepaid). */
    public record Registration(String accountId, String instanceId, Province province, String region,
            String publicIp, ServerBilling billing, Integer purchasedMonths, boolean loadBalancer,
            OffsetDateTime expiresAt) {
    }

    private final ServerRepository servers;
    private final BeianClock clock;

    public ServerService(ServerRepository servers, BeianClock clock) {
        this.servers = servers;
        this.clock = clock;
    }

    /** Adds a server to the inventory: 400 naming bad fields, 409 when the instance is already registered. */
    @WithTransaction
    public Uni<Server> register(Registration r) {
        List<FieldViolation> errors = new ArrayList<>();
        String ip = null;
        if (r.publicIp() != null) {
            PublicIp.Result parsed = PublicIp.parse(r.publicIp());
            if (parsed.problem() == PublicIp.Problem.MALFORMED) {
                errors.add(FieldViolation.of("publicIp", "INVALID_IP_ADDRESS", "field.ip-malformed"));
            } else if (parsed.problem() == PublicIp.Problem.NOT_PUBLIC) {
                errors.add(FieldViolation.of("publicIp", "IP_ADDRESS_NOT_PUBLIC", "field.ip-not-public"));
            }
            ip = parsed.address();
        }
        if (r.billing() == ServerBilling.PREPAID && r.purchasedMonths() == null) {
            errors.add(FieldViolation.of("purchasedMonths", "NOT_NULL", "field.purchased-months-required"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalidFields(errors));
        }
        OffsetDateTime now = clock.now();
        Server s = new Server();
        s.id = UUID.randomUUID();
        s.accountId = r.accountId();
        s.instanceId = r.instanceId();
        s.province = r.province();
        s.region = r.region();
        s.publicIp = ip;
        s.billing = r.billing();
        s.purchasedMonths = r.purchasedMonths();
        s.loadBalancer = r.loadBalancer();
        s.expiresAt = r.expiresAt();
        s.createdAt = now;
        s.updatedAt = now;
        return servers.persistAndFlush(s)
                .onFailure(Constraints::isUniqueViolation)
                .transform(e -> ProblemException.localized(ProblemType.CONFLICT,
                        "detail.server-registered").with("instanceId", r.instanceId()))
                .replaceWith(s);
    }

    /** The server, if {@code accountId} owns it or the caller is staff; otherwise a 404. */
    @WithSession
    public Uni<Server> findVisible(UUID id, String accountId, boolean staff) {
        return servers.findById(id).map(s -> {
            if (s == null || !(staff || s.accountId.equals(accountId))) {
                throw ProblemException.notFound("Server");
            }
            return s;
        });
    }

    /** One account's servers, or everyone's where {@code accountId} is {@code null} (staff). */
    @WithSession
    public Uni<List<Server>> page(String accountId, Cursor after, int limit) {
        return servers.page(accountId, after, limit);
    }
}
