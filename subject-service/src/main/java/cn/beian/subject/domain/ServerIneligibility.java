package cn.beian.subject.domain;

/** Why a server cannot back a filing (docs/domain.md §1); the codes front-ends show next to the server. */
public enum ServerIneligibility {
    /** Paid as you go: only prepaid servers count. */
    NOT_PREPAID,
    /** Prepaid for less than {@link Server#MIN_PURCHASED_MONTHS} months. */
    TOO_SHORT,
    NO_PUBLIC_IP,
    LOAD_BALANCER,
    /** Past its expiry (by the movable clock). */
    EXPIRED
}
