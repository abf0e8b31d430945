package cn.beian.contract.order;

/** Whose move it is in an order's state. */
public enum Party {
    APPLICANT,
    /** The hosting provider's reviewers. */
    PROVIDER,
    /** The provincial administration (管局). */
    AUTHORITY,
    /** Terminal states: nobody. */
    NONE
}
