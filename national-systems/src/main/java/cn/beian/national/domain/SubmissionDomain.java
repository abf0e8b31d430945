package cn.beian.national.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A domain named by a submission: what makes it "in flight" while the submission is open. */
@Entity
@Table(name = "submission_domain")
public class SubmissionDomain {

    @Id
    public UUID id;

    @Column(name = "submission_id", nullable = false)
    public String submissionId;

    @Column(nullable = false)
    public String domain;

    public static SubmissionDomain of(String submissionId, String domain) {
        SubmissionDomain d = new SubmissionDomain();
        d.id = UUID.randomUUID();
        d.submissionId = submissionId;
        d.domain = domain;
        return d;
    }
}
