package cn.beian.subject.domain;

import cn.beian.contract.privacy.Masking;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 备案授权码: lets another account file against a server (docs/domain.md §1). */
@Entity
@Table(name = "authorization_code")
public class AuthorizationCode {

    /** Unambiguous when read aloud or typed: no 0/O, 1/I/L. */
    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    public UUID id;

    @Column(name = "server_id", nullable = false)
    public UUID serverId;

    @Column(nullable = false)
    public String code;

    /** The stored state; {@link AuthorizationCodeLifecycle#effective} adds EXPIRED. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuthorizationCodeState state;

    /** The order that holds (RESERVED) or consumed (SPENT) the code. */
    @Column(name = "order_id")
    public UUID orderId;

    /** The account of that order. */
    @Column(name = "order_account_id")
    public String orderAccountId;

    /**
     * Reserved because a website of the order names it (rather than when the order was created): the websites'
     * edits may free it again.
     */
    @Column(name = "held_by_websites", nullable = false)
    public boolean heldByWebsites;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "reserved_at")
    public OffsetDateTime reservedAt;

    @Column(name = "released_at")
    public OffsetDateTime releasedAt;

    @Column(name = "spent_at")
    public OffsetDateTime spentAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** A fresh random code: {@value #LENGTH} characters of {@link #ALPHABET} (≈ 79 bits). */
    public static String newCode() {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** Codes as typed: case and separators ({@code ABCD-EFGH …}) do not matter. */
    public static String normalize(String typed) {
        return typed == null ? null : typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** What anyone but the server's owner sees: the last four characters. */
    public static String mask(String code) {
        return Masking.secret(code);
    }

    public AuthorizationCodeState effectiveState(boolean serverExpired) {
        return AuthorizationCodeLifecycle.effective(state, serverExpired);
    }
}
