package cn.beian.national.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The SMS verification of a submission: one entry per distinct principal mobile.
 *
 * @param wrongCodes   wrong codes entered so far (5 are allowed; the 6th returns the submission)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SmsVerification(OffsetDateTime deadline, int wrongCodes, List<Principal> principals) {

    /**
     * @param roles        SUBJECT_PRINCIPAL and/or WEBSITE_PRINCIPAL
     * @param mobileMasked e.g. {@code 138****0013}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Principal(List<String> roles, String mobileMasked, boolean verified, OffsetDateTime verifiedAt) {
    }
}
