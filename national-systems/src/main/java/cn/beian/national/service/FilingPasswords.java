package cn.beian.national.service;

import cn.beian.national.domain.OutgoingMessage;
import cn.beian.national.domain.PasswordHasher;
import cn.beian.national.domain.RegistrySubject;
import cn.beian.national.repository.OutgoingMessageRepository;
import cn.beian.national.repository.Persist;
import cn.beian.platform.json.Json;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A first filing's password: random, only its hash kept; the stand-in itself texts and e-mails it to the subject
 * principal (delivered after commit, wiped from the message once sent). Never logged.
 */
@ApplicationScoped
public class FilingPasswords {

    private final OutgoingMessageRepository outgoing;
    private final PasswordHashing hashing;
    private final Json json;

    public FilingPasswords(OutgoingMessageRepository outgoing, PasswordHashing hashing, Json json) {
        this.outgoing = outgoing;
        this.hashing = hashing;
        this.json = json;
    }

    /** Sets a new password on the subject and queues its SMS (and e-mail, where the principal has an address). */
    Uni<Void> issue(RegistrySubject subject, OffsetDateTime now) {
        String password = PasswordHasher.generate();
        return hashing.hash(password)
                .chain(hash -> {
                    subject.passwordHash = hash;
                    List<OutgoingMessage> messages = new ArrayList<>();
                    String text = "【工信部ICP备案】您的主体备案号 " + subject.subjectFilingNumber + " 已审核通过。备案密码："
                            + password + "。办理接入、变更、注销时需要此密码，请妥善保管，勿告知他人。";
                    messages.add(OutgoingMessage.sms(subject.principalMobile, "MIIT_FILING_PASSWORD",
                            json.write(Map.of("subjectFilingNumber", subject.subjectFilingNumber,
                                    "password", password)),
                            text, true, now));
                    if (subject.principalEmail != null && !subject.principalEmail.isBlank()) {
                        messages.add(OutgoingMessage.email(subject.principalEmail,
                                "ICP备案密码通知（" + subject.subjectFilingNumber + "）",
                                subject.principalName + "，您好：\n\n" + text
                                        + "\n\n工业和信息化部 ICP/IP地址/域名信息备案管理系统",
                                true, now));
                    }
                    return Persist.all(outgoing, messages);
                });
    }
}
