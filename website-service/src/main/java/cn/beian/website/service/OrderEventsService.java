package cn.beian.website.service;

import cn.beian.platform.json.Json;
import cn.beian.contract.events.EventType;
import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.events.order.OrderCreated;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.contract.events.snapshot.WebsitesSnapshotFrozen;
import cn.beian.contract.findings.Finding;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderTrigger;
import cn.beian.platform.inbox.InboxHandler;
import cn.beian.platform.inbox.IncomingEvent;
import cn.beian.platform.inbox.MalformedEventException;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.time.BeianClock;
import cn.beian.validators.domain.DomainNames;
import cn.beian.website.domain.FiledWebsite;
import cn.beian.website.domain.OrderProjection;
import cn.beian.website.domain.Website;
import cn.beian.website.domain.WebsiteContent;
import cn.beian.website.repository.AccessJournal;
import cn.beian.website.repository.DomainStore;
import cn.beian.website.repository.FiledWebsiteRepository;
import cn.beian.website.repository.OrderProjectionRepository;
import cn.beian.website.repository.WebsiteRepository;
import cn.beian.website.repository.WebsitesVersionRepository;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies subject-service's order events (the order projection: editability, subject) and the authority's outcome
 * (website numbers), inside the idempotent consumer's transaction. On SUBMIT/RESUBMIT freezes exactly the named
 * version of the order's websites and publishes it.
 */
@ApplicationScoped
public class OrderEventsService implements InboxHandler {

    private static final TypeReference<List<WebsitesSnapshotFrozen.Website>> SNAPSHOT = new TypeReference<>() {
    };
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };

    private final OrderProjectionRepository orders;
    private final WebsiteRepository websites;
    private final WebsitesVersionRepository versions;
    private final FiledWebsiteRepository filed;
    private final DomainStore domains;
    private final WebsitesJudge judge;
    private final OutboxWriter outbox;
    private final AccessJournal journal;
    private final Json json;
    private final BeianClock clock;

    public OrderEventsService(OrderProjectionRepository orders, WebsiteRepository websites,
            WebsitesVersionRepository versions, FiledWebsiteRepository filed, DomainStore domains,
            WebsitesJudge judge, OutboxWriter outbox, AccessJournal journal, Json json, BeianClock clock) {
        this.journal = journal;
        this.orders = orders;
        this.websites = websites;
        this.versions = versions;
        this.filed = filed;
        this.domains = domains;
        this.judge = judge;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Uni<Void> apply(IncomingEvent event) {
        EventType type = event.eventType().orElse(null);
        if (type == null) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> journaled = AccessPolicy.FACTS.contains(type) ? journal.record(event) : Uni.createFrom().voidItem();
        return journaled.chain(() -> switch (type) {
            case ORDER_CREATED -> created(event.data(OrderCreated.class));
            case ORDER_TRANSITIONED -> transitioned(event.data(OrderTransitioned.class));
            case ORDER_SUBJECT_OUTLINED -> outlined(event.data(OrderSubjectOutlined.class));
            case AUTHORITY_APPROVED -> approved(event.data(AuthorityApproved.class));
            // This service's own website.order-websites-changed comes back only to be journaled.
            default -> Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> created(OrderCreated e) {
        UUID id = uuid(e.orderId());
        return orders.findById(id).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            OffsetDateTime now = clock.now();
            OrderProjection o = new OrderProjection();
            o.orderId = id;
            o.accountId = e.accountId();
            o.subjectId = e.subjectId();
            o.type = e.type();
            o.province = e.province();
            o.nature = e.nature();
            o.state = e.state();
            o.createdAt = e.createdAt() == null ? now : e.createdAt();
            o.updatedAt = now;
            return orders.persist(o).chain(() -> startFromFiled(o));
        });
    }

    /** Change, cancel-access and deregistration orders start from the account's approved websites. */
    private Uni<Void> startFromFiled(OrderProjection o) {
        if (o.type.decided()) {
            return Uni.createFrom().voidItem();
        }
        return filed.active(o.accountId).chain(list -> {
            if (list.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            OffsetDateTime now = clock.now();
            int position = 0;
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (FiledWebsite f : list) {
                Website w = new Website();
                w.id = UUID.randomUUID();
                w.orderId = o.orderId;
                w.accountId = o.accountId;
                w.position = position++;
                w.content = f.content;
                w.filedWebsiteId = f.id;
                w.websiteFilingNumber = f.websiteFilingNumber;
                w.version = 1;
                w.createdAt = now;
                w.updatedAt = now;
                chain = chain.chain(() -> websites.persist(w)).replaceWithVoid();
            }
            return chain.chain(() -> judge.judge(o, Map.of())).replaceWithVoid();
        });
    }

    private Uni<Void> transitioned(OrderTransitioned e) {
        return order(e.orderId()).chain(o -> {
            o.state = e.to();
            o.updatedAt = clock.now();
            if (e.trigger() == OrderTrigger.INITIAL_APPROVE) {
                o.initialReviewPassed = true;
            }
            boolean submitted = e.trigger() == OrderTrigger.SUBMIT || e.trigger() == OrderTrigger.RESUBMIT;
            if (submitted && e.websitesVersion() == null) {
                throw new MalformedEventException(e.trigger() + " of order " + e.orderId()
                        + " names no websitesVersion");
            }
            Uni<Void> next = submitted ? freeze(o, e.websitesVersion())
                    // The numbers travel with the approval too: shown as soon as the order is seen approved, whichever
                    // of the two topics arrives first (recording them twice changes nothing).
                    : e.approval() != null ? approved(e.approval())
                    : Uni.createFrom().voidItem();
            return orders.persist(o).chain(() -> next);
        });
    }

    private Uni<Void> freeze(OrderProjection o, long version) {
        return versions.find(o.orderId, version).chain(v -> {
            if (v == null) {
                throw new MalformedEventException("order " + o.orderId + " has no websites version " + version);
            }
            OffsetDateTime now = clock.now();
            if (v.frozenAt == null) {
                v.frozenAt = now;
            }
            o.frozenVersion = version;
            var payload = new WebsitesSnapshotFrozen(o.orderId.toString(), version, json.read(v.websites, SNAPSHOT),
                    json.read(v.findings, FINDINGS), now);
            return versions.persist(v).chain(() -> outbox.append(payload)).replaceWithVoid();
        });
    }

    private Uni<Void> outlined(OrderSubjectOutlined e) {
        return order(e.orderId()).chain(o -> {
            if (e.revision() <= o.subjectRevision && o.subject != null) {
                return Uni.createFrom().voidItem();
            }
            o.subject = json.write(e);
            o.subjectRevision = e.revision();
            o.nature = e.nature();
            o.province = e.province();
            o.updatedAt = clock.now();
            // The subject decides registrant matching and name checks: judge the websites again.
            return websites.count("orderId", o.orderId).chain(n -> n > 0
                    ? judge.judge(o, Map.of()).replaceWithVoid()
                    : orders.persist(o).replaceWithVoid());
        });
    }

    private Uni<Void> approved(AuthorityApproved e) {
        return order(e.orderId()).chain(o -> websites.ofOrder(o.orderId).chain(list -> {
            OrderSubjectOutlined subject = json.read(o.subject, OrderSubjectOutlined.class);
            Map<String, Website> byId = new LinkedHashMap<>();
            list.forEach(w -> byId.put(w.id.toString(), w));
            OffsetDateTime at = e.approvedAt() == null ? clock.now() : e.approvedAt();
            Uni<Void> chain = Uni.createFrom().voidItem();
            if (o.type == FilingType.DEREGISTER_SUBJECT) {
                return filed.ofAccount(o.accountId).chain(all -> {
                    all.forEach(f -> close(f, FiledWebsite.Status.DEREGISTERED));
                    return filed.persist(all).replaceWithVoid();
                });
            }
            for (AuthorityApproved.WebsiteNumber n : e.websites() == null ? List.<AuthorityApproved.WebsiteNumber>of()
                    : e.websites()) {
                Website w = n.websiteId() == null ? null : byId.get(n.websiteId());
                chain = chain.chain(() -> record(o, subject, e.subjectFilingNumber(), n, w, at));
            }
            if (o.type == FilingType.CANCEL_ACCESS || o.type == FilingType.DEREGISTER_WEBSITE) {
                // the websites the order names, whether or not the outcome listed them
                for (Website w : list) {
                    if (w.filedWebsiteId != null) {
                        chain = chain.chain(() -> filed.findById(w.filedWebsiteId).chain(f -> {
                            if (f == null) {
                                return Uni.createFrom().voidItem();
                            }
                            close(f, o.type == FilingType.CANCEL_ACCESS ? FiledWebsite.Status.ACCESS_CANCELLED
                                    : FiledWebsite.Status.DEREGISTERED);
                            return filed.persist(f).replaceWithVoid();
                        }));
                    }
                }
            }
            return chain;
        }));
    }

    private Uni<Void> record(OrderProjection o, OrderSubjectOutlined subject, String subjectNumber,
            AuthorityApproved.WebsiteNumber n, Website w, OffsetDateTime at) {
        Uni<FiledWebsite> existing = w != null && w.filedWebsiteId != null ? filed.findById(w.filedWebsiteId)
                : filed.byNumber(n.websiteFilingNumber());
        return existing.chain(f -> {
            if (o.type == FilingType.CANCEL_ACCESS || o.type == FilingType.DEREGISTER_WEBSITE) {
                if (f != null) {
                    close(f, o.type == FilingType.CANCEL_ACCESS ? FiledWebsite.Status.ACCESS_CANCELLED
                            : FiledWebsite.Status.DEREGISTERED);
                    return filed.persist(f).replaceWithVoid();
                }
                return Uni.createFrom().voidItem();
            }
            boolean fresh = f == null;
            FiledWebsite x = fresh ? new FiledWebsite() : f;
            if (fresh) {
                x.id = w != null ? w.id : UUID.randomUUID();
                x.version = 0;
            }
            WebsiteContent content = w != null ? json.read(w.content, WebsiteContent.class)
                    : new WebsiteContent(n.name(), n.domains(), List.of(), null, List.of(), List.of(), null, true,
                            null, List.of(), List.of());
            x.accountId = o.accountId;
            x.orderId = o.orderId;
            x.subjectName = subject != null ? subject.name() : "";
            x.subjectNature = o.nature != null ? o.nature : cn.beian.contract.domain.SubjectNature.PERSON;
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
                    .chain(() -> w == null ? Uni.createFrom().voidItem() : websites.persist(w).replaceWithVoid());
        });
    }

    private static void close(FiledWebsite f, FiledWebsite.Status status) {
        f.status = status;
        f.version++;
    }

    /** The order, locked for this transaction: REST edits of its websites may run at the same moment. */
    private Uni<OrderProjection> order(String orderId) {
        return orders.lock(uuid(orderId)).map(o -> {
            if (o == null) {
                // Not yet known: subject-service's topic may be read behind review-service's (after a restart or a
                // rebalance). The event is parked and tried again, never dropped.
                throw new IllegalStateException("order " + orderId + " is not known here yet");
            }
            return o;
        });
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("order id " + id + " is not a UUID");
        }
    }
}
