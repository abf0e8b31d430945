package cn.beian.subject.domain;

/**
 * The life of an authorization code. AVAILABLE, RESERVED, SPENT and REVOKED are stored; EXPIRED is what an
 * AVAILABLE or RESERVED code reads as once its server has expired (codes die with their server), computed on
 * read by {@link AuthorizationCodeLifecycle#effective}.
 */
public enum AuthorizationCodeState {
    /** Minted, unused: another account may file with it. */
    AVAILABLE,
    /** Taken by an order of another account that is still in flight. */
    RESERVED,
    /** Consumed by an approved filing: never usable again. */
    SPENT,
    /** Its server expired before it was spent. */
    EXPIRED,
    /** Withdrawn by the server's owner before anyone used it; frees its slot. */
    REVOKED;

    /** Counts towards the server's limit of {@link Server#MAX_CODES}. */
    public boolean live() {
        return this != REVOKED;
    }
}
