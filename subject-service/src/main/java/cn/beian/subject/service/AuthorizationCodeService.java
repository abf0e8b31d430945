package cn.beian.subject.service;

import cn.beian.contract.events.server.AuthorizationCodeMinted;
import cn.beian.contract.events.server.AuthorizationCodeReleased;
import cn.beian.contract.events.server.AuthorizationCodeReserved;
import cn.beian.contract.events.server.AuthorizationCodeSpent;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.platform.rest.Cursor;
import cn.beian.subject.domain.AuthorizationCode;
import cn.beian.subject.domain.AuthorizationCodeLifecycle;
import cn.beian.subject.domain.AuthorizationCodeLifecycle.Action;
import cn.beian.subject.domain.AuthorizationCodeLifecycle.IllegalCodeTransitionException;
import cn.beian.subject.domain.AuthorizationCodeState;
import cn.beian.subject.domain.Server;
import cn.beian.subject.domain.ServerIneligibility;
import cn.beian.subject.repository.AuthorizationCodeRepository;
import cn.beian.subject.repository.ServerRepository;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Authorization codes (备案授权码, docs/domain.md §1): a server's owner mints up to {@link Server#MAX_CODES} of them
 * for eligible servers; another account files with one.
 *
 * <p><b>For the order flow</b> (not wired yet): when an order of another account names a code, call
 * {@link #reserve} in the same transaction that records it on the order; when the order is abandoned call
 * {@link #release}; when the administration approves it call {@link #spend}. The three join the caller's
 * transaction ({@code @WithTransaction} reuses one in progress), lock the code rows, are idempotent per order
 * and append {@code server.authorization-code-reserved/released/spent.v1} to the outbox, keyed by the server and
 * carrying the order id. An order that expires keeps its code: it may still be resubmitted.
 */
@ApplicationScoped
public class AuthorizationCodeService {

    private final AuthorizationCodeRepository codes;
    private final ServerRepository servers;
    private final OutboxWriter outbox;
    private final BeianClock clock;

    public AuthorizationCodeService(AuthorizationCodeRepository codes, ServerRepository servers, OutboxWriter outbox,
            BeianClock clock) {
        this.codes = codes;
        this.servers = servers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A code with the server it belongs to, for views that need the server's expiry and owner. */
    public record CodeOnServer(AuthorizationCode code, Server server) {
    }

    /**
     * Mints a code on the owner's server: 404 for others' servers, 409 when the server cannot back a filing
     * ({@code ineligibleReasons}) or already has {@link Server#MAX_CODES} codes that are not revoked.
     */
    @WithTransaction
    public Uni<CodeOnServer> mint(String accountId, UUID serverId) {
        // The server row lock serialises concurrent mints of one server, so the limit holds.
        return servers.findById(serverId, LockModeType.PESSIMISTIC_WRITE).chain(server -> {
            if (server == null || !server.accountId.equals(accountId)) {
                return Uni.createFrom().failure(ProblemException.notFound("Server"));
            }
            OffsetDateTime now = clock.now();
            List<ServerIneligibility> reasons = server.ineligibility(now);
            if (!reasons.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                        "detail.server-cannot-mint-codes")
                        .with("serverId", server.id.toString()).with("ineligibleReasons", reasons));
            }
            return codes.countLive(serverId).chain(live -> {
                if (live >= Server.MAX_CODES) {
                    return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                            "detail.codes-limit", String.valueOf(Server.MAX_CODES))
                            .with("serverId", server.id.toString()).with("limit", Server.MAX_CODES));
                }
                AuthorizationCode c = new AuthorizationCode();
                c.id = UUID.randomUUID();
                c.serverId = serverId;
                c.code = AuthorizationCode.newCode();
                c.state = AuthorizationCodeState.AVAILABLE;
                c.createdAt = now;
                c.updatedAt = now;
                return codes.persistAndFlush(c)
                        .chain(() -> outbox.append(new AuthorizationCodeMinted(server.id.toString(), server.accountId,
                                c.id.toString(), AuthorizationCode.mask(c.code), now)))
                        .replaceWith(new CodeOnServer(c, server));
            });
        });
    }

    /** A page of a server's codes, with the server they belong to. */
    public record CodesOfServer(Server server, List<AuthorizationCode> codes) {
    }

    /**
     * A page of the server's codes that are not revoked: 404 unless {@code accountId} owns the server or the caller
     * is staff.
     */
    @WithSession
    public Uni<CodesOfServer> page(String accountId, boolean staff, UUID serverId, Cursor after, int limit) {
        return servers.findById(serverId).chain(server -> {
            if (server == null || !(staff || server.accountId.equals(accountId))) {
                return Uni.createFrom().failure(ProblemException.notFound("Server"));
            }
            return codes.page(serverId, after, limit).map(page -> new CodesOfServer(server, page));
        });
    }

    /** Withdraws an unused code of the owner's server: 404 for others', 409 unless it is AVAILABLE. */
    @WithTransaction
    public Uni<Void> revoke(String accountId, UUID serverId, UUID codeId) {
        return servers.findById(serverId).chain(server -> {
            if (server == null || !server.accountId.equals(accountId)) {
                return Uni.createFrom().failure(ProblemException.notFound("Server"));
            }
            return codes.findById(codeId, LockModeType.PESSIMISTIC_WRITE).chain(c -> {
                if (c == null || !c.serverId.equals(serverId) || c.state == AuthorizationCodeState.REVOKED) {
                    return Uni.createFrom().failure(ProblemException.notFound("AuthorizationCode"));
                }
                AuthorizationCodeState current = c.effectiveState(server.expired(clock.now()));
                apply(current, Action.REVOKE);
                OffsetDateTime now = clock.now();
                c.state = AuthorizationCodeState.REVOKED;
                c.revokedAt = now;
                c.updatedAt = now;
                return codes.persistAndFlush(c).replaceWithVoid();
            });
        });
    }

    /**
     * The order {@code orderId} of {@code accountId} files with {@code typedCode}. Idempotent for the same
     * order. 400 on field {@code authorizationCode} when the code is unknown or revoked
     * ({@code AUTHORIZATION_CODE_UNKNOWN}), belongs to the account's own server
     * ({@code AUTHORIZATION_CODE_OWN_SERVER}),
     * has expired with its server ({@code AUTHORIZATION_CODE_EXPIRED}) or is spent ({@code AUTHORIZATION_CODE_SPENT});
     * 409 when another order holds it.
     */
    @WithTransaction
    public Uni<AuthorizationCode> reserve(String typedCode, UUID orderId, String accountId) {
        String code = AuthorizationCode.normalize(typedCode);
        return codes.findByCodeForUpdate(code == null ? "" : code).chain(c -> {
            if (c == null || c.state == AuthorizationCodeState.REVOKED) {
                return Uni.createFrom().failure(invalidCode("AUTHORIZATION_CODE_UNKNOWN",
                        "field.authorization-code-unknown"));
            }
            return servers.findById(c.serverId).chain(server -> {
                OffsetDateTime now = clock.now();
                if (server.accountId.equals(accountId)) {
                    return Uni.createFrom().failure(invalidCode("AUTHORIZATION_CODE_OWN_SERVER",
                            "field.authorization-code-own-server"));
                }
                AuthorizationCodeState current = c.effectiveState(server.expired(now));
                if (current == AuthorizationCodeState.RESERVED && orderId.equals(c.orderId)) {
                    return Uni.createFrom().item(c);
                }
                switch (current) {
                    case EXPIRED:
                        return Uni.createFrom().failure(invalidCode("AUTHORIZATION_CODE_EXPIRED",
                                "field.authorization-code-expired"));
                    case SPENT:
                        return Uni.createFrom().failure(invalidCode("AUTHORIZATION_CODE_SPENT",
                                "field.authorization-code-spent"));
                    case RESERVED:
                        return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                                "detail.authorization-code-reserved")
                                .with("currentState", AuthorizationCodeState.RESERVED));
                    default:
                        break;
                }
                if (!server.eligible(now)) {
                    return Uni.createFrom().failure(invalidCode("SERVER_NOT_ELIGIBLE",
                            "field.authorization-code-server-not-eligible"));
                }
                c.state = apply(current, Action.RESERVE);
                c.orderId = orderId;
                c.orderAccountId = accountId;
                c.reservedAt = now;
                c.updatedAt = now;
                return codes.persistAndFlush(c)
                        .chain(() -> outbox.append(new AuthorizationCodeReserved(server.id.toString(),
                                server.accountId, c.id.toString(), orderId.toString(), accountId, now)))
                        .replaceWith(c);
            });
        });
    }

    /** The order was abandoned: every code it holds is available again. A no-op for an order holding none. */
    @WithTransaction
    public Uni<List<AuthorizationCode>> release(UUID orderId) {
        return settle(orderId, Action.RELEASE);
    }

    /** The order was approved: every code it holds is spent for good. A no-op for an order holding none. */
    @WithTransaction
    public Uni<List<AuthorizationCode>> spend(UUID orderId) {
        return settle(orderId, Action.SPEND);
    }

    private Uni<List<AuthorizationCode>> settle(UUID orderId, Action action) {
        return codes.reservedByOrderForUpdate(orderId).chain(held -> Multi.createFrom().iterable(held)
                .onItem().transformToUniAndConcatenate(c -> servers.findById(c.serverId).chain(server -> {
                    OffsetDateTime now = clock.now();
                    apply(c.effectiveState(server.expired(now)), action);
                    String serverId = server.id.toString();
                    String codeId = c.id.toString();
                    String accountId = c.orderAccountId;
                    if (action == Action.SPEND) {
                        c.state = AuthorizationCodeState.SPENT;
                        c.spentAt = now;
                    } else {
                        // Stored AVAILABLE; it reads as EXPIRED where the server has died meanwhile.
                        c.state = AuthorizationCodeState.AVAILABLE;
                        c.orderId = null;
                        c.orderAccountId = null;
                        c.releasedAt = now;
                    }
                    c.updatedAt = now;
                    return codes.persist(c).chain(() -> outbox.append(action == Action.SPEND
                            ? new AuthorizationCodeSpent(serverId, server.accountId, codeId, orderId.toString(),
                                    accountId, now)
                            : new AuthorizationCodeReleased(serverId, server.accountId, codeId, orderId.toString(),
                                    accountId, now)))
                            .replaceWith(c);
                }))
                .collect().asList());
    }

    private static AuthorizationCodeState apply(AuthorizationCodeState current, Action action) {
        try {
            return AuthorizationCodeLifecycle.next(current, action);
        } catch (IllegalCodeTransitionException e) {
            throw ProblemException.localized(ProblemType.CONFLICT, "detail.code-action-not-allowed", action, current)
                    .with("currentState", current);
        }
    }

    /** 400 on field {@code authorizationCode}, worded by the bundle entry {@code key}. */
    private static ProblemException invalidCode(String code, String key) {
        return ProblemException.invalidFields(List.of(FieldViolation.of("authorizationCode", code, key)));
    }
}
