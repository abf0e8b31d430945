package cn.beian.website.service;

import cn.beian.contract.events.order.OrderCreated;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderTrigger;
import cn.beian.platform.inbox.EventIds;
import cn.beian.platform.inbox.MalformedEventException;
import cn.beian.platform.json.Json;
import cn.beian.time.BeianClock;
import cn.beian.website.domain.FiledWebsite;
import cn.beian.website.domain.OrderProjection;
import cn.beian.website.domain.Website;
import cn.beian.website.domain.WebsiteContent;
import cn.beian.website.repository.FiledWebsiteRepository;
import cn.beian.website.repository.OrderProjectionRepository;
import cn.beian.website.repository.WebsiteRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies subject-service's order events to the order projection (editability, subject), inside the idempotent
 * consumer's transaction.
 */
@ApplicationScoped
public class OrderProjectionService {

    private final OrderProjectionRepository orders;
    private final WebsiteRepository websites;
    private final FiledWebsiteRepository filed;
    private final WebsitesJudge judge;
    private final RegistryLookup registry;
    private final Json json;
    private final BeianClock clock;

    public OrderProjectionService(OrderProjectionRepository orders, WebsiteRepository websites,
            FiledWebsiteRepository filed, WebsitesJudge judge, RegistryLookup registry, Json json, BeianClock clock) {
        this.registry = registry;
        this.orders = orders;
        this.websites = websites;
        this.filed = filed;
        this.judge = judge;
        this.json = json;
        this.clock = clock;
    }

    /** Whether the transition submits the order to review (and so names the websites version to freeze). */
    public static boolean submitted(OrderTransitioned e) {
        return e.trigger() == OrderTrigger.SUBMIT || e.trigger() == OrderTrigger.RESUBMIT;
    }

    public Uni<Void> created(OrderCreated e) {
        UUID id = EventIds.orderId(e.orderId());
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
            o.changeKind = e.changeKind();
            o.province = e.province();
            o.nature = e.nature();
            o.state = e.state();
            o.createdAt = e.createdAt() == null ? now : e.createdAt();
            o.updatedAt = now;
            return orders.persist(o).chain(() -> o.type == FilingType.ACCESS_FILING
                    ? startFromRegistry(o, e.websiteFilingNumbers())
                    : startFromFiled(o, e.websiteFilingNumbers()));
        });
    }

    /**
     * Change and subject-deregistration orders start from every approved website of the account; cancel-access and
     * deregister-website orders from the ones the applicant picked ({@code picked}, by filing number; an event written
     * before orders named them picks none, and the order then starts from every one, as it did). subject-service may
     * accept a pick before this service has recorded its approval (the two events travel on different partitions): such
     * a number waits on the order and joins it in {@link #filedWebsitesRecorded}.
     */
    private Uni<Void> startFromFiled(OrderProjection o, List<String> picked) {
        if (o.type.decided()) {
            return Uni.createFrom().voidItem();
        }
        return filed.active(o.accountId).chain(all -> websites.ofOrder(o.orderId).chain(present -> {
            List<FiledWebsite> list = picked == null ? all
                    : picked.stream().flatMap(n -> all.stream().filter(f -> n.equals(f.websiteFilingNumber)))
                            .toList();
            List<String> awaited = picked == null ? List.of() : picked.stream()
                    .filter(n -> all.stream().noneMatch(f -> n.equals(f.websiteFilingNumber))).toList();
            o.awaitedFilingNumbers = awaited.isEmpty() ? null : String.join(",", awaited);
            if (list.isEmpty()) {
                return o.type == FilingType.DEREGISTER_SUBJECT ? judge.judge(o, Map.of()).replaceWithVoid()
                        : Uni.createFrom().voidItem();
            }
            OffsetDateTime now = clock.now();
            int position = present.size();
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
        }));
    }

    /**
     * An access filing starts from the websites it takes over as the administration's registry files them (their
     * numbers named by subject-service when the order was opened): each with its number, name and domains, which stay
     * as filed (docs/domain.md §3.2); the applicant adds what the registry does not hold — homepage URLs, service
     * content, languages, the website principal — and the servers here. A registry outage fails the event, which is
     * then tried again.
     */
    private Uni<Void> startFromRegistry(OrderProjection o, List<String> numbers) {
        if (numbers == null || numbers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return registry.filedWebsites(numbers).chain(filings -> websites.ofOrder(o.orderId).chain(present -> {
            OffsetDateTime now = clock.now();
            int position = present.size();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (var f : filings) {
                if (present.stream().anyMatch(p -> f.website().websiteFilingNumber().equals(p.websiteFilingNumber))) {
                    continue;
                }
                Website w = new Website();
                w.id = UUID.randomUUID();
                w.orderId = o.orderId;
                w.accountId = o.accountId;
                w.position = position++;
                w.content = json.write(WebsiteContent.filed(f.website().name(), f.website().domains()));
                w.websiteFilingNumber = f.website().websiteFilingNumber();
                w.version = 1;
                w.createdAt = now;
                w.updatedAt = now;
                chain = chain.chain(() -> websites.persist(w)).replaceWithVoid();
            }
            return chain.chain(() -> judge.judge(o, Map.of())).replaceWithVoid();
        }));
    }

    /**
     * Approved websites of the account were just recorded: each open order of it that waited for one of them (see
     * {@link #startFromFiled}) takes it in; an order no longer open stops waiting.
     */
    public Uni<Void> filedWebsitesRecorded(String accountId) {
        return orders.awaitingFiled(accountId).chain(waiting -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (OrderProjection o : waiting) {
                chain = chain.chain(() -> {
                    List<String> awaited = List.of(o.awaitedFilingNumbers.split(","));
                    if (!o.editable()) {
                        o.awaitedFilingNumbers = null;
                        return orders.persist(o).replaceWithVoid();
                    }
                    return startFromFiled(o, awaited).chain(() -> orders.persist(o)).replaceWithVoid();
                });
            }
            return chain;
        });
    }

    /** The order's new state; answers the order, locked, for what the transition sets off. */
    public Uni<OrderProjection> transitioned(OrderTransitioned e) {
        return orders.lockKnown(EventIds.orderId(e.orderId())).chain(o -> {
            o.state = e.to();
            o.updatedAt = clock.now();
            if (e.trigger() == OrderTrigger.INITIAL_APPROVE) {
                o.initialReviewPassed = true;
            }
            if (submitted(e) && e.websitesVersion() == null) {
                throw new MalformedEventException(e.trigger() + " of order " + e.orderId()
                        + " names no websitesVersion");
            }
            return orders.persist(o);
        });
    }

    public Uni<Void> outlined(OrderSubjectOutlined e) {
        return orders.lockKnown(EventIds.orderId(e.orderId())).chain(o -> {
            if (e.revision() <= o.subjectRevision && o.subject != null) {
                return Uni.createFrom().voidItem();
            }
            o.subject = json.write(e);
            o.subjectRevision = e.revision();
            o.nature = e.nature();
            o.province = e.province();
            o.updatedAt = clock.now();
            // The subject decides registrant matching and name checks: judge the websites again.
            return websites.count("orderId", o.orderId).chain(n -> n > 0 || o.type == FilingType.DEREGISTER_SUBJECT
                    ? judge.judge(o, Map.of()).replaceWithVoid()
                    : orders.persist(o).replaceWithVoid());
        });
    }
}
