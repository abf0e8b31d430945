package cn.beian.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A subject's principal contact from {@code subject.created}, copied to the subject's orders when they open. */
@Entity
@Table(name = "subject_contact")
public class SubjectContact {

    @Id
    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "principal_name")
    public String principalName;

    @Column(name = "principal_mobile")
    public String principalMobile;

    @Column(name = "principal_email")
    public String principalEmail;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
