package cn.beian.subject.domain;

import static cn.beian.subject.domain.AuthorizationCodeState.AVAILABLE;
import static cn.beian.subject.domain.AuthorizationCodeState.EXPIRED;
import static cn.beian.subject.domain.AuthorizationCodeState.RESERVED;
import static cn.beian.subject.domain.AuthorizationCodeState.REVOKED;
import static cn.beian.subject.domain.AuthorizationCodeState.SPENT;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The transitions of an authorization code (docs/domain.md §1), pure:
 *
 * <pre>
 * AVAILABLE ──reserve──▶ RESERVED ──spend (order approved)──▶ SPENT
 *     ▲  │                   │
 *     │  └──revoke──▶ REVOKED│
 *     └──────release (order abandoned)
 * AVAILABLE, RESERVED ── server expired ──▶ EXPIRED (on read; spend still records an approval that happened)
 * </pre>
 */
public final class AuthorizationCodeLifecycle {

    /** What may happen to a code. */
    public enum Action {
        RESERVE, RELEASE, SPEND, REVOKE
    }

    private static final Map<AuthorizationCodeState, Map<Action, AuthorizationCodeState>> TABLE =
            new EnumMap<>(AuthorizationCodeState.class);

    static {
        on(AVAILABLE, Action.RESERVE, RESERVED);
        on(AVAILABLE, Action.REVOKE, REVOKED);
        on(RESERVED, Action.RELEASE, AVAILABLE);
        on(RESERVED, Action.SPEND, SPENT);
        // The server died while an order held the code: the order can no longer be backed, but an approval
        // that happened is still recorded, and an abandoned order still lets go of it.
        on(EXPIRED, Action.SPEND, SPENT);
        on(EXPIRED, Action.RELEASE, EXPIRED);
    }

    private AuthorizationCodeLifecycle() {
    }

    private static void on(AuthorizationCodeState from, Action action, AuthorizationCodeState to) {
        TABLE.computeIfAbsent(from, s -> new EnumMap<>(Action.class)).put(action, to);
    }

    /** The state a stored code reads as when its server has (or has not) expired. */
    public static AuthorizationCodeState effective(AuthorizationCodeState stored, boolean serverExpired) {
        return serverExpired && (stored == AVAILABLE || stored == RESERVED) ? EXPIRED : stored;
    }

    /**
     * The state {@code action} leads to from the effective state {@code from}.
     *
     * @throws IllegalCodeTransitionException where the code cannot do that in this state
     */
    public static AuthorizationCodeState next(AuthorizationCodeState from, Action action) {
        AuthorizationCodeState to = TABLE.getOrDefault(from, Map.of()).get(action);
        if (to == null) {
            throw new IllegalCodeTransitionException(from, action);
        }
        return to;
    }

    public static Set<Action> allowed(AuthorizationCodeState from) {
        Map<Action, AuthorizationCodeState> m = TABLE.getOrDefault(from, Map.of());
        return m.isEmpty() ? EnumSet.noneOf(Action.class) : EnumSet.copyOf(m.keySet());
    }

    /** A move the table does not have. */
    public static final class IllegalCodeTransitionException extends RuntimeException {

        private final AuthorizationCodeState state;

        public IllegalCodeTransitionException(AuthorizationCodeState state, Action action) {
            super(action + " is not possible for a code that is " + state);
            this.state = state;
        }

        public AuthorizationCodeState state() {
            return state;
        }
    }
}
