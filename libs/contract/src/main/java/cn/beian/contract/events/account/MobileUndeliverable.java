package cn.beian.contract.events.account;

import cn.beian.contract.events.EventPayload;
import java.time.OffsetDateTime;

/**
 * The SMS provider's delivery reports say an account's mobile number no longer receives SMS: its last SMS (as many as
 * notification-service's {@code beian.notification.sms-reports.failures-in-a-row}, 2 by default) all failed with a
 * reason that is the number's, not the network's (out of service, account abnormal, blacklisted…). Announced once
 * per account and mobile until an SMS to it is delivered again. subject-service raises {@code MOBILE_UNDELIVERABLE} on
 * the account's filed subjects whose principal has this mobile, website-service the probe finding of that kind on the
 * account's filed websites whose own principal has it. Keyed by the account. Carries no number.
 *
 * @param mobileKey   {@code cn.beian.validators.Phones#mobileKey} of the number (never the number itself)
 * @param errorCode   the provider's reason in the last report ({@code MOBILE_NOT_ON_SERVICE} …)
 * @param detectedAt  when notification-service read the report that made it undeliverable (Beijing time)
 */
public record MobileUndeliverable(String accountId, String mobileKey, String errorCode, OffsetDateTime detectedAt)
        implements EventPayload {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
