package cn.beian.subject.service;

import cn.beian.contract.order.FilingType;
import cn.beian.national.client.NationalSystemsClient;
import cn.beian.national.client.PasswordCheckRequest;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.subject.domain.Subject;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Checks the subject's filing password with the national system when an order needs it (access filing, subject
 * deregistration), before the order exists. Beian learns only whether it matched: the password is passed on once
 * and is in no table, event, outbox row or log line. {@link FilingPasswordGuard} admits each try first (Beian's own
 * per-account and per-subject limits, 429 beyond them) and records the administration's answer after.
 */
@ApplicationScoped
public class FilingPasswordCheck {

    private final NationalSystemsClient national;
    private final FilingPasswordGuard guard;

    public FilingPasswordCheck(@RestClient NationalSystemsClient national, FilingPasswordGuard guard) {
        this.national = national;
        this.guard = guard;
    }

    /** When the password was confirmed, or {@code null} for types that need none. */
    public Uni<OffsetDateTime> verifyFor(String accountId, FilingType type, String password) {
        if (!type.needsFilingPassword()) {
            return Uni.createFrom().nullItem();
        }
        if (password == null || password.isBlank()) {
            return Uni.createFrom().failure(ProblemException.invalidFields(List.of(FieldViolation.of("filingPassword",
                    "FILING_PASSWORD_REQUIRED", "field.filing-password-required"))));
        }
        return guard.reserve(accountId).chain(reservation -> {
            if (reservation.refusal() != null) {
                return Uni.createFrom().failure(reservation.refusal());
            }
            Subject subject = reservation.subject();
            FilingPasswordGuard.Ticket ticket = reservation.ticket();
            return national.checkPassword(new PasswordCheckRequest(subject.filingNumber, subject.certificateType,
                            subject.certificateNumber, password))
                    .onFailure(e -> !(e instanceof ProblemException)).transform(e -> ProblemException.localized(
                            ProblemType.SERVICE_UNAVAILABLE, "detail.password-check-unavailable"))
                    .onFailure().call(e -> guard.fail(ticket))
                    .chain(result -> guard.settle(ticket, result))
                    .map(settled -> {
                        if (settled.problem() != null) {
                            throw settled.problem();
                        }
                        return settled.verifiedAt();
                    });
        });
    }
}
