package cn.beian.national.client;

/** Status of a subject or website filing in the national registry. */
public enum FilingStatus {
    /** 正常: filed and, for a website, served by its provider. */
    NORMAL,
    /** 已注销: the filing was removed; its numbers are not reused. */
    DEREGISTERED,
    /** 空壳: the website's access was cancelled and no provider serves it (risks deregistration). */
    EMPTY_SHELL
}
