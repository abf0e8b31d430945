package cn.beian.subject.rest;

import cn.beian.contract.order.ChangeKind;
import cn.beian.contract.order.FilingType;
import cn.beian.subject.service.OrderService;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Opens a filing order for the account's subject.
 *
 * @param type           the filing type. For the four ways of filing something new (first filing, the two new-website
 *                       types, access filing) the server decides it from the subject and {@code domains}: leave it out
 *                       to take the decided type, or send it to have it checked (409 {@code FILING_TYPE_MISMATCH}
 *                       naming the type that applies). CHANGE, CANCEL_ACCESS, DEREGISTER_WEBSITE and
 *                       DEREGISTER_SUBJECT must be sent, and need a subject approved here
 * @param filingPassword the subject's filing password (备案密码), required for access filings and subject
 *                       deregistrations; checked with the national system at once and never stored or logged
 * @param authorizationCode a 备案授权码 minted on another account's server, when the filing is backed by it
 * @param domains        a new filing's domains where already known: they tell an access filing (domains filed for
 *                       this subject elsewhere) from a new website
 * @param websites       CANCEL_ACCESS, DEREGISTER_WEBSITE and a WEBSITE or ACCESS change only, and required there: the
 *                       approved websites the order is about, each by its website id or its website filing number
 * @param changeKind     CHANGE only, and required there: what the change revises — SUBJECT, WEBSITE (the picked
 *                       websites' own data) or ACCESS (the picked websites' servers and authorization codes)
 */
public record CreateOrderRequest(FilingType type, @Size(max = 64) String filingPassword,
        @Size(max = 40) String authorizationCode,
        @Size(max = 100) List<@NotBlank @Size(max = 253) String> domains,
        @Size(max = 10) List<@NotBlank @Size(max = 64) String> websites, ChangeKind changeKind) {

    OrderService.NewOrder toNewOrder() {
        return new OrderService.NewOrder(type, filingPassword, authorizationCode,
                domains == null ? List.of() : domains, websites == null ? List.of() : websites, changeKind);
    }

    @Override
    public String toString() {
        return "CreateOrderRequest[type=" + type + ", filingPassword=" + (filingPassword == null ? null : "***")
                + ", authorizationCode=" + (authorizationCode == null ? null : "***") + ", domains=" + domains
                + ", websites=" + websites + ", changeKind=" + changeKind + "]";
    }
}
