package cn.beian.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** @param code the 6-digit code texted to the mobile */
public record ConfirmMobileRequest(@Schema(examples = "123456", required = true) String code) {

    @Override
    public String toString() {
        return "ConfirmMobileRequest[code=***]";
    }
}
