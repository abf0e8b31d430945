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
 * @param status        its delivery report (Dysms QuerySendDetails' SendStatus): {@code SENDING} until the handset's
 *                      report arrives, then {@code DELIVERED} or {@code FAILED}; null in lines written before reports
 *                      existed (read as delivered)
 * @param errorCode     the report's error code when {@code FAILED} ({@code MOBILE_NOT_ON_SERVICE} …), else null
 * @param reportedAt    when the report arrived (null while {@code SENDING})
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
        Instant receivedAt,
        String status,
        String errorCode,
        Instant reportedAt) {

    public static final String SENDING = "SENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    /** This message with its delivery report. */
    SmsMessage reported(SmsReport r) {
        return new SmsMessage(id, bizId, requestId, phone, signName, templateCode, templateParam, text, outId,
                receivedAt, r.status(), r.errorCode(), r.reportedAt());
    }
}
