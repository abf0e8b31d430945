package cn.beian.notification.service;

import cn.beian.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.util.UUID;

/**
 * Links to an order: the console page for e-mail, and for SMS a short link on the configured shortener's base
 * (the order id's first 64 bits in base 62, at most 11 characters), which keeps an SMS in one 70-character segment.
 */
@ApplicationScoped
public class Links {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final NotificationConfig config;

    public Links(NotificationConfig config) {
        this.config = config;
    }

    public String console(String orderId) {
        return config.links().consoleBase() + orderId;
    }

    public String shortLink(String orderId) {
        return config.links().shortBase() + shortCode(orderId);
    }

    static String shortCode(String orderId) {
        try {
            BigInteger n = new BigInteger(Long.toUnsignedString(UUID.fromString(orderId).getMostSignificantBits()));
            StringBuilder s = new StringBuilder();
            BigInteger base = BigInteger.valueOf(ALPHABET.length());
            do {
                BigInteger[] qr = n.divideAndRemainder(base);
                s.append(ALPHABET.charAt(qr[1].intValue()));
                n = qr[0];
            } while (n.signum() > 0);
            return s.reverse().toString();
        } catch (IllegalArgumentException e) {
            return orderId;
        }
    }
}
