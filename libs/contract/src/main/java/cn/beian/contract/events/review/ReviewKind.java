package cn.beian.contract.events.review;

/** The kinds of review case in the reviewers' queue. */
public enum ReviewKind {
    /** 初审: the first look at a submitted order. */
    INITIAL,
    /** 复审: the curtain photo. */
    PHOTO,
    /** After an authority rejection: the provider looks again, due within 1 business day. */
    RE_REVIEW
}
