package cn.beian.national.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An SMS or e-mail the stand-in sends itself, written in the transaction that causes it and delivered after commit
 * by {@code OutgoingDispatcher}. A secret body (a filing password) is wiped once delivered.
 */
@Entity
@Table(name = "outgoing_message")
public class OutgoingMessage {

    public static final String SMS = "SMS";
    public static final String EMAIL = "EMAIL";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String channel;

    /** A mobile (SMS) or an e-mail address. */
    @Column(nullable = false)
    public String recipient;

    /** E-mail subject. */
    public String subject;

    public String body;

    @Column(name = "template_code")
    public String templateCode;

    /** JSON object of the SMS template parameters. */
    @Column(name = "template_param")
    public String templateParam;

    @Column(nullable = false)
    public boolean secret;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
