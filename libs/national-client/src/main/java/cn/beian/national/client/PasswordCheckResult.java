package cn.beian.national.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;

/**
 * @param result            MATCH, MISMATCH or LOCKED (too many wrong passwords; nothing was checked)
 * @param remainingAttempts wrong passwords still allowed before the check locks
 * @param lockedUntil       while LOCKED (and on the mismatch that locked it)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PasswordCheckResult(Result result, String subjectFilingNumber, int remainingAttempts,
        OffsetDateTime lockedUntil) {

    public enum Result {
        MATCH, MISMATCH, LOCKED
    }
}
