package cn.beian.contract.order;

/**
 * The states of a filing order (docs/domain.md §3) with what §3.1 and §3.2 say about each: whose move it is, what
 * may be edited, whether it is still in flight, whether it idles towards expiry. Every service judges an order
 * it learned of from events by these same answers.
 */
public enum OrderState {
    DRAFT(Party.APPLICANT, true, false, false),
    INITIAL_REVIEW(Party.PROVIDER, false, false, false),
    INITIAL_REJECTED(Party.APPLICANT, true, false, true),
    AWAITING_PHOTO(Party.APPLICANT, false, true, true),
    PHOTO_REVIEW(Party.PROVIDER, false, false, false),
    PHOTO_REJECTED(Party.APPLICANT, false, true, true),
    AUTHORITY_REVIEW(Party.AUTHORITY, false, false, false),
    AUTHORITY_REJECTED(Party.APPLICANT, true, false, true),
    APPROVED(Party.NONE, false, false, false),
    ABANDONED(Party.NONE, false, false, false),
    EXPIRED(Party.APPLICANT, true, false, false);

    private final Party waitingOn;
    private final boolean contentsEditable;
    private final boolean photoEditable;
    private final boolean expires;

    OrderState(Party waitingOn, boolean contentsEditable, boolean photoEditable, boolean expires) {
        this.waitingOn = waitingOn;
        this.contentsEditable = contentsEditable;
        this.photoEditable = photoEditable;
        this.expires = expires;
    }

    public Party waitingOn() {
        return waitingOn;
    }

    /** Subject, websites and materials may be edited (§3.2). */
    public boolean contentsEditable() {
        return contentsEditable;
    }

    /** The curtain photo may be uploaded or replaced (§3.2). */
    public boolean photoEditable() {
        return photoEditable;
    }

    /**
     * A state waiting on the applicant that expires after 45 days (not in Zhejiang) and has 7/15/30-day
     * reminders. A DRAFT never expires.
     */
    public boolean expires() {
        return expires;
    }

    /** Terminal: nothing more happens. */
    public boolean terminal() {
        return this == APPROVED || this == ABANDONED;
    }

    /** The account's one order in flight: everything not terminal (a DRAFT and an EXPIRED order count). */
    public boolean inFlight() {
        return !terminal();
    }

    /** Submitted to the administration: locked, no edits, no withdraw, no abandon. */
    public boolean lockedWithAuthority() {
        return this == AUTHORITY_REVIEW || this == APPROVED;
    }
}
