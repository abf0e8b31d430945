package cn.beian.website.service;

import cn.beian.contract.events.website.PoliceNumberRecorded;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.rest.ETags;
import cn.beian.time.BeianClock;
import cn.beian.validators.domain.DomainNames;
import cn.beian.validators.domain.ParsedDomain;
import cn.beian.website.domain.FiledWebsite;
import cn.beian.website.repository.DomainStore;
import cn.beian.website.repository.FiledWebsiteRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Approved websites: the account's list, the police filing number, the public filing query. */
@ApplicationScoped
public class FiledWebsiteService {

    private final FiledWebsiteRepository filed;
    private final DomainStore domains;
    private final OutboxWriter outbox;
    private final BeianClock clock;

    public FiledWebsiteService(FiledWebsiteRepository filed, DomainStore domains, OutboxWriter outbox,
            BeianClock clock) {
        this.filed = filed;
        this.domains = domains;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<FiledWebsite>> ofAccount(String accountId) {
        return filed.ofAccount(accountId);
    }

    @WithTransaction
    public Uni<FiledWebsite> recordPoliceNumber(String accountId, UUID id, String ifMatch, String number) {
        return filed.findById(id).chain(f -> {
            if (f == null || !f.accountId.equals(accountId)) {
                throw ProblemException.notFound("Filed website");
            }
            ETags.requireMatch(ifMatch, f.version);
            if (f.status != FiledWebsite.Status.ACTIVE) {
                throw new ProblemException(cn.beian.platform.problem.ProblemType.CONFLICT,
                        "Only a website served here records a police filing number").with("currentState",
                        f.status.name());
            }
            OffsetDateTime now = clock.now();
            f.policeFilingNumber = number;
            f.policeRecordedAt = now;
            f.version++;
            return filed.persist(f).chain(() -> outbox.append(new PoliceNumberRecorded(f.id.toString(),
                    f.orderId.toString(), f.accountId, f.websiteFilingNumber, number, now))).replaceWith(f);
        });
    }

    /** Public query by domain (the domain or any parent filed) or by subject / website filing number. */
    @WithSession
    public Uni<List<FiledWebsite>> publicQuery(String domain, String number) {
        if (number != null) {
            String n = number.strip();
            return filed.list("(websiteFilingNumber = ?1 or subjectFilingNumber = ?1) and status <> ?2 "
                    + "order by websiteFilingNumber", n, FiledWebsite.Status.DEREGISTERED);
        }
        ParsedDomain d = DomainNames.parse(domain).orElseThrow();
        return domains.filedWebsitesWith(d.registrableDomain()).chain(ids -> ids.isEmpty()
                ? Uni.createFrom().item(List.<FiledWebsite>of())
                : filed.list("id in ?1 and status <> ?2 order by websiteFilingNumber", ids,
                        FiledWebsite.Status.DEREGISTERED));
    }

    @WithSession
    public Uni<FiledWebsite> byNumber(String websiteFilingNumber) {
        return filed.byNumber(websiteFilingNumber);
    }
}
