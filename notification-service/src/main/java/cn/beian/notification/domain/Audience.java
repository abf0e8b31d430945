package cn.beian.notification.domain;

/** Who a notice is for (docs/domain.md §3: the account's e-mail, the subject principal, each website principal). */
public enum Audience {
    /** The account's e-mail (from the token, frozen with the subject at submission). E-mail only. */
    ACCOUNT,
    /** The subject principal (主体负责人): mobile and e-mail. */
    SUBJECT_PRINCIPAL,
    /** Each website principal (网站负责人), for what concerns their website: mobile and e-mail. */
    WEBSITE_PRINCIPAL
}
