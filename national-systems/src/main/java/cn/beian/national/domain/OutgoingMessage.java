package cn.beian.national.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An SMS or e-mail the stand-in sends itself, written in the transaction that causes it and delivered after commit
 * by {@code OutgoingMessageJob}. A secret body (a filing password) is wiped once delivered.
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

    /** An SMS through the gateway's template {@code template} ({@code params} as a JSON object). */
    public static OutgoingMessage sms(String mobile, String template, String params, String text, boolean secret,
            OffsetDateTime now) {
        OutgoingMessage m = new OutgoingMessage();
        m.id = UUID.randomUUID();
        m.channel = SMS;
        m.recipient = mobile;
        m.templateCode = template;
        m.templateParam = params;
        m.body = text;
        m.secret = secret;
        m.createdAt = now;
        return m;
    }

    public static OutgoingMessage email(String address, String subject, String text, boolean secret,
            OffsetDateTime now) {
        OutgoingMessage m = new OutgoingMessage();
        m.id = UUID.randomUUID();
        m.channel = EMAIL;
        m.recipient = address;
        m.subject = subject;
        m.body = text;
        m.secret = secret;
        m.createdAt = now;
        return m;
    }
}
