package cn.beian.localstack.sms;

import java.time.Instant;

/**
 * A delivery report (回执) of one message, as Aliyun Dysms hands them to its report queue (SmsReport: phone_number,
 * success, biz_id, out_id, send_time, report_time, err_code, err_msg). Reports are kept in arrival order and numbered:
 * {@code cursor} is that number, which a reader passes back as {@code after} to read the ones that came since.
 *
 * @param cursor       position in the report log (1, 2, …), as a string so that readers treat it as opaque
 * @param messageId    the message's gateway id ({@code messageIds} of the send answer)
 * @param status       {@code DELIVERED} or {@code FAILED}
 * @param errorCode    the operator's reason when {@code FAILED}: {@code MOBILE_NOT_ON_SERVICE} (停机),
 *                     {@code MOBILE_ACCOUNT_ABNORMAL} (账户异常), {@code MOBILE_IN_BLACK} (黑名单) …; {@code DELIVRD}
 *                     style codes are not used, {@code null} when delivered
 * @param errorMessage words for the code (may be null)
 * @param sentAt       when the gateway accepted the message
 * @param reportedAt   when the report arrived
 */
public record SmsReport(
        String cursor,
        String messageId,
        String bizId,
        String outId,
        String phone,
        String status,
        String errorCode,
        String errorMessage,
        Instant sentAt,
        Instant reportedAt) {
}
