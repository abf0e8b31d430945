package cn.beian.subject;

import static cn.beian.subject.domain.AuthorizationCodeState.AVAILABLE;
import static cn.beian.subject.domain.AuthorizationCodeState.EXPIRED;
import static cn.beian.subject.domain.AuthorizationCodeState.RESERVED;
import static cn.beian.subject.domain.AuthorizationCodeState.REVOKED;
import static cn.beian.subject.domain.AuthorizationCodeState.SPENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.subject.domain.AuthorizationCode;
import cn.beian.subject.domain.AuthorizationCodeLifecycle;
import cn.beian.subject.domain.AuthorizationCodeLifecycle.Action;
import cn.beian.subject.domain.AuthorizationCodeLifecycle.IllegalCodeTransitionException;
import cn.beian.subject.domain.AuthorizationCodeState;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizationCodeLifecycleTest {

    @Test
    void aCodeIsReservedThenSpentOrReleased() {
        assertEquals(RESERVED, AuthorizationCodeLifecycle.next(AVAILABLE, Action.RESERVE));
        assertEquals(SPENT, AuthorizationCodeLifecycle.next(RESERVED, Action.SPEND));
        assertEquals(AVAILABLE, AuthorizationCodeLifecycle.next(RESERVED, Action.RELEASE));
        assertEquals(REVOKED, AuthorizationCodeLifecycle.next(AVAILABLE, Action.REVOKE));
    }

    @Test
    void spentAndRevokedCodesAreFinalAndOnlyUnusedOnesAreRevoked() {
        for (Action a : Action.values()) {
            assertThrows(IllegalCodeTransitionException.class, () -> AuthorizationCodeLifecycle.next(SPENT, a));
            assertThrows(IllegalCodeTransitionException.class, () -> AuthorizationCodeLifecycle.next(REVOKED, a));
        }
        assertThrows(IllegalCodeTransitionException.class, () -> AuthorizationCodeLifecycle.next(RESERVED,
                Action.REVOKE));
        assertThrows(IllegalCodeTransitionException.class, () -> AuthorizationCodeLifecycle.next(RESERVED,
                Action.RESERVE));
        assertThrows(IllegalCodeTransitionException.class, () -> AuthorizationCodeLifecycle.next(AVAILABLE,
                Action.SPEND));
        assertEquals(EnumSet.of(Action.RESERVE, Action.REVOKE), AuthorizationCodeLifecycle.allowed(AVAILABLE));
        assertTrue(AuthorizationCodeLifecycle.allowed(SPENT).isEmpty());
    }

    @Test
    void codesDieWithTheirServer() {
        assertEquals(EXPIRED, AuthorizationCodeLifecycle.effective(AVAILABLE, true));
        assertEquals(EXPIRED, AuthorizationCodeLifecycle.effective(RESERVED, true));
        assertEquals(SPENT, AuthorizationCodeLifecycle.effective(SPENT, true), "a spent code stays spent");
        assertEquals(AVAILABLE, AuthorizationCodeLifecycle.effective(AVAILABLE, false));
        assertThrows(IllegalCodeTransitionException.class, () -> AuthorizationCodeLifecycle.next(EXPIRED,
                Action.RESERVE));
        assertThrows(IllegalCodeTransitionException.class, () -> AuthorizationCodeLifecycle.next(EXPIRED,
                Action.REVOKE));
        // An approval that happened is still recorded; an abandoned order still lets go.
        assertEquals(SPENT, AuthorizationCodeLifecycle.next(EXPIRED, Action.SPEND));
        assertEquals(EXPIRED, AuthorizationCodeLifecycle.next(EXPIRED, Action.RELEASE));
        assertTrue(AVAILABLE.live() && RESERVED.live() && SPENT.live() && EXPIRED.live());
        assertFalse(REVOKED.live());
    }

    @Test
    void codesAreRandomSixteenUnambiguousCharactersAndMaskedToTheirLastFour() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String c = AuthorizationCode.newCode();
            assertEquals(16, c.length());
            assertTrue(c.chars().allMatch(ch -> AuthorizationCode.ALPHABET.indexOf(ch) >= 0), c);
            assertTrue(seen.add(c));
        }
        for (char ambiguous : "01OIL".toCharArray()) {
            assertEquals(-1, AuthorizationCode.ALPHABET.indexOf(ambiguous));
        }
        assertEquals("************WXYZ", AuthorizationCode.mask("ABCDEFGHJKMNWXYZ"));
        assertEquals("ABCDEFGHJKMNWXYZ", AuthorizationCode.normalize(" abcd-efgh-jkmn-wxyz"));
        assertNotEquals(AuthorizationCodeState.AVAILABLE, AuthorizationCodeState.EXPIRED);
    }
}
