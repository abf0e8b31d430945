package cn.beian.subject.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One filing-password try (never the password). */
@Entity
@Table(name = "filing_password_try")
public class PasswordTry {

    public enum Outcome {
        /** Being checked by the administration: counted as wrong until it answers. */
        PENDING,
        WRONG,
        MATCH,
        /** The administration refused to check: its lock was on. */
        LOCKED,
        /** The administration was not reached, or refused the request: not counted. */
        FAILED,
        /** Refused by Beian's own limit before the administration was asked: not counted. */
        REFUSED
    }

    @Id
    public UUID id;

    @Column(name = "subject_key", nullable = false)
    public String subjectKey;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    /** Whether the account owned the subject when it tried. */
    @Column(nullable = false)
    public boolean owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "tried_at", nullable = false)
    public OffsetDateTime triedAt;
}
