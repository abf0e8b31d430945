package cn.beian.contract.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Short SHA-256 fingerprints of text, in hex: what a row or an ETag keeps to tell one content from another (the
 * findings last announced, the view an applicant acted on) or to name a person without their certificate number.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** The first {@code bytes} bytes (at most 32) of the SHA-256 of {@code text} (UTF-8), as 2 × {@code bytes} hex digits. */
    public static String of(String text, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, Math.min(bytes, digest.length));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
