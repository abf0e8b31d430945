package cn.beian.contract.order;

/** What moves an order (docs/domain.md §3.1), and who may pull it. */
public enum OrderTrigger {
    /** The order was opened (DRAFT); only in an order's history, never a move. */
    CREATE(Actor.APPLICANT, Actor.PROVIDER),
    /** By the applicant; by the provider for a cancel-access order it opened itself (an empty shell). */
    SUBMIT(Actor.APPLICANT, Actor.PROVIDER),
    WITHDRAW(Actor.APPLICANT),
    RESUBMIT(Actor.APPLICANT),
    ABANDON(Actor.APPLICANT),
    INITIAL_APPROVE(Actor.REVIEWER),
    INITIAL_REJECT(Actor.REVIEWER),
    /** The curtain photo was submitted, by the applicant or a verification point. */
    PHOTO_SUBMIT(Actor.APPLICANT, Actor.VERIFICATION_POINT),
    PHOTO_APPROVE(Actor.REVIEWER),
    PHOTO_REJECT(Actor.REVIEWER),
    /** The principals verified the administration's SMS codes: a sub-status, the state stays. */
    SMS_VERIFIED(Actor.PRINCIPAL),
    AUTHORITY_APPROVE(Actor.AUTHORITY),
    /** Rejected by the administration, or returned because the SMS codes were not verified in time. */
    AUTHORITY_REJECT(Actor.AUTHORITY),
    EXPIRE(Actor.CLOCK);

    private final Actor[] actors;

    OrderTrigger(Actor... actors) {
        this.actors = actors;
    }

    public boolean allows(Actor actor) {
        for (Actor a : actors) {
            if (a == actor) {
                return true;
            }
        }
        return false;
    }

    /** Who acts. */
    public enum Actor {
        APPLICANT,
        REVIEWER,
        VERIFICATION_POINT,
        PRINCIPAL,
        AUTHORITY,
        CLOCK,
        /** The provider's staff, on the provider's own cancel-access order (an empty shell past its grace). */
        PROVIDER
    }
}
