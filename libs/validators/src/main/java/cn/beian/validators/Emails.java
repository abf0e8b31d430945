package cn.beian.validators;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Practical e-mail address validation: what a mailbox provider hands out, not every RFC 5322 curiosity. A dot-atom
 * local part (letters in any script, digits and {@code !#$%&'*+/=?^_`{|}~-}, dots not leading, trailing or doubled,
 * at most 64 characters), and a domain name (internationalised names allowed) with at least two labels, each
 * 1-63 characters of letters, digits and inner hyphens once converted to ASCII, an alphabetic or {@code xn--} top-level
 * label, at most 253 characters. No quoted local parts, comments or IP literals.
 */
public final class Emails {

    /** The address is not one mail can be delivered to. Same code as Bean Validation's {@code @Email}. */
    public static final String EMAIL = "EMAIL";

    private static final Pattern LOCAL = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TLD = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    private Emails() {
    }

    public static boolean isValid(String address) {
        return normalise(address).isPresent();
    }

    public static Optional<Problem> validate(String address) {
        return isValid(address) ? Optional.empty()
                : Problem.of(EMAIL, "field.email-invalid", "Must be an e-mail address such as name@example.com");
    }

    /**
     * The address stripped of surrounding blanks with its domain in lower case (internationalised domains keep
     * their Unicode form), or empty when it is not valid.
     */
    public static Optional<String> normalise(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String a = address.strip();
        int at = a.lastIndexOf('@');
        if (a.isEmpty() || a.length() > 254 || at <= 0 || at == a.length() - 1 || a.indexOf('@') != at) {
            return Optional.empty();
        }
        String local = a.substring(0, at);
        String domain = a.substring(at + 1).toLowerCase(Locale.ROOT);
        if (local.length() > 64 || !LOCAL.matcher(local).matches() || asciiDomain(domain).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(local + "@" + domain);
    }

    private static Optional<String> asciiDomain(String domain) {
        if (domain.endsWith(".") || domain.startsWith(".")) {
            return Optional.empty();
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            return Optional.empty();
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return TLD.matcher(labels[labels.length - 1]).matches() ? Optional.of(ascii) : Optional.empty();
    }
}
