package cn.beian.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** @param mobile the mobile number to confirm, as the applicant wrote it ({@code 13800000013}, {@code +86 138 …}) */
public record RequestMobileConfirmationRequest(
        @Schema(examples = "13800000013", required = true) String mobile) {

    @Override
    public String toString() {
        return "RequestMobileConfirmationRequest[mobile=" + cn.beian.contract.privacy.Masking.mobile(mobile) + "]";
    }
}
