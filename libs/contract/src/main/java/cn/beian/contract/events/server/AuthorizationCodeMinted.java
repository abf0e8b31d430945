package cn.beian.contract.events.server;

import cn.beian.contract.events.EventPayload;
import java.time.OffsetDateTime;

/**
 * A server's owner minted an authorization code (备案授权码) so that another account can file against the
 * server. The code itself is a secret: only its masked form travels. Keyed by the server.
 *
 * @param serverAccountId the account that owns the server (and minted the code)
 */
public record AuthorizationCodeMinted(
        String serverId,
        String serverAccountId,
        String codeId,
        String maskedCode,
        OffsetDateTime at) implements EventPayload {

    @Override
    public String aggregateId() {
        return serverId;
    }
}
