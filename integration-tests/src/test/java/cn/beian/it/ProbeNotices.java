package cn.beian.it;

/**
 * How a filed website's probe notice shows at the gateways' stand-ins, as notification-service's templates word it
 * ({@code messages/sms-templates.properties}' {@code website.probe-finding}, and its e-mail subject in
 * {@code messages/zh-CN/website.probe-finding.email.txt}).
 */
public final class ProbeNotices {

    /** The probe finding's SMS template code. */
    public static final String SMS_TEMPLATE = "SMS_BEIAN_1030";
    /** Words of the probe finding's e-mail subject. */
    public static final String MAIL_SUBJECT_WORDS = "检测发现问题";

    private ProbeNotices() {
    }
}
