package cn.beian.website.service;

import cn.beian.platform.security.Roles;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Authenticates the access policy's callers without verifying the same bearer token on every call: an edge gateway
 * keeps one client-credentials token for minutes and asks thousands of times a second, and an RSA signature check
 * per call would cost more than the answer. A token verified once by the OIDC tenant (signature, issuer, expiry) is
 * remembered, by its exact text, until its own expiry; a token without the role is refused (403) and not
 * remembered. The memory is bounded and cleared when full.
 */
@ApplicationScoped
public class EdgeGatekeeper {

    private static final int MAX_TOKENS = 1024;

    private final TenantIdentityProvider identities;
    private final Map<String, Long> verified = new ConcurrentHashMap<>();

    public EdgeGatekeeper(TenantIdentityProvider identities) {
        this.identities = identities;
    }

    /** Whether this exact token was verified before and has not expired (the fast path, no allocation). */
    public boolean known(String authorization) {
        if (authorization == null || authorization.length() < 8) {
            return false;
        }
        Long until = verified.get(authorization.substring(7).strip());
        return until != null && System.currentTimeMillis() < until;
    }

    /** Completes when {@code authorization} carries a valid token with the edge-gateway (or admin) role. */
    public Uni<Void> check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Uni.createFrom().failure(new UnauthorizedException());
        }
        String token = authorization.substring(7).strip();
        Long until = verified.get(token);
        if (until != null) {
            if (System.currentTimeMillis() < until) {
                return Uni.createFrom().voidItem();
            }
            verified.remove(token);
        }
        return identities.authenticate(new AccessTokenCredential(token))
                .onFailure().transform(e -> new UnauthorizedException())
                .map(identity -> {
                    if (!identity.hasRole(Roles.EDGE_GATEWAY) && !identity.hasRole(Roles.ADMIN)) {
                        throw new ForbiddenException();
                    }
                    remember(token, identity);
                    return null;
                });
    }

    private void remember(String token, SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        if (verified.size() >= MAX_TOKENS) {
            verified.clear();
        }
        verified.put(token, jwt.getExpirationTime() * 1000L);
    }
}
