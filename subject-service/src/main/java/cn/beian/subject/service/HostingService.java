package cn.beian.subject.service;

import cn.beian.contract.events.snapshot.ServerLink;
import cn.beian.contract.order.FilingType;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.subject.domain.AuthorizationCode;
import cn.beian.subject.domain.FilingOrder;
import cn.beian.subject.domain.Server;
import cn.beian.subject.domain.ServerIneligibility;
import cn.beian.subject.repository.AuthorizationCodeRepository;
import cn.beian.subject.repository.FilingOrderRepository;
import cn.beian.subject.repository.ServerRepository;
import cn.beian.subject.service.AuthorizationCodeService.CodeOnServer;
import cn.beian.subject.service.AuthorizationCodeService.Refusal;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The servers an order's websites are hosted on (docs/domain.md §1), resolved when website-service saves a website:
 * each server id must name an eligible server of the order's account, each authorization code another account's
 * eligible server, free or already this order's. The codes the websites name are then held by the order — reserved
 * under the code row's lock, so of two orders naming one code at once exactly one gets it — and those they no longer
 * name are freed. All or nothing: one refused entry changes no code.
 */
@ApplicationScoped
public class HostingService {

    /** The resolved servers in the order asked, and the codes likewise. */
    public record Hosting(List<ServerLink> servers, List<ServerLink> authorizationCodes) {
    }

    private final FilingOrderRepository orders;
    private final ServerRepository servers;
    private final AuthorizationCodeRepository codes;
    private final AuthorizationCodeService codeService;
    private final BeianClock clock;

    public HostingService(FilingOrderRepository orders, ServerRepository servers, AuthorizationCodeRepository codes,
            AuthorizationCodeService codeService, BeianClock clock) {
        this.orders = orders;
        this.servers = servers;
        this.codes = codes;
        this.codeService = codeService;
        this.clock = clock;
    }

    /**
     * Resolves {@code serverIds} (one website's) and makes {@code typedCodes} (every code the order's websites name
     * after the edit) the codes the websites hold. 404 for another account's order; 409 when the order may not be
     * edited, or when another order holds one of the codes; 400 naming {@code serverIds[k]} /
     * {@code authorizationCodes[k]} otherwise.
     */
    @WithTransaction
    public Uni<Hosting> settle(String accountId, UUID orderId, List<String> serverIds, List<String> typedCodes) {
        return orders.findById(orderId).chain(o -> {
            if (o == null || !o.accountId.equals(accountId)) {
                return Uni.createFrom().failure(ProblemException.notFound("Order"));
            }
            if (!o.state.contentsEditable()) {
                return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                        "detail.order-not-editable", o.state.name()).with("currentState", o.state.name()));
            }
            List<UUID> ids = serverIds.stream().map(HostingService::uuidOrNull).toList();
            List<String> normalised = typedCodes.stream().map(AuthorizationCode::normalize).toList();
            return servers.findByIds(ids.stream().filter(Objects::nonNull).distinct().toList())
                    .chain(own -> codes.findByCodesForUpdate(normalised.stream().filter(Objects::nonNull)
                            .distinct().toList())
                            .chain(found -> serversOf(found).chain(theirs -> judge(o, ids, own, normalised, found,
                                    theirs))));
        });
    }

    private Uni<Hosting> judge(FilingOrder o, List<UUID> ids, List<Server> own, List<String> normalised,
            List<AuthorizationCode> found, Map<UUID, Server> theirs) {
        OffsetDateTime now = clock.now();
        List<FieldViolation> errors = new ArrayList<>();
        boolean inUse = false;
        Map<UUID, Server> byId = own.stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<ServerLink> serverLinks = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++) {
            Server s = ids.get(k) == null ? null : byId.get(ids.get(k));
            String field = "serverIds[" + k + "]";
            if (s == null || !s.accountId.equals(o.accountId)) {
                errors.add(FieldViolation.of(field, "SERVER_NOT_FOUND", "field.server-not-found"));
                continue;
            }
            List<ServerIneligibility> reasons = s.ineligibility(now);
            if (!reasons.isEmpty()) {
                errors.add(FieldViolation.of(field, "SERVER_NOT_ELIGIBLE", "field.server-not-eligible",
                        reasons.stream().map(Enum::name).collect(Collectors.joining(", "))));
                continue;
            }
            serverLinks.add(link(s, null));
        }
        Map<String, AuthorizationCode> byCode = found.stream()
                .collect(Collectors.toMap(c -> c.code, Function.identity()));
        Map<UUID, CodeOnServer> wanted = new LinkedHashMap<>();
        List<ServerLink> codeLinks = new ArrayList<>();
        boolean change = o.type == FilingType.CHANGE;
        for (int k = 0; k < normalised.size(); k++) {
            AuthorizationCode c = normalised.get(k) == null ? null : byCode.get(normalised.get(k));
            Server s = c == null ? null : theirs.get(c.serverId);
            Refusal refusal = AuthorizationCodeService.refusal(c, s, o.id, o.accountId, change, now);
            if (refusal != null) {
                inUse |= refusal == Refusal.IN_USE;
                errors.add(FieldViolation.of("authorizationCodes[" + k + "]", refusal.code, refusal.key));
                continue;
            }
            wanted.putIfAbsent(c.id, new CodeOnServer(c, s));
            codeLinks.add(link(s, c));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(inUse
                    ? ProblemException.localized(ProblemType.CONFLICT, "detail.authorization-code-reserved", errors)
                    : ProblemException.invalidFields(errors));
        }
        return codeService.holdForWebsites(o.id, o.accountId, List.copyOf(wanted.values()))
                .replaceWith(new Hosting(serverLinks, codeLinks));
    }

    private Uni<Map<UUID, Server>> serversOf(List<AuthorizationCode> found) {
        return servers.findByIds(found.stream().map(c -> c.serverId).distinct().toList())
                .map(list -> list.stream().collect(Collectors.toMap(s -> s.id, Function.identity())));
    }

    private static ServerLink link(Server s, AuthorizationCode c) {
        return new ServerLink(s.id.toString(), s.publicIp, s.expiresAt, c == null ? null : c.id.toString(),
                c == null ? null : AuthorizationCode.mask(c.code));
    }

    private static UUID uuidOrNull(String id) {
        try {
            return id == null ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
