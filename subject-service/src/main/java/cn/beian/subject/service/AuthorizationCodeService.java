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
        return codes.findByCodeForUpdate(code == null ? "" : code).chain(c -> serverOf(c).chain(server -> {
            OffsetDateTime now = clock.now();
            Refusal refusal = refusal(c, server, orderId, accountId, false, now);
            if (refusal == Refusal.IN_USE) {
                return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                        "detail.authorization-code-reserved").with("currentState", AuthorizationCodeState.RESERVED));
            }
            if (refusal != null) {
                return Uni.createFrom().failure(ProblemException.invalidFields(List.of(
                        FieldViolation.of("authorizationCode", refusal.code, refusal.key))));
            }
            return take(c, server, orderId, accountId, false, now).replaceWith(c);
        }));
    }

    /** Why a code cannot back an order's filing; {@code null} when it can. */
    public enum Refusal {
        UNKNOWN("AUTHORIZATION_CODE_UNKNOWN", "field.authorization-code-unknown"),
        OWN_SERVER("AUTHORIZATION_CODE_OWN_SERVER", "field.authorization-code-own-server"),
        EXPIRED("AUTHORIZATION_CODE_EXPIRED", "field.authorization-code-expired"),
        SPENT("AUTHORIZATION_CODE_SPENT", "field.authorization-code-spent"),
        SERVER_NOT_ELIGIBLE("SERVER_NOT_ELIGIBLE", "field.authorization-code-server-not-eligible"),
        IN_USE("AUTHORIZATION_CODE_IN_USE", "field.authorization-code-in-use");

        public final String code;
        public final String key;

        Refusal(String code, String key) {
            this.code = code;
            this.key = key;
        }
    }

    /**
     * Why {@code c} (on {@code server}) cannot back order {@code orderId} of {@code accountId} at {@code now}, or
     * {@code null}. A code the order already holds is fine whatever became of its server since; with
     * {@code keepOwnSpent}, so is one an approved filing of the same account spent (a change order keeps the access
     * its website was filed with).
     */
    public static Refusal refusal(AuthorizationCode c, Server server, UUID orderId, String accountId,
            boolean keepOwnSpent, OffsetDateTime now) {
        if (c == null || server == null || c.state == AuthorizationCodeState.REVOKED) {
            return Refusal.UNKNOWN;
        }
        if (server.accountId.equals(accountId)) {
            return Refusal.OWN_SERVER;
        }
        if (c.state == AuthorizationCodeState.RESERVED && orderId.equals(c.orderId)) {
            return null;
        }
        if (c.state == AuthorizationCodeState.SPENT && keepOwnSpent && accountId.equals(c.orderAccountId)) {
            return null;
        }
        return switch (c.effectiveState(server.expired(now))) {
            case EXPIRED -> Refusal.EXPIRED;
            case SPENT -> Refusal.SPENT;
            case RESERVED -> Refusal.IN_USE;
            default -> server.eligible(now) ? null : Refusal.SERVER_NOT_ELIGIBLE;
        };
    }

    /**
     * Makes the codes the websites of order {@code orderId} name exactly {@code wanted} (already judged acceptable
     * by {@link #refusal}, locked): reserves those the order does not hold yet, and frees those the websites held
     * and no longer name. The code reserved when the order was created stays with it.
     */
    public Uni<Void> holdForWebsites(UUID orderId, String accountId, List<CodeOnServer> wanted) {
        OffsetDateTime now = clock.now();
        List<UUID> wantedIds = wanted.stream().map(w -> w.code().id).toList();
        return codes.reservedByOrderForUpdate(orderId).chain(held -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (AuthorizationCode c : held) {
                if (c.heldByWebsites && !wantedIds.contains(c.id)) {
                    chain = chain.chain(() -> servers.findById(c.serverId)
                            .chain(server -> settleOne(c, server, orderId, Action.RELEASE, now)));
                }
            }
            for (CodeOnServer w : wanted) {
                AuthorizationCode c = w.code();
                if (c.state == AuthorizationCodeState.AVAILABLE) {
                    chain = chain.chain(() -> take(c, w.server(), orderId, accountId, true, now));
                }
            }
            return chain;
        });
    }

    private Uni<Void> take(AuthorizationCode c, Server server, UUID orderId, String accountId, boolean byWebsites,
            OffsetDateTime now) {
        if (c.state == AuthorizationCodeState.RESERVED && orderId.equals(c.orderId)) {
            return Uni.createFrom().voidItem();
        }
        c.state = apply(c.effectiveState(server.expired(now)), Action.RESERVE);
        c.orderId = orderId;
        c.orderAccountId = accountId;
        c.heldByWebsites = byWebsites;
        c.reservedAt = now;
        c.updatedAt = now;
        return codes.persistAndFlush(c)
                .chain(() -> outbox.append(new AuthorizationCodeReserved(server.id.toString(),
                        server.accountId, c.id.toString(), orderId.toString(), accountId, now)))
                .replaceWithVoid();
    }

    /** The server of {@code c}; {@code null} for no code. */
    public Uni<Server> serverOf(AuthorizationCode c) {
        return c == null ? Uni.createFrom().nullItem() : servers.findById(c.serverId);
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
                .onItem().transformToUniAndConcatenate(c -> servers.findById(c.serverId)
                        .chain(server -> settleOne(c, server, orderId, action, clock.now())).replaceWith(c))
                .collect().asList());
    }

    /** Spends or releases one code the order holds, and says so in the outbox. */
    private Uni<Void> settleOne(AuthorizationCode c, Server server, UUID orderId, Action action, OffsetDateTime now) {
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
            c.heldByWebsites = false;
            c.releasedAt = now;
        }
        c.updatedAt = now;
        return codes.persist(c).chain(() -> outbox.append(action == Action.SPEND
                ? new AuthorizationCodeSpent(serverId, server.accountId, codeId, orderId.toString(), accountId, now)
                : new AuthorizationCodeReleased(serverId, server.accountId, codeId, orderId.toString(), accountId,
                        now)))
                .replaceWithVoid();
    }

    private static AuthorizationCodeState apply(AuthorizationCodeState current, Action action) {
        try {
            return AuthorizationCodeLifecycle.next(current, action);
        } catch (IllegalCodeTransitionException e) {
            throw ProblemException.localized(ProblemType.CONFLICT, "detail.code-action-not-allowed", action, current)
                    .with("currentState", current);
        }
    }

}
