package cn.beian.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** notification-service's settings ({@code beian.notification.*}); every one can be set from the environment. */
@ConfigMapping(prefix = "beian.notification")
public interface NotificationConfig {

    /** The language messages are written in (zh-CN; {@code en} is available). */
    @WithDefault("zh-CN")
    String locale();

    /**
     * A directory whose files override the packaged templates ({@code <locale>/<kind>.<channel>.txt},
     * {@code sms-templates.properties}), so wording can change without a build.
     */
    Optional<String> templatesDir();

    Links links();

    Sms sms();

    QuietHours quietHours();

    Dispatch dispatch();

    Police police();

    MobileConfirmation mobileConfirmation();

    SmsReports smsReports();

    interface Links {
        /** The link shortener's base for SMS: a short order code is appended. */
        @WithDefault("https://b.example.cn/")
        String shortBase();

        /** The console's order page for e-mail: the order id is appended. */
        @WithDefault("https://console.beian.example.cn/orders/")
        String consoleBase();
    }

    interface Sms {
        /** {@code dysms-http} (a Dysms-shaped HTTP API: the local stand-in or a provider's adapter) or {@code log}. */
        @WithDefault("dysms-http")
        String provider();

        /** The registered SMS signature (签名). */
        @WithDefault("Beian备案")
        String signName();

        /** The provider's API key (a Secret in k8s). */
        @WithDefault("beian-local-sms-key")
        String apiKey();

        /** SMS handed to the provider per number within an hour; more are suppressed. */
        @WithDefault("10")
        int perNumberPerHour();

        /** SMS handed to the provider per number within a day; more are suppressed. */
        @WithDefault("30")
        int perNumberPerDay();
    }

    /** Non-urgent SMS (reminders, notices) wait for the morning; state changes and SMS-code prompts do not. */
    interface QuietHours {
        @WithDefault("true")
        boolean enabled();

        /** Beijing time. */
        @WithDefault("21:00")
        LocalTime start();

        @WithDefault("08:00")
        LocalTime end();
    }

    interface Dispatch {
        @WithDefault("true")
        boolean enabled();

        /** How often queued messages are looked for (besides right after each event). */
        @WithDefault("1s")
        Duration interval();

        @WithDefault("50")
        int batchSize();

        /** Attempts before a message is marked FAILED. */
        @WithDefault("5")
        int maxAttempts();

        /** The first retry's delay; each further retry doubles it, up to {@link #maxBackoff()}. */
        @WithDefault("2s")
        Duration backoff();

        @WithDefault("10m")
        Duration maxBackoff();

        /** A claimed message not finished within this (its dispatcher died) is claimed again. */
        @WithDefault("60s")
        Duration lease();

        /** How many recipients one worker sends to at once (each recipient's messages go in order). */
        @WithDefault("16")
        int concurrency();

        /** Dispatch workers per replica, each claiming its own batches. */
        @WithDefault("4")
        int workers();
    }

    interface Police {
        /** Days after approval on which the police-filing reminder goes out, while no police number is recorded. */
        @WithDefault("1,7,14,21,28")
        List<Integer> reminderDays();

        /** Reminders stop this many days after approval (the public-security filing deadline). */
        @WithDefault("30")
        int windowDays();

        @WithDefault("true")
        boolean enabled();

        @WithDefault("10s")
        Duration interval();
    }

    /**
     * The codes that confirm an applicant's mobile numbers ({@code POST /api/v1/mobile-confirmations}): how long one
     * is valid, how many wrong tries it takes, and how often one may be asked for.
     */
    interface MobileConfirmation {
        /** A code is valid this long after it was sent. */
        @WithDefault("10m")
        Duration codeValidity();

        /** Wrong codes after which a confirmation is spent (a new code must be asked for). */
        @WithDefault("5")
        int maxAttempts();

        /** One code per mobile within this interval (429 with Retry-After otherwise). */
        @WithDefault("60s")
        Duration resendInterval();

        /** Codes per mobile per Beijing day. */
        @WithDefault("10")
        int perMobilePerDay();

        /** Codes per account per hour. */
        @WithDefault("20")
        int perAccountPerHour();
    }

    /**
     * The SMS provider's delivery reports ({@code SmsReportJob}): pulled every {@code interval}, recorded on each SMS,
     * and a mobile whose last {@code failures-in-a-row} SMS failed with one of {@code number-errors} announced as
     * undeliverable ({@code mobile.undeliverable.v1}).
     */
    interface SmsReports {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("30s")
        Duration interval();

        /** Reports read per request to the provider; a round reads on while full pages come. */
        @WithDefault("500")
        int batchSize();

        /** How many of a mobile's latest reported SMS must all have failed for the number's reason. */
        @WithDefault("2")
        int failuresInARow();

        /**
         * The report codes that are the number's fault, not the network's (Dysms receipts): out of service, the
         * subscriber's account abnormal, blacklisted, no such number. Others (switched off, gateway errors) are
         * transient and never make a mobile undeliverable.
         */
        @WithDefault("MOBILE_NOT_ON_SERVICE,MOBILE_ACCOUNT_ABNORMAL,MOBILE_IN_BLACK,MOBILE_NUMBER_ILLEGAL")
        List<String> numberErrors();
    }
}
