package cn.beian.localstack.sms;

import java.time.Instant;
import java.util.Map;

/**
 * One SMS as received by the stand-in gateway (one record per destination phone number).
 *
 * @param id            gateway id of this message (UUID), readable at {@code GET /api/v1/sms/messages/{id}}
 * @param bizId         provider receipt shared by all messages of one send request
 * @param requestId     id of the send request
 * @param phone         destination, normalised to the 11-digit mainland number
 * @param signName      SMS signature (签名)
 * @param templateCode  provider template code
 * @param templateParam template parameters as sent
 * @param text          rendered text as sent (may be null)
 * @param outId         caller's correlation id (may be null)
 * @param receivedAt    when the gateway accepted it
 */
public record SmsMessage(
        String id,
        String bizId,
        String requestId,
        String phone,
        String signName,
        String templateCode,
        Map<String, Object> templateParam,
        String text,
        String outId,
        Instant receivedAt) {
}
