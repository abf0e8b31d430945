package cn.beian.subject.service;

import cn.beian.contract.order.FilingType;
import cn.beian.national.client.FilingStatus;
import cn.beian.national.client.NationalSystemsClient;
import cn.beian.national.client.SubjectFiling;
import cn.beian.national.client.WebsiteFiling;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.subject.domain.Subject;
import cn.beian.validators.domain.DomainNames;
import cn.beian.validators.domain.ParsedDomain;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The administration's record an order starts from when its subject was filed at another provider (docs/domain.md §2):
 * an access filing takes the subject's number and the websites it moves here from it, a new website with the subject
 * filed elsewhere the subject's number. Read once, when the order is opened (after the filing password was proven for
 * an access filing), and kept on the order: what it sends the administration does not depend on a later lookup.
 */
@ApplicationScoped
public class ExistingFilings {

    private static final Logger LOG = Logger.getLogger(ExistingFilings.class);

    /**
     * What the registry holds for the order.
     *
     * @param subjectFilingNumber the subject's existing number; {@code null} for types that start from no record
     * @param subjectName         the subject's name as filed
     * @param websiteNumbers      for an access filing, the filed websites it takes over (those of the domains the
     *                            applicant named, served by another provider or by none)
     */
    public record Record(String subjectFilingNumber, String subjectName, List<String> websiteNumbers) {

        static final Record NONE = new Record(null, null, List.of());
    }

    private final NationalSystemsClient national;

    public ExistingFilings(@RestClient NationalSystemsClient national) {
        this.national = national;
    }

    /** Whether an order of this type starts from a registry record of its subject. */
    public static boolean startsFromRegistry(FilingType type) {
        return type == FilingType.ACCESS_FILING || type == FilingType.NEW_WEBSITE_SUBJECT_ELSEWHERE;
    }

    /**
     * The record for {@code subject}'s order of {@code type}: 409 when the registry no longer holds the subject (or,
     * for an access filing, none of the named domains' websites); 503 when it cannot be asked.
     */
    public Uni<Record> of(Subject subject, FilingType type, List<String> domains) {
        if (!startsFromRegistry(type)) {
            return Uni.createFrom().item(Record.NONE);
        }
        return national.subjectByCertificate(subject.certificateType,
                        subject.certificateNumber.toUpperCase(Locale.ROOT))
                .onFailure(e -> e instanceof WebApplicationException w && w.getResponse().getStatus() == 404)
                .transform(e -> ProblemException.localized(ProblemType.CONFLICT, "detail.existing-filing-missing")
                        .with("code", "EXISTING_FILING_MISSING"))
                .onFailure(e -> !(e instanceof ProblemException)).transform(e -> {
                    LOG.warnf("National systems unavailable: %s", e.toString());
                    return ProblemException.localized(ProblemType.SERVICE_UNAVAILABLE, "detail.registry-unavailable");
                })
                .map(filing -> record(filing, type, domains));
    }

    private static Record record(SubjectFiling filing, FilingType type, List<String> domains) {
        if (filing.status() == FilingStatus.DEREGISTERED) {
            throw ProblemException.localized(ProblemType.CONFLICT, "detail.existing-filing-missing")
                    .with("code", "EXISTING_FILING_MISSING");
        }
        if (type != FilingType.ACCESS_FILING) {
            return new Record(filing.subjectFilingNumber(), filing.name(), List.of());
        }
        Set<String> named = (domains == null ? List.<String>of() : domains).stream()
                .map(d -> DomainNames.parse(d).domain().map(ParsedDomain::registrableDomain).orElse(null))
                .filter(Objects::nonNull).collect(Collectors.toSet());
        List<String> numbers = (filing.websites() == null ? List.<WebsiteFiling>of() : filing.websites()).stream()
                .filter(w -> w.status() != FilingStatus.DEREGISTERED && !w.heldHere())
                .filter(w -> w.domains() != null && w.domains().stream()
                        .anyMatch(d -> named.contains(d.toLowerCase(Locale.ROOT))))
                .map(WebsiteFiling::websiteFilingNumber).toList();
        if (numbers.isEmpty()) {
            throw ProblemException.localized(ProblemType.CONFLICT, "detail.existing-filing-no-websites")
                    .with("code", "EXISTING_FILING_NO_WEBSITES");
        }
        return new Record(filing.subjectFilingNumber(), filing.name(), numbers);
    }
}
