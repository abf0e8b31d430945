package cn.beian.notification.domain;

import java.util.Locale;

/**
 * One address on one channel, or a recipient that lacks one ({@code address == null}: logged as undeliverable).
 *
 * @param role      {@code account}, {@code subject-principal}, {@code website-principal}
 * @param websiteId the website a website principal answers for
 */
public record Recipient(String role, Channel channel, String address, String websiteId) {

    /** The de-duplication key within one event and channel: the normalised address, or the missing role. */
    public String key() {
        if (address == null) {
            return "missing:" + role + (websiteId == null ? "" : ":" + websiteId);
        }
        return channel == Channel.SMS ? normaliseMobile(address) : address.trim().toLowerCase(Locale.ROOT);
    }

    public static String normaliseMobile(String mobile) {
        String s = mobile.replace(" ", "").replace("-", "");
        if (s.startsWith("+86")) {
            return s.substring(3);
        }
        return s.startsWith("0086") ? s.substring(4) : s;
    }
}
