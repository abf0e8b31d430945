package cn.beian.subject.rest;

import cn.beian.contract.order.FilingType;
import cn.beian.subject.service.OrderService;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Opens a filing order of {@code type} for the account's subject.
 *
 * @param filingPassword the subject's filing password (备案密码), required for access filings and subject
 *                       deregistrations; checked with the national system at once and never stored or logged
 * @param authorizationCode a 备案授权码 minted on another account's server, when the filing is backed by it
 */
public record CreateOrderRequest(@NotNull FilingType type, @Size(max = 64) String filingPassword,
        @Size(max = 40) String authorizationCode) {

    OrderService.NewOrder toNewOrder() {
        return new OrderService.NewOrder(type, filingPassword, authorizationCode);
    }

    @Override
    public String toString() {
        return "CreateOrderRequest[type=" + type + ", filingPassword=" + (filingPassword == null ? null : "***")
                + ", authorizationCode=" + (authorizationCode == null ? null : "***") + "]";
    }
}
