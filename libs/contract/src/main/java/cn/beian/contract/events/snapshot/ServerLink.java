package cn.beian.contract.events.snapshot;

import java.time.OffsetDateTime;

/**
 * A server a website is hosted on, as resolved when the website was saved (docs/domain.md §1): one of the account's
 * own eligible servers, or another account's reached through an authorization code (备案授权码). Frozen with the
 * website; the code itself never travels, only its masked form.
 *
 * @param authorizationCodeId the code through which the server is used; {@code null} for the account's own server
 * @param maskedCode          that code with all but its last four characters hidden
 */
public record ServerLink(String serverId, String publicIp, OffsetDateTime expiresAt, String authorizationCodeId,
        String maskedCode) {
}
