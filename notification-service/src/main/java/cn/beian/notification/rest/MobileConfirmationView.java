package cn.beian.notification.rest;

import cn.beian.notification.service.MobileConfirmationService;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * A confirmation of a mobile number.
 *
 * @param mobile          the number, masked ({@code 138****0013})
 * @param expiresAt       the code is refused from then on
 * @param resendAllowedAt from then on another code may be asked for this number
 * @param attemptsLeft    wrong codes that may still be entered
 * @param confirmedAt     when the right code was entered; absent while it was not
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MobileConfirmationView(String id, String mobile, OffsetDateTime expiresAt,
        OffsetDateTime resendAllowedAt, int attemptsLeft, boolean confirmed, OffsetDateTime confirmedAt) {

    static MobileConfirmationView of(MobileConfirmationService.Issued i) {
        var c = i.confirmation();
        return new MobileConfirmationView(c.id.toString(), c.mobileMasked, c.expiresAt, i.resendAllowedAt(),
                i.attemptsLeft(), c.confirmedAt != null, c.confirmedAt);
    }
}
