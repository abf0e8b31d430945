package cn.beian.subject.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * Beian's record of one subject's filing-password check, as the administration knows the subject (by certificate):
 * who owns it here, what the administration last said about its count and lock, and the last notice to the owner.
 * Every try row-locks it, which serialises counting across replicas.
 */
@Entity
@Table(name = "filing_password_guard")
public class PasswordGuard {

    /** {@code <certificateType>:<certificateNumber>}. */
    @Id
    @Column(name = "subject_key")
    public String subjectKey;

    /** The account whose subject here holds the filing number, or that proved the password here first. */
    @Column(name = "owner_account_id")
    public String ownerAccountId;

    /** The administration's count of wrong passwords, as it last reported it. */
    @Column(name = "admin_failures", nullable = false)
    public int adminFailures;

    @Column(name = "admin_locked_until")
    public OffsetDateTime adminLockedUntil;

    @Column(name = "last_notice_at")
    public OffsetDateTime lastNoticeAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
