package cn.beian.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.beian.notification.config.NotificationConfig;
import cn.beian.notification.domain.Channel;
import cn.beian.testing.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The template files: every kind in both languages and channels, SMS in one segment, reasons and numbers shown. */
class MessageTemplatesTest {

    private static final String SIGNATURE = "【Beian备案】";
    /** Notices about a subject's security: no order, no link. */
    private static final List<String> SECURITY = List.of("subject.filing-password-tried");

    @Test
    void everyKindRendersInBothLanguagesAndEveryZhSmsFitsOneSegment() throws IOException {
        MessageTemplates templates = new MessageTemplates(config(Optional.empty()));
        for (String kind : kinds()) {
            if (kind.equals(MobileConfirmationService.KIND)) {
                continue;
            }
            for (String locale : List.of("zh-CN", "en")) {
                MessageTemplates.Rendered email = templates.render(kind, Channel.EMAIL, locale, typical());
                assertFalse(email.subject().isBlank(), kind);
                assertTrue(email.body().contains("https://console.example/orders/o-1"), kind + " links to the console");
                Map<String, Object> params = typical();
                if (kind.equals("police.reminder")) {
                    params.put("deadline", "2026-12-23");
                }
                if (kind.equals("website.probe-finding")) {
                    // the longest wording, with a full website number
                    params.put("websiteNumber", "京ICP备12345678号-1");
                    params.put("kind", "REGISTRANT_CHANGED");
                }
                MessageTemplates.Rendered sms = templates.render(kind, Channel.SMS, locale, params);
                if (SECURITY.contains(kind)) {
                    assertFalse(sms.body().contains("http"), kind + " is a security notice: no link");
                    assertTrue(sms.body().contains("110101********0011"), kind + " names the masked certificate");
                } else {
                    assertTrue(sms.body().contains("https://b.example.cn/Ab3dE5gH9jK"), kind + " carries the short link");
                }
                assertNotNull(sms.smsTemplateCode(), kind);
                assertFalse(sms.body().contains("{"), kind + " left a placeholder: " + sms.body());
                if (locale.equals("zh-CN")) {
                    int length = (SIGNATURE + sms.body()).codePointCount(0, SIGNATURE.length() + sms.body().length());
                    assertTrue(length <= 70, kind + " SMS is " + length + " characters: " + sms.body());
                }
            }
        }
    }

    @Test
    void anUndeliverableMobileIsAnEmailOnlyKindInBothLanguages() throws IOException {
        Map<String, Object> params = typical();
        params.put("subjectNumber", "浙ICP备12345678号");
        params.put("raisedAt", "2026-12-09 10:00");
        emailOnly("subject.mobile-undeliverable", params, "浙ICP备12345678号", "2026-12-09 10:00");
    }

    @Test
    void aWebsitePrincipalsUndeliverableMobileIsAnEmailOnlyKindInBothLanguages() throws IOException {
        Map<String, Object> params = typical();
        params.put("website", "李娜的书评");
        params.put("websiteNumber", "浙ICP备12345678号-2");
        params.put("seenAt", "2026-12-09 10:00");
        emailOnly("website.mobile-undeliverable", params, "李娜的书评", "2026-12-09 10:00");
        for (String locale : List.of("zh-CN", "en")) {
            assertTrue(templates().render("website.mobile-undeliverable", Channel.EMAIL, locale, params).subject()
                    .contains("浙ICP备12345678号-2"), "the subject line names the website's number");
        }
    }

    /**
     * {@code kind} has e-mails in both languages that name SMS, carry {@code expected} and the order's link, and no
     * SMS at all (an SMS to a number that no longer receives them is lost).
     */
    private void emailOnly(String kind, Map<String, Object> params, String... expected) throws IOException {
        MessageTemplates templates = templates();
        assertTrue(templates.exists(kind, Channel.EMAIL));
        assertFalse(templates.exists(kind, Channel.SMS), "an SMS to a dead number is lost");
        assertFalse(kinds().contains(kind), "no SMS template code registered");
        for (String locale : List.of("zh-CN", "en")) {
            MessageTemplates.Rendered email = templates.render(kind, Channel.EMAIL, locale, params);
            assertTrue(email.subject().contains(locale.equals("en") ? "SMS" : "短信"), email.subject());
            for (String text : expected) {
                assertTrue(email.body().contains(text), text + " missing from " + email.body());
            }
            assertTrue(email.body().contains("https://console.example/orders/o-1"), email.body());
            assertFalse(email.body().contains("{"), email.body());
        }
    }

    private static MessageTemplates templates() {
        return new MessageTemplates(config(Optional.empty()));
    }

    @Test
    void theMobileConfirmationCodeIsAnSmsInOneSegmentWithTheCodeAndNoLink() {
        MessageTemplates templates = new MessageTemplates(config(Optional.empty()));
        for (String locale : List.of("zh-CN", "en")) {
            MessageTemplates.Rendered sms = templates.render(MobileConfirmationService.KIND, Channel.SMS, locale,
                    Map.of("code", "042917", "minutes", "10"));
            assertEquals("SMS_BEIAN_1050", sms.smsTemplateCode());
            assertEquals("042917", sms.smsParams().get("code"));
            assertTrue(sms.body().contains("042917") && sms.body().contains("10"), sms.body());
            assertFalse(sms.body().contains("http"), "a code needs no link: " + sms.body());
            if (locale.equals("zh-CN")) {
                int length = (SIGNATURE + sms.body()).codePointCount(0, SIGNATURE.length() + sms.body().length());
                assertTrue(length <= 70, "the code's SMS is " + length + " characters: " + sms.body());
            }
        }
        assertFalse(templates.exists(MobileConfirmationService.KIND, Channel.EMAIL), "a code goes by SMS only");
    }

    @Test
    void lapsedAccessAndAnExpiredPrincipalAreWordedAndTheirSmsFitsOneSegment() {
        MessageTemplates templates = new MessageTemplates(config(Optional.empty()));
        Map<String, String> expected = Map.of("SERVER_EXPIRED", "服务器已到期",
                "AUTHORIZATION_CODE_SERVER_GONE", "授权服务器失效", "PRINCIPAL_CERTIFICATE_EXPIRED", "负责人证件过期");
        expected.forEach((finding, words) -> {
            Map<String, Object> params = typical();
            params.put("websiteNumber", "京ICP备12345678号-1");
            params.put("kind", finding);
            String sms = templates.render("website.probe-finding", Channel.SMS, "zh-CN", params).body();
            assertTrue(sms.contains(words), sms);
            assertTrue((SIGNATURE + sms).codePointCount(0, SIGNATURE.length() + sms.length()) <= 70, sms);
            String email = templates.render("website.probe-finding", Channel.EMAIL, "en", params).body();
            assertTrue(email.contains(finding.startsWith("PRINCIPAL") ? "file a change" : "access has lapsed"), email);
        });
    }

    @Test
    void rejectionsListEveryReasonAndApprovalsEveryNumber() {
        MessageTemplates templates = new MessageTemplates(config(Optional.empty()));
        String body = templates.render("authority.rejected", Channel.EMAIL, "zh-CN", typical()).body();
        assertTrue(body.contains("websites[0].name：名称与主体不符（NAME_MISMATCH）"), body);
        assertTrue(body.contains("subject.principal.mobile：请填写本人手机号（MOBILE）"), body);
        String approved = templates.render("authority.approved", Channel.EMAIL, "en", typical()).body();
        assertTrue(approved.contains("京ICP备12345678号-1") && approved.contains("京ICP备12345678号-2"), approved);
        MessageTemplates.Rendered sms = templates.render("authority.approved", Channel.SMS, "zh-CN", typical());
        assertEquals("京ICP备12345678号", sms.smsParams().get("subjectNumber"));
        assertFalse(sms.smsParams().containsKey("websites"), "lists stay out of the provider's parameters");
    }

    @Test
    void aTemplatesDirectoryOverridesThePackagedWording(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("zh-CN"));
        Files.writeString(dir.resolve("zh-CN/order.withdrawn.sms.txt"), "订单已撤回（新措辞）{link}");
        MessageTemplates templates = new MessageTemplates(config(Optional.of(dir.toString())));
        assertEquals("订单已撤回（新措辞）https://b.example.cn/Ab3dE5gH9jK",
                templates.render("order.withdrawn", Channel.SMS, "zh-CN", typical()).body());
        assertTrue(templates.render("order.submitted", Channel.SMS, "zh-CN", typical()).body().startsWith("备案订单已提交"));
    }

    private static List<String> kinds() throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageTemplatesTest.class.getResourceAsStream("/messages/sms-templates.properties")) {
            p.load(in);
        }
        assertEquals(25, p.size());
        return p.stringPropertyNames().stream().sorted().toList();
    }

    private static Map<String, Object> typical() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("order", "Ab3dE5gH9jK");
        p.put("link", "https://b.example.cn/Ab3dE5gH9jK");
        p.put("consoleLink", "https://console.example/orders/o-1");
        p.put("domain", "example.cn");
        p.put("kind", "EMPTY_SHELL");
        p.put("validUntil", TestClock.date(-7));
        p.put("seenAt", "2026-12-06 10:00");
        p.put("resubmitted", true);
        p.put("days", 30);
        p.put("state", "待拍照核验");
        p.put("action", "重新上传幕布照片");
        p.put("expiresOn", "2026-12-31");
        p.put("needsPhoto", true);
        p.put("reasons", List.of(
                Map.of("field", "websites[0].name", "code", "NAME_MISMATCH", "suggestion", "名称与主体不符"),
                Map.of("field", "subject.principal.mobile", "code", "MOBILE", "suggestion", "请填写本人手机号")));
        p.put("reasonCount", 2);
        p.put("expectedBy", "2026-12-21");
        p.put("deadline", "2026-11-24 12:00");
        p.put("subjectNumber", "京ICP备12345678号");
        p.put("websites", List.of(
                Map.of("name", "示例网站", "number", "京ICP备12345678号-1", "domains", "example.cn"),
                Map.of("name", "第二个网站", "number", "京ICP备12345678号-2", "domains", "example2.cn")));
        p.put("websiteCount", 2);
        p.put("website", "示例网站");
        p.put("websiteNumber", "京ICP备12345678号-1");
        p.put("certificate", "110101********0011");
        p.put("tries", 12);
        p.put("matched", true);
        p.put("triedAt", TestClock.now().toLocalDateTime().withSecond(0).withNano(0).toString().replace('T', ' '));
        return p;
    }

    /** Only the settings the templates read. */
    static NotificationConfig config(Optional<String> dir) {
        return (NotificationConfig) Proxy.newProxyInstance(NotificationConfig.class.getClassLoader(),
                new Class<?>[] {NotificationConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "templatesDir" -> dir;
                    case "locale" -> "zh-CN";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
