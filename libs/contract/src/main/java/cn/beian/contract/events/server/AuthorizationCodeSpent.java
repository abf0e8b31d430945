package cn.beian.contract.events.server;

import cn.beian.contract.events.EventPayload;
import java.time.OffsetDateTime;

/**
 * The order holding the authorization code was approved: the code is consumed for good. Keyed by the server.
 *
 * @param serverAccountId the account that owns the server (and minted the code)
 * @param accountId       the account whose order holds the code
 */
public record AuthorizationCodeSpent(
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
