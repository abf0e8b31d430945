package cn.beian.notification.domain;

/** Where a message stands. */
public enum DeliveryStatus {
    /** Written with its event; waiting for the dispatcher (or for a retry after a provider failure). */
    QUEUED,
    /** Claimed by a dispatcher and being handed to the provider. */
    SENDING,
    /** Accepted by the SMTP server or the SMS provider. */
    SENT,
    /** Non-urgent SMS held by quiet hours until the morning. */
    DEFERRED,
    /** Not sent: the number's rate limit was reached. */
    SUPPRESSED,
    /** The provider refused it or every retry failed. */
    FAILED,
    /** The recipient has no mobile or e-mail: logged so it is visible what could not be sent. */
    UNDELIVERABLE
}
