package cn.beian.contract.events.server;

import cn.beian.contract.events.EventPayload;
import java.time.OffsetDateTime;

/**
 * Another account's order took the authorization code (the order now files against the server). Keyed by
 * the server.
 *
 * @param serverAccountId the account that owns the server (and minted the code)
 * @param accountId       the account whose order holds the code
 */
public record AuthorizationCodeReserved(
        String serverId,
        String serverAccountId,
        String codeId,
        String orderId,
        String accountId,
        OffsetDateTime at) implements EventPayload {

    @Override
    public String aggregateId() {
        return serverId;
    }

    @Override
    public String orderId() {
        return orderId;
    }
}
