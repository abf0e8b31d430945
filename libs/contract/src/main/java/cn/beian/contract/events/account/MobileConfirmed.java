package cn.beian.contract.events.account;

import cn.beian.contract.events.EventPayload;
import java.time.OffsetDateTime;

/**
 * An applicant's account proved it reaches a mobile number: the 6-digit code notification-service texted to it was
 * entered (issue 15; the seed system's forms do the same, so a wrong number is caught before the administration's
 * own SMS verification fails). Keyed by the account. Carries no number: {@code mobileKey} is
 * {@code cn.beian.validators.Phones#mobileKey} of it, which subject- and website-service compute from the principals'
 * mobiles of an order to see whether each is confirmed.
 *
 * @param mobileKey   a hash of the mobile's 11-digit national form (never the number itself)
 * @param confirmedAt when the right code was entered (Beijing time)
 */
public record MobileConfirmed(String accountId, String mobileKey, OffsetDateTime confirmedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
