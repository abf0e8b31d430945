package cn.beian.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One code sent to confirm that an applicant's account reaches a mobile number. Keeps no code (only
 * {@code codeHash}, a hash of the row's id and the code) and no number (only its key and its masked form).
 */
@Entity
@Table(name = "mobile_confirmation")
public class MobileConfirmation {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    /** {@code Phones.mobileKey} of the number. */
    @Column(name = "mobile_key", nullable = false)
    public String mobileKey;

    /** {@code 138****0013}. */
    @Column(name = "mobile_masked", nullable = false)
    public String mobileMasked;

    @Column(name = "code_hash", nullable = false)
    public String codeHash;

    /** Wrong codes entered so far. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    /** When the right code was entered; null while it was not. */
    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;
}
