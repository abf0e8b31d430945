package cn.beian.subject.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * subject-service's configuration, in one place. Its keys predate the convention's {@code beian.subject} prefix and
 * deployments set them, so they keep their names: each group is a mapping of its own on its existing prefix. (One
 * mapping on {@code beian} would hold them all, but SmallRye then refuses every other {@code beian.*} key it does not
 * map, such as the platform's {@code beian.db.*}.)
 */
public interface SubjectConfig {

    /** The order clock's rounds (idle milestones and expiry, {@code OrderClockJob}), in every replica. */
    @ConfigMapping(prefix = "beian.order-clock")
    interface OrderClock {

        /** How often each replica runs a round; {@code off} stops the schedule. */
        @WithDefault("10s")
        String interval();

        /** {@code false} skips every scheduled round (a round can still be run by hand). */
        @WithDefault("true")
        boolean enabled();

        /** Orders one round handles at most; the rest wait for the next round. */
        @WithDefault("500")
        int maxPerRound();
    }

    /** The orders' server-sent event streams ({@code GET /api/v1/orders/{id}/events}). */
    @ConfigMapping(prefix = "beian.order-stream")
    interface OrderStream {

        /**
         * How often each replica reads the history for its open streams without being woken (a move's commit wakes
         * it at once): the net for a notification lost while the listener reconnected.
         */
        @WithDefault("5s")
        Duration interval();

        /** An idle stream's heartbeat comment; well inside the Ingress' read timeout (120 s). */
        @WithDefault("15s")
        Duration heartbeat();
    }

    /**
     * Beian's own limit on filing-password tries (issue 17 §4), applied before the administration is asked. The
     * administration locks a subject's password check for 24 h after {@link #administrationMaxFailures()} wrong
     * passwords from anyone, and forgets its count only on a match or when that lock ends; so Beian limits per
     * subject:
     *
     * <ul>
     * <li>every account (the owner too) to {@link #perAccount()} wrong tries per {@link #window()};</li>
     * <li>all accounts but the owner together to {@link #others()} wrong tries per window, and never past the point
     * where the administration's own count (as it last reported it, plus tries in flight) would exceed
     * {@link #others()}: strangers can never leave the owner fewer than {@code administrationMaxFailures - others}
     * of the administration's tries, however many days they spread their tries over.</li>
     * </ul>
     *
     * With the defaults (2, 2, 5) strangers spend at most 2 of the 5, the owner keeps 3 and may use 2 a day here:
     * the administration's lock is never reached through Beian within one window.
     */
    @ConfigMapping(prefix = "beian.filing-password")
    interface FilingPassword {

        /** The window wrong tries are counted in, on the {@code BeianClock}. */
        @WithDefault("PT24H")
        Duration window();

        /** Wrong tries one account may make per subject per window (the owning account included). */
        @WithDefault("2")
        int perAccount();

        /**
         * Wrong tries all accounts other than the subject's owner may make together per subject per window; also the
         * highest the administration's count may stand at after such a try.
         */
        @WithDefault("2")
        int others();

        /** Wrong passwords after which the administration locks the check (its rule; only used to read its answers). */
        @WithDefault("5")
        int administrationMaxFailures();

        /** At most one "someone else tried your filing password" notice per subject per this interval. */
        @WithDefault("PT1H")
        Duration noticeInterval();

        /** How long try rows (account, time, outcome; never the password) are kept; at least the window. */
        @WithDefault("P30D")
        Duration retention();
    }

    /** Checks of approved subjects ({@code SubjectChecksJob}): a principal's certificate past its validity. */
    @ConfigMapping(prefix = "beian.subject-checks")
    interface SubjectChecks {

        /** How often each replica runs a round; {@code off} stops the schedule (tests run rounds by hand). */
        @WithDefault("1h")
        String every();

        /** Subjects one round raises findings for at most; the rest wait for the next round. */
        @WithDefault("500")
        int maxPerRound();
    }

    /**
     * Mobile numbers confirmed by an SMS code (notification-service, {@code mobile.confirmed.v1}): an order that files
     * a subject principal's mobile the applicant entered is not submitted until the account confirmed it
     * ({@code MOBILE_UNCONFIRMED}).
     */
    @ConfigMapping(prefix = "beian.mobile-confirmation")
    interface MobileConfirmation {

        /** {@code false} lets orders be submitted with unconfirmed mobiles (module tests that do not test it). */
        @WithDefault("true")
        boolean required();

        /** How long a confirmation counts for its account and mobile, on the {@code BeianClock}. */
        @WithDefault("P180D")
        Duration validity();
    }
}
