package cn.beian.national.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;

/** The SMS code sent to one principal mobile of a submission. Only a hash of the code is kept. */
@Entity
@Table(name = "sms_challenge")
public class SmsChallenge {

    @Id
    public UUID id;

    @Column(name = "submission_id", nullable = false)
    public String submissionId;

    /** 11 digits, no +86. */
    @Column(nullable = false)
    public String mobile;

    /** Comma-separated: SUBJECT_PRINCIPAL, WEBSITE_PRINCIPAL. */
    @Column(nullable = false)
    public String roles;

    @Column(name = "code_hash", nullable = false)
    public String codeHash;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;

    public boolean matches(String code) {
        return MessageDigest.isEqual(codeHash.getBytes(StandardCharsets.US_ASCII),
                hash(submissionId, mobile, code).getBytes(StandardCharsets.US_ASCII));
    }

    public static String hash(String submissionId, String mobile, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(
                    sha.digest((submissionId + '\n' + mobile + '\n' + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
