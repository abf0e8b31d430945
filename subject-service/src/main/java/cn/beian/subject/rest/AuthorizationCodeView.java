package cn.beian.subject.rest;

import cn.beian.subject.domain.AuthorizationCode;
import cn.beian.subject.domain.AuthorizationCodeState;
import cn.beian.subject.domain.Server;
import java.time.OffsetDateTime;

/**
 * An authorization code of a server.
 *
 * @param code    the code in full for the server's owner; masked ({@code ************WXYZ}) for anyone else
 * @param state   AVAILABLE, RESERVED, SPENT, or EXPIRED once the server has expired
 * @param orderId the order that holds or consumed it
 */
public record AuthorizationCodeView(
        String id,
        String serverId,
        String code,
        boolean masked,
        AuthorizationCodeState state,
        String orderId,
        OffsetDateTime createdAt,
        OffsetDateTime reservedAt,
        OffsetDateTime spentAt,
        OffsetDateTime expiresAt) {

    public static AuthorizationCodeView of(AuthorizationCode c, Server server, OffsetDateTime now, boolean owner) {
        return new AuthorizationCodeView(c.id.toString(), c.serverId.toString(),
                owner ? c.code : AuthorizationCode.mask(c.code), !owner, c.effectiveState(server.expired(now)),
                c.orderId == null ? null : c.orderId.toString(), c.createdAt, c.reservedAt, c.spentAt,
                server.expiresAt);
    }
}
