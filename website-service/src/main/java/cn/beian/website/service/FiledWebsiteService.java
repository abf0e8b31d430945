package cn.beian.website.service;

import cn.beian.contract.domain.SubjectNature;
import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.events.website.PoliceNumberRecorded;
import cn.beian.contract.order.FilingType;
import cn.beian.platform.inbox.EventIds;
import cn.beian.platform.json.Json;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.rest.Cursor;
import cn.beian.platform.rest.ETags;
import cn.beian.platform.rest.KeysetQuery;
import cn.beian.time.BeianClock;
import cn.beian.validators.domain.DomainNames;
import cn.beian.website.domain.FiledWebsite;
import cn.beian.website.domain.OrderProjection;
import cn.beian.website.domain.Website;
import cn.beian.website.domain.WebsiteContent;
import cn.beian.website.repository.DomainStore;
import cn.beian.website.domain.ProbeFinding;
import cn.beian.website.repository.FiledWebsiteRepository;
import cn.beian.website.repository.ProbeRepository;
import cn.beian.website.repository.OrderProjectionRepository;
import cn.beian.website.repository.WebsiteRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The registry of approved (filed) websites: kept from the authority's outcomes; the account's list and the police
 * filing number. (The public query over it is {@link PublicFilingService}.)
 */
@ApplicationScoped
public class FiledWebsiteService {

    private final FiledWebsiteRepository filed;
    private final OrderProjectionRepository orders;
    private final WebsiteRepository websites;
    private final DomainStore domains;
    private final OutboxWriter outbox;
    private final Json json;
    private final BeianClock clock;
    private final OrderProjectionService projections;
    private final WebsiteProbeService probes;
    private final ProbeRepository probeFindings;

    public FiledWebsiteService(FiledWebsiteRepository filed, OrderProjectionRepository orders,
            WebsiteRepository websites, DomainStore domains, OutboxWriter outbox, Json json, BeianClock clock,
            WebsiteProbeService probes, ProbeRepository probeFindings, OrderProjectionService projections) {
        this.projections = projections;
        this.probes = probes;
        this.probeFindings = probeFindings;
        this.filed = filed;
        this.orders = orders;
        this.websites = websites;
        this.domains = domains;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The authority's outcome, in the consumer's transaction: a filing records the websites' numbers (new filed
     * websites, or changed ones); a cancellation or deregistration closes what it names.
     */
    public Uni<Void> approved(AuthorityApproved e) {
        return orders.lockKnown(EventIds.orderId(e.orderId())).chain(o -> websites.ofOrder(o.orderId).chain(list -> {
            if (o.type == FilingType.DEREGISTER_SUBJECT) {
                return filed.ofAccount(o.accountId).chain(all -> {
                    all.forEach(f -> close(f, FiledWebsite.Status.DEREGISTERED));
                    return filed.persist(all).replaceWithVoid();
                });
            }
            OrderSubjectOutlined subject = json.read(o.subject, OrderSubjectOutlined.class);
            Map<String, Website> byId = new LinkedHashMap<>();
            list.forEach(w -> byId.put(w.id.toString(), w));
            OffsetDateTime at = e.approvedAt() == null ? clock.now() : e.approvedAt();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (AuthorityApproved.WebsiteNumber n : e.websites() == null ? List.<AuthorityApproved.WebsiteNumber>of()
                    : e.websites()) {
                Website w = n.websiteId() == null ? null : byId.get(n.websiteId());
                chain = chain.chain(() -> record(o, subject, e.subjectFilingNumber(), n, w, at));
            }
            if (closes(o.type)) {
                // the websites the order names, whether or not the outcome listed them
                for (Website w : list) {
                    if (w.filedWebsiteId != null) {
                        chain = chain.chain(() -> filed.findById(w.filedWebsiteId).chain(f -> close(o, f)));
                    }
                }
            }
            // a removing order opened before these websites were recorded here picks them up now
            return chain.chain(() -> projections.filedWebsitesRecorded(o.accountId));
        }));
    }

    private Uni<Void> record(OrderProjection o, OrderSubjectOutlined subject, String subjectNumber,
            AuthorityApproved.WebsiteNumber n, Website w, OffsetDateTime at) {
        Uni<FiledWebsite> existing = w != null && w.filedWebsiteId != null ? filed.findById(w.filedWebsiteId)
                : filed.byNumber(n.websiteFilingNumber());
        return existing.chain(f -> {
            if (closes(o.type)) {
                return close(o, f);
            }
            boolean fresh = f == null;
            FiledWebsite x = fresh ? new FiledWebsite() : f;
            if (fresh) {
                x.id = w != null ? w.id : UUID.randomUUID();
                x.version = 0;
            }
            WebsiteContent content = w != null ? json.read(w.content, WebsiteContent.class)
                    : new WebsiteContent(n.name(), n.domains(), List.of(), null, List.of(), List.of(), null, true,
                            null, List.of(), List.of(), List.of());
            x.accountId = o.accountId;
            x.orderId = o.orderId;
            x.subjectName = subject != null ? subject.name() : "";
            x.subjectNature = o.nature != null ? o.nature : SubjectNature.PERSON;
            x.subjectFilingNumber = subjectNumber;
            x.websiteFilingNumber = n.websiteFilingNumber();
            x.name = content.name() != null ? content.name() : n.name();
            x.content = json.write(content);
            x.status = FiledWebsite.Status.ACTIVE;
            x.approvedAt = at;
            x.version++;
            Map<String, String> ds = new LinkedHashMap<>();
            for (String d : content.domains()) {
                DomainNames.parse(d).domain().ifPresent(p -> ds.put(p.ascii(), p.registrableDomain()));
            }
            if (w != null) {
                w.websiteFilingNumber = n.websiteFilingNumber();
                w.filedWebsiteId = x.id;
            }
            return filed.persist(x).chain(filed::flush).chain(() -> domains.replaceFiledDomains(x.id, ds))
                    .chain(() -> probes.scheduleFirst(x.id, at))
                    .chain(() -> w == null ? Uni.createFrom().voidItem() : websites.persist(w).replaceWithVoid());
        });
    }

    /** Orders whose approval closes filed websites rather than recording them. */
    private static boolean closes(FilingType type) {
        return type == FilingType.CANCEL_ACCESS || type == FilingType.DEREGISTER_WEBSITE;
    }

    /** Closes a filed website (if there is one) as a cancellation or deregistration order {@code o} says. */
    private Uni<Void> close(OrderProjection o, FiledWebsite f) {
        if (f == null) {
            return Uni.createFrom().voidItem();
        }
        close(f, o.type == FilingType.CANCEL_ACCESS ? FiledWebsite.Status.ACCESS_CANCELLED
                : FiledWebsite.Status.DEREGISTERED);
        return filed.persist(f).replaceWithVoid();
    }

    private static void close(FiledWebsite f, FiledWebsite.Status status) {
        f.status = status;
        f.version++;
    }

    /** A filed website with the open findings of its probes. */
    public record Listed(FiledWebsite website, List<ProbeFinding> findings) {
    }

    /**
     * An account's filed websites, in the order they were approved, a page ({@code limit} rows) after a cursor, each
     * with its open probe findings.
     */
    @WithSession
    public Uni<List<Listed>> page(String accountId, Cursor after, int limit) {
        KeysetQuery k = new KeysetQuery("approvedAt").where("accountId", accountId).after(after);
        return filed.find(k.query(), k.parameters()).range(0, limit - 1).list()
                .chain(rows -> probeFindings.openOf(rows.stream().map(f -> f.id).toList())
                        .map(open -> rows.stream().map(f -> new Listed(f, open.stream()
                                .filter(o -> o.filedWebsiteId.equals(f.id)).toList())).toList()));
    }

    @WithTransaction
    public Uni<FiledWebsite> recordPoliceNumber(String accountId, UUID id, String ifMatch, String number) {
        return filed.findById(id).chain(f -> {
            if (f == null || !f.accountId.equals(accountId)) {
                throw ProblemException.notFound("Filed website");
            }
            ETags.requireMatch(ifMatch, f.version);
            if (f.status != FiledWebsite.Status.ACTIVE) {
                throw ProblemException.localized(cn.beian.platform.problem.ProblemType.CONFLICT,
                        "detail.police-number-needs-active-website").with("currentState", f.status.name());
            }
            OffsetDateTime now = clock.now();
            f.policeFilingNumber = number;
            f.policeRecordedAt = now;
            f.version++;
            return filed.persist(f).chain(() -> outbox.append(new PoliceNumberRecorded(f.id.toString(),
                    f.orderId.toString(), f.accountId, f.websiteFilingNumber, number, now))).replaceWith(f);
        });
    }
}
