package cn.beian.website.domain;

/** What a probe of a filed website can find wrong (docs: website-service README, "Probes"). */
public enum ProbeFindingKind {
    /** No domain of the website answers with a page (refused, timed out, redirects for ever, an error status, unreadable). */
    UNREACHABLE,
    /** It answers, with nothing: an empty page, a parking page, a web server's default page. */
    EMPTY_SHELL,
    /** The page does not show the filing number. */
    NUMBER_MISSING,
    /** The page shows the number without linking it to https://beian.miit.gov.cn/. */
    NUMBER_NOT_LINKED,
    /** No police-filing (公安备案) number recorded although the 30 days after approval have passed. */
    POLICE_NUMBER_MISSING,
    /** Content that contradicts the filing, for a human to judge (a personal site showing a company, …). */
    CONTENT_FLAG,
    /**
     * Access has lapsed: every server the website is hosted on here has expired, at least one of them the account's
     * own (a renewal, or a change of access information, is needed).
     */
    SERVER_EXPIRED,
    /** Access has lapsed: the website was hosted only through authorization codes, and their servers are gone. */
    AUTHORIZATION_CODE_SERVER_GONE,
    /** The website principal's certificate (its own, not the subject principal's) is past its validity: a change is due. */
    PRINCIPAL_CERTIFICATE_EXPIRED,
    /**
     * The website principal's own mobile (not the subject principal's) no longer receives SMS, as
     * notification-service's delivery reports say ({@code mobile.undeliverable.v1}): a change filing with another
     * mobile, or the account confirms it again.
     */
    MOBILE_UNDELIVERABLE,
    /** A domain's registration ends within 60 days (each threshold its own kind, so crossing one is told again). */
    DOMAIN_EXPIRES_IN_60_DAYS,
    DOMAIN_EXPIRES_IN_30_DAYS,
    DOMAIN_EXPIRES_IN_7_DAYS,
    /** A domain's registration has ended, or the registries no longer know it. */
    DOMAIN_EXPIRED,
    /** The registries name another registrant than the filing's subject. */
    REGISTRANT_CHANGED,
    /** The registrant's real-name verification is no longer in place. */
    REAL_NAME_LOST;

    /** Whether the registries' answers judge it (not the page): an outage there must neither open nor resolve it. */
    public boolean fromRegistry() {
        return compareTo(DOMAIN_EXPIRES_IN_60_DAYS) >= 0;
    }

    /** Whether the applicant is told (by SMS and e-mail) when it appears; a content flag waits for staff. */
    public boolean toldToApplicant() {
        return this != CONTENT_FLAG;
    }
}
