package cn.beian.website.service;

import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.validators.domain.DomainNames;
import cn.beian.validators.domain.ParsedDomain;
import cn.beian.website.domain.FiledWebsite;
import cn.beian.website.repository.DomainStore;
import cn.beian.website.repository.FiledWebsiteRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The anonymous public filing query and the footer's lookup, each answered only within the client address's rate
 * ({@link RateLimiter}; a 429 problem that says when to come back, before anything else is looked at).
 */
@ApplicationScoped
public class PublicFilingService {

    /** No website or subject filing number is longer. */
    private static final int MAX_NUMBER = 40;

    private final FiledWebsiteRepository filed;
    private final DomainStore domains;
    private final RateLimiter limiter;

    public PublicFilingService(FiledWebsiteRepository filed, DomainStore domains, RateLimiter limiter) {
        this.filed = filed;
        this.domains = domains;
        this.limiter = limiter;
    }

    /**
     * Filings by domain (the domain or any parent filed) or by subject / website filing number: exactly one of the
     * two. Deregistered websites are not shown.
     */
    @WithSession
    public Uni<List<FiledWebsite>> query(String client, String domain, String number) {
        limit(client);
        boolean hasDomain = domain != null && !domain.isBlank();
        boolean hasNumber = number != null && !number.isBlank();
        if (hasDomain == hasNumber) {
            throw ProblemException.localized(ProblemType.VALIDATION_FAILED, "detail.domain-or-number",
                    List.of(FieldViolation.of(hasDomain ? "number" : "domain", "ONE_OF_DOMAIN_OR_NUMBER",
                            "field.domain-or-number")));
        }
        if (hasNumber) {
            if (number.length() > MAX_NUMBER) {
                throw ProblemException.invalidFields(List.of(FieldViolation.of("number", "FILING_NUMBER_INVALID",
                        "field.filing-number-invalid")));
            }
            return filed.list("(websiteFilingNumber = ?1 or subjectFilingNumber = ?1) and status <> ?2 "
                    + "order by websiteFilingNumber", number.strip(), FiledWebsite.Status.DEREGISTERED);
        }
        var parsed = DomainNames.parse(domain);
        if (!parsed.isValid()) {
            var p = parsed.problem().orElseThrow();
            throw ProblemException.invalidFields(
                    List.of(FieldViolation.of("domain", p.code(), p.key(), p.args().toArray())));
        }
        ParsedDomain d = parsed.orElseThrow();
        return domains.filedWebsitesWith(d.registrableDomain()).chain(ids -> ids.isEmpty()
                ? Uni.createFrom().item(List.<FiledWebsite>of())
                : filed.list("id in ?1 and status <> ?2 order by websiteFilingNumber", ids,
                        FiledWebsite.Status.DEREGISTERED));
    }

    /** The approved website served here with this number, for its footer; 404 when there is none. */
    @WithSession
    public Uni<FiledWebsite> footer(String client, String websiteFilingNumber) {
        limit(client);
        return filed.byNumber(websiteFilingNumber).map(f -> {
            if (f == null || f.status != FiledWebsite.Status.ACTIVE) {
                throw ProblemException.notFound("Filing");
            }
            return f;
        });
    }

    private void limit(String client) {
        long wait = limiter.acquire(client, System.nanoTime());
        if (wait > 0) {
            throw ProblemException.localized(ProblemType.TOO_MANY_REQUESTS, "detail.too-many-queries", client,
                    String.valueOf(wait))
                    .with("retryAfterSeconds", wait);
        }
    }
}
