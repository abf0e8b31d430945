package cn.beian.subject.domain;

/** How a server is paid for: only prepaid (包年包月) servers can back a filing. */
public enum ServerBilling {
    PREPAID,
    POSTPAID
}
