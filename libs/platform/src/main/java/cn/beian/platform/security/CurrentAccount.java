package cn.beian.platform.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The account behind the current request: the token's {@code sub} (an OIDC subject, stable across logins),
 * which is what every owned resource records and every read checks.
 */
@RequestScoped
public class CurrentAccount {

    private final SecurityIdentity identity;

    public CurrentAccount(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The account id; 401 where the request is anonymous. */
    public String id() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** Whether this caller may see every account's data (staff), not just its own. */
    public boolean isStaff() {
        return identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.REVIEWER) || identity.hasRole(Roles.AUTHORITY);
    }

    /** The e-mail claim of the token, where it has one. */
    public String email() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("email") : null;
    }
}
