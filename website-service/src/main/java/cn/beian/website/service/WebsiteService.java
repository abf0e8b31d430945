package cn.beian.website.service;

import cn.beian.contract.order.FilingType;
import cn.beian.platform.json.Json;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.platform.rest.ETags;
import cn.beian.time.BeianClock;
import cn.beian.website.domain.OrderProjection;
import cn.beian.website.domain.Website;
import cn.beian.website.domain.WebsiteContent;
import cn.beian.website.domain.WebsitesVersion;
import cn.beian.website.repository.OrderProjectionRepository;
import cn.beian.website.repository.WebsiteRepository;
import cn.beian.website.repository.WebsitesVersionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The websites of an order: add, edit, remove, copy shared fields, each only while the order is editable (docs/domain.md
 * §3.2), each judged and versioned by {@link WebsitesJudge} in the same transaction. The registry is asked before
 * that transaction opens (a slow registry never holds the order's lock).
 */
@ApplicationScoped
public class WebsiteService {

    /** An order's websites at one version, with the findings judged on it. */
    public record OrderWebsites(OrderProjection order, List<Website> websites, WebsitesVersion judged) {
    }

    private final OrderProjectionRepository orders;
    private final WebsiteRepository websites;
    private final WebsitesVersionRepository versions;
    private final WebsitesJudge judge;
    private final RegistryLookup registry;
    private final Hosting hosting;
    private final Json json;
    private final BeianClock clock;

    public WebsiteService(OrderProjectionRepository orders, WebsiteRepository websites,
            WebsitesVersionRepository versions, WebsitesJudge judge, RegistryLookup registry, Hosting hosting,
            Json json, BeianClock clock) {
        this.orders = orders;
        this.websites = websites;
        this.versions = versions;
        this.judge = judge;
        this.registry = registry;
        this.hosting = hosting;
        this.json = json;
        this.clock = clock;
    }

    @WithSession
    public Uni<OrderWebsites> view(String accountId, boolean staff, UUID orderId) {
        return owned(accountId, staff, orderId).chain(o -> websites.ofOrder(orderId)
                .chain(list -> versions.find(orderId, o.websitesVersion)
                        .map(v -> new OrderWebsites(o, list, v))));
    }

    @WithSession
    public Uni<Website> one(String accountId, boolean staff, UUID orderId, UUID websiteId) {
        return owned(accountId, staff, orderId).chain(o -> websites.findById(websiteId))
                .map(w -> {
                    if (w == null || !w.orderId.equals(orderId)) {
                        throw ProblemException.notFound("Website");
                    }
                    return w;
                });
    }

    /** Adds a website (its fields normalised and validated first) to the caller's editable order. */
    public Uni<Website> add(String accountId, UUID orderId, WebsiteContent body) {
        WebsiteContent content = valid(body);
        return facts(accountId, orderId, List.of(content))
                .chain(facts -> Panache.withTransaction(() -> add(accountId, orderId, content, facts)));
    }

    private Uni<Website> add(String accountId, UUID orderId, WebsiteContent content, Map<String, RegistryFacts> facts) {
        return editable(accountId, orderId).invoke(WebsiteService::requireOwnWebsites)
                .chain(o -> websites.ofOrder(orderId).chain(list -> {
            if (list.size() >= WebsiteInput.MAX_WEBSITES) {
                String max = String.valueOf(WebsiteInput.MAX_WEBSITES);
                throw ProblemException.localized(ProblemType.VALIDATION_FAILED, "detail.order-websites-too-many",
                        List.of(FieldViolation.of("websites[" + list.size() + "]", "TOO_MANY_WEBSITES",
                                "field.order-websites-too-many", max)), max);
            }
            return hosting.settle(accountId, orderId, content, positioned(list, null), "").chain(hosted -> {
                OffsetDateTime now = clock.now();
                Website w = new Website();
                w.id = UUID.randomUUID();
                w.orderId = orderId;
                w.accountId = accountId;
                w.position = list.stream().mapToInt(x -> x.position + 1).max().orElse(0);
                w.content = json.write(hosted);
                w.version = 1;
                w.createdAt = now;
                w.updatedAt = now;
                return websites.persist(w).chain(() -> judge.judge(o, facts)).replaceWith(w);
            });
        }));
    }

    /** Replaces a website's fields ({@code ifMatch} its version). */
    public Uni<Website> replace(String accountId, UUID orderId, UUID websiteId, String ifMatch, WebsiteContent body) {
        WebsiteContent content = valid(body);
        return facts(accountId, orderId, List.of(content)).chain(facts -> Panache.withTransaction(
                () -> replace(accountId, orderId, websiteId, ifMatch, content, facts)));
    }

    private Uni<Website> replace(String accountId, UUID orderId, UUID websiteId, String ifMatch,
            WebsiteContent content, Map<String, RegistryFacts> facts) {
        return editable(accountId, orderId).chain(o -> websites.ofOrder(orderId).chain(list -> {
            Website w = list.stream().filter(x -> x.id.equals(websiteId)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("Website"));
            ETags.requireMatch(ifMatch, w.version);
            WebsiteContent current = json.read(w.content, WebsiteContent.class);
            if (o.type == FilingType.ACCESS_FILING) {
                requireFiledData(o, w, current, content);
            }
            WebsiteChanges.requireWithinKind(o, w.position, current, content);
            return hosting.settle(accountId, orderId, content, positioned(list, w), "").chain(hosted -> {
                w.content = json.write(hosted);
                w.version++;
                w.updatedAt = clock.now();
                return websites.persist(w).chain(() -> judge.judge(o, facts)).replaceWith(w);
            });
        }));
    }

    @WithTransaction
    public Uni<Void> remove(String accountId, UUID orderId, UUID websiteId, String ifMatch) {
        return editable(accountId, orderId).invoke(WebsiteService::requireOwnWebsites)
                .chain(o -> websites.ofOrder(orderId).chain(list -> {
            Website w = list.stream().filter(x -> x.id.equals(websiteId)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("Website"));
            ETags.requireMatch(ifMatch, w.version);
            // The codes only this website named are freed.
            return hosting.settle(accountId, orderId, null, positioned(list, w), "")
                    .chain(() -> websites.delete(w)).chain(websites::flush).chain(() -> judge.judge(o, Map.of()));
        })).replaceWithVoid();
    }

    /**
     * Copies the shared fields (service content, pre-approvals, languages, remarks, principal, servers and codes) of
     * one website to every other website of the order, in one change. {@code ifMatch} is the order's websites
     * version (the collection's ETag).
     */
    @WithTransaction
    public Uni<List<Website>> copyShared(String accountId, UUID orderId, UUID sourceId, String ifMatch) {
        return editable(accountId, orderId).chain(o -> {
            ETags.requireMatch(ifMatch, o.websitesVersion);
            return websites.ofOrder(orderId).chain(list -> {
                Website source = list.stream().filter(w -> w.id.equals(sourceId)).findFirst()
                        .orElseThrow(() -> ProblemException.notFound("Website"));
                WebsiteContent from = json.read(source.content, WebsiteContent.class);
                for (Website w : list) {
                    if (w != source) {
                        WebsiteContent current = json.read(w.content, WebsiteContent.class);
                        WebsiteChanges.requireWithinKind(o, w.position, current, current.withSharedFrom(from));
                    }
                }
                // Every website now names the source's codes and no other: the codes only the others named are freed.
                return hosting.settle(accountId, orderId, from, List.of(), "websites[" + source.position + "].")
                        .chain(hosted -> {
                            OffsetDateTime now = clock.now();
                            for (Website w : list) {
                                WebsiteContent current = json.read(w.content, WebsiteContent.class);
                                w.content = json.write(w == source ? hosted : current.withSharedFrom(hosted));
                                w.version += w == source ? 0 : 1;
                                w.updatedAt = now;
                            }
                            return websites.persist(list).chain(() -> judge.judge(o, Map.of())).replaceWith(list);
                        });
            });
        });
    }

    /** The order's stored websites but {@code except}, each with its position. */
    private List<Hosting.Positioned> positioned(List<Website> list, Website except) {
        return list.stream().filter(w -> w != except)
                .map(w -> new Hosting.Positioned(w.position, json.read(w.content, WebsiteContent.class))).toList();
    }

    /** Judges the order again with fresh registry answers (the applicant fixed something at the registrar). */
    public Uni<WebsitesVersion> recheck(String accountId, UUID orderId) {
        return Panache.withSession(() -> owned(accountId, false, orderId).chain(o -> contentsOf(orderId)))
                .chain(contents -> registry.lookup(WebsitesJudge.registrableDomains(contents)))
                .chain(facts -> Panache.withTransaction(
                        () -> editable(accountId, orderId).chain(o -> judge.judge(o, facts))));
    }

    @WithSession
    public Uni<List<WebsiteContent>> contents(UUID orderId) {
        return contentsOf(orderId);
    }

    private Uni<List<WebsiteContent>> contentsOf(UUID orderId) {
        return websites.ofOrder(orderId)
                .map(list -> list.stream().map(w -> json.read(w.content, WebsiteContent.class)).toList());
    }

    /** The registry's answers for these websites' domains, once the order is known to be the caller's (404 first). */
    private Uni<Map<String, RegistryFacts>> facts(String accountId, UUID orderId, List<WebsiteContent> contents) {
        return Panache.withSession(() -> owned(accountId, false, orderId))
                .chain(o -> registry.lookup(WebsitesJudge.registrableDomains(contents)));
    }

    private WebsiteContent valid(WebsiteContent body) {
        List<FieldViolation> errors = new ArrayList<>();
        WebsiteContent content = WebsiteInput.normalise(body, "", LocalDate.now(clock), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return content;
    }

    private Uni<OrderProjection> owned(String accountId, boolean staff, UUID orderId) {
        return orders.findById(orderId).map(o -> {
            if (o == null || (!staff && !o.accountId.equals(accountId))) {
                throw ProblemException.notFound("Order");
            }
            return o;
        });
    }

    /** The order, locked for this transaction (see {@link OrderProjectionRepository#lock}), if it may be edited. */
    private Uni<OrderProjection> editable(String accountId, UUID orderId) {
        return orders.lock(orderId).map(o -> {
            if (o == null || !o.accountId.equals(accountId)) {
                throw ProblemException.notFound("Order");
            }
            if (!o.editable()) {
                throw ProblemException.localized(ProblemType.CONFLICT, "detail.order-not-editable", o.state.name())
                        .with("currentState", o.state.name())
                        .with("allowedActions", List.of());
            }
            if (o.removesOnly()) {
                // The applicant picked these websites when opening the order; they are the approved records as filed.
                throw ProblemException.localized(ProblemType.CONFLICT, "detail.order-websites-fixed", o.type.name())
                        .with("code", "ORDER_WEBSITES_FIXED").with("type", o.type.name());
            }
            return o;
        });
    }

    /**
     * An access filing's websites are the filed ones it takes over, named when the order was opened, and a change
     * order's the approved ones it was opened with: none is added or removed here (docs/domain.md §3.2, §3.4).
     */
    private static void requireOwnWebsites(OrderProjection o) {
        WebsiteChanges.requireSameWebsites(o);
        if (o.type == FilingType.ACCESS_FILING) {
            throw fromExistingFiling(o, List.of(FieldViolation.of("websites", "DATA_FROM_EXISTING_FILING",
                    "field.data-from-existing-filing")));
        }
    }

    /**
     * An access filing keeps each website's number, name and domains as filed; the applicant edits only what it adds
     * (homepage URLs, content, languages, remarks, principal, servers). 409 naming each filed field that differs.
     */
    private static void requireFiledData(OrderProjection o, Website w, WebsiteContent filed, WebsiteContent sent) {
        if (w.websiteFilingNumber == null) {
            return;
        }
        String at = "websites[" + w.position + "]";
        List<FieldViolation> errors = new ArrayList<>();
        if (!Objects.equals(filed.name(), sent.name())) {
            errors.add(FieldViolation.of(at + ".name", "DATA_FROM_EXISTING_FILING", "field.data-from-existing-filing"));
        }
        if (!filed.domains().equals(sent.domains())) {
            errors.add(FieldViolation.of(at + ".domains", "DATA_FROM_EXISTING_FILING",
                    "field.data-from-existing-filing"));
        }
        if (!errors.isEmpty()) {
            throw fromExistingFiling(o, errors);
        }
    }

    private static ProblemException fromExistingFiling(OrderProjection o, List<FieldViolation> errors) {
        return ProblemException.localized(ProblemType.CONFLICT, "detail.data-from-existing-filing", errors,
                o.orderId.toString()).with("code", "DATA_FROM_EXISTING_FILING");
    }
}
