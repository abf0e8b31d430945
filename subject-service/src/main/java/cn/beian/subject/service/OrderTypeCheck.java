package cn.beian.subject.service;

import cn.beian.contract.order.FilingType;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.subject.domain.Subject;
import cn.beian.subject.repository.SubjectRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The type an order is opened with (docs/domain.md §2). The four ways of filing something new are not the applicant's
 * to choose: the server decides them with {@link FilingTypeDecider} from the account's subject and the domains the
 * applicant names, and a type sent that differs is refused with the one that applies and why. The other four work on
 * records approved here, so they need a subject that holds a filing number.
 *
 * <p>An order on a subject filed at another provider starts from the registry's record the decider read: the subject's
 * number (sent with every submission), and for an access filing the subject's name as filed and the websites it takes
 * over. It is kept on the order, so what the administration is sent does not depend on a later lookup.
 */
@ApplicationScoped
public class OrderTypeCheck {

    /**
     * A settled type, with what the registry holds for an order on a subject filed elsewhere.
     *
     * @param registrySubjectNumber the subject's existing number, for an access filing or a new website of a subject
     *                              filed elsewhere; null otherwise
     * @param registrySubjectName   the subject's name as filed, for an access filing; null otherwise
     * @param accessWebsites        for an access filing, the filed websites (numbers) of the named domains it takes
     *                              over; empty otherwise
     */
    public record Settled(FilingType type, String registrySubjectNumber, String registrySubjectName,
            List<String> accessWebsites) {

        static Settled of(FilingType type) {
            return new Settled(type, null, null, List.of());
        }
    }

    private final SubjectRepository subjects;
    private final FilingTypeDecider decider;

    public OrderTypeCheck(SubjectRepository subjects, FilingTypeDecider decider) {
        this.subjects = subjects;
        this.decider = decider;
    }

    /**
     * The order's type: {@code requested} when it is one of the four on approved records and the subject has them;
     * otherwise the decided type, which {@code requested} (if given) must equal. 409 without a subject, on conflicts,
     * on a mismatch, on an access filing none of whose domains has a filed website to take over; 503 when the registry
     * cannot be asked.
     *
     * @param domains the domains the order is about to file, where the applicant knows them (they tell an access filing
     *                from a new website); may be empty
     */
    @WithSession
    public Uni<Settled> settle(String accountId, FilingType requested, List<String> domains) {
        return subjects.findByAccount(accountId).chain(subject -> {
            if (subject == null) {
                return Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                        "detail.subject-required"));
            }
            if (requested != null && !requested.decided()) {
                // A subject deregistration's filing password is tried first, whoever tries it (its tries are counted
                // per subject, FilingPasswordGuard); the order is then refused without an approved subject here.
                return subject.filingNumber == null && requested != FilingType.DEREGISTER_SUBJECT
                        ? Uni.createFrom().failure(ProblemException.localized(ProblemType.CONFLICT,
                                "detail.order-type-needs-approved-subject", requested)
                                .with("code", "FILING_TYPE_NEEDS_APPROVED_SUBJECT").with("type", requested))
                        : Uni.createFrom().item(Settled.of(requested));
            }
            return decide(accountId, subject, requested, domains == null ? List.of() : domains);
        });
    }

    private Uni<Settled> decide(String accountId, Subject subject, FilingType requested, List<String> domains) {
        return decider.decide(accountId, new FilingTypeDecider.Question(subject.nature, subject.province,
                subject.certificateType, subject.certificateNumber, domains)).map(d -> {
                    if (!d.conflicts().isEmpty()) {
                        // The decider worded each conflict in the caller's language already.
                        List<FieldViolation> errors = d.conflicts().stream().map(c -> new FieldViolation(
                                c.field(), c.code(), c.message() + (c.action() == null ? "" : " — " + c.action()),
                                c.ruleId())).toList();
                        throw ProblemException.localized(ProblemType.CONFLICT, "detail.order-type-conflicts", errors,
                                String.valueOf(errors.size())).with("code", "FILING_TYPE_CONFLICTS");
                    }
                    if (requested != null && requested != d.type()) {
                        throw ProblemException.localized(ProblemType.CONFLICT, mismatchKey(d.type()), requested,
                                d.subjectFilingNumber() == null ? "" : d.subjectFilingNumber())
                                .with("code", "FILING_TYPE_MISMATCH").with("type", requested).with("decidedType", d.type());
                    }
                    return switch (d.type()) {
                        case NEW_WEBSITE_SUBJECT_ELSEWHERE -> new Settled(d.type(), d.subjectFilingNumber(), null,
                                List.of());
                        case ACCESS_FILING -> {
                            if (d.accessWebsites().isEmpty()) {
                                throw ProblemException.localized(ProblemType.CONFLICT,
                                        "detail.existing-filing-no-websites").with("code", "EXISTING_FILING_NO_WEBSITES");
                            }
                            yield new Settled(d.type(), d.subjectFilingNumber(), d.subjectName(), d.accessWebsites());
                        }
                        default -> Settled.of(d.type());
                    };
                });
    }

    /** Words for a mismatch that say why the decided type applies. */
    private static String mismatchKey(FilingType decided) {
        return switch (decided) {
            case NEW_WEBSITE -> "detail.order-type-mismatch-new-website";
            case NEW_WEBSITE_SUBJECT_ELSEWHERE -> "detail.order-type-mismatch-subject-elsewhere";
            case ACCESS_FILING -> "detail.order-type-mismatch-access-filing";
            default -> "detail.order-type-mismatch-first-filing";
        };
    }
}
