package cn.beian.subject.rest;

import cn.beian.contract.order.FilingType;
import jakarta.validation.constraints.NotNull;

/** Opens a filing order of {@code type} for the account's subject. */
public record CreateOrderRequest(@NotNull FilingType type) {
}
