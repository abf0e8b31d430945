package cn.beian.subject.service;

import cn.beian.contract.order.FilingType;
import cn.beian.national.client.NationalSystemsClient;
import cn.beian.national.client.PasswordCheckRequest;
import cn.beian.national.client.PasswordCheckResult;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.subject.repository.SubjectRepository;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Checks the subject's filing password with the national system when an order needs it (access filing, subject
 * deregistration), before the order exists. Beian learns only whether it matched: the password is passed on once
 * and is in no table, event, outbox row or log line.
 */
@ApplicationScoped
public class FilingPasswordCheck {

    private final NationalSystemsClient national;
    private final SubjectRepository subjects;
    private final BeianClock clock;

    public FilingPasswordCheck(@RestClient NationalSystemsClient national, SubjectRepository subjects,
            BeianClock clock) {
        this.national = national;
        this.subjects = subjects;
        this.clock = clock;
    }

    /** When the password was confirmed, or {@code null} for types that need none. */
    @WithSession
    public Uni<OffsetDateTime> verifyFor(String accountId, FilingType type, String password) {
        if (!type.needsFilingPassword()) {
            return Uni.createFrom().nullItem();
        }
        if (password == null || password.isBlank()) {
            return Uni.createFrom().failure(ProblemException.invalid("filingPassword", "FILING_PASSWORD_REQUIRED",
                    "This filing type needs the subject's filing password"));
        }
        return subjects.findByAccount(accountId).chain(subject -> {
            if (subject == null) {
                return Uni.createFrom().failure(new ProblemException(ProblemType.CONFLICT,
                        "Register the account's subject before opening an order"));
            }
            return national.checkPassword(new PasswordCheckRequest(subject.filingNumber, subject.certificateType,
                            subject.certificateNumber, password))
                    .onFailure(e -> !(e instanceof ProblemException)).transform(e -> new ProblemException(
                            ProblemType.SERVICE_UNAVAILABLE, "The national filing system cannot check the password now"))
                    .map(this::accept);
        });
    }

    private OffsetDateTime accept(PasswordCheckResult r) {
        return switch (r.result()) {
            case MATCH -> clock.nowInChina();
            case MISMATCH -> throw new ProblemException(ProblemType.VALIDATION_FAILED, "Wrong filing password",
                    List.of(new FieldViolation("filingPassword", "FILING_PASSWORD_WRONG",
                            "Wrong filing password; " + r.remainingAttempts() + " tries left")))
                    .with("remainingAttempts", r.remainingAttempts());
            case LOCKED -> throw new ProblemException(ProblemType.CONFLICT,
                    "Too many wrong filing passwords; the check is locked")
                    .with("lockedUntil", r.lockedUntil());
        };
    }
}
