package cn.beian.website.service;

import cn.beian.contract.events.EventType;
import cn.beian.contract.events.authority.AuthorityApproved;
import cn.beian.contract.events.order.OrderCreated;
import cn.beian.contract.events.order.OrderTransitioned;
import cn.beian.contract.events.website.OrderWebsitesChanged;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.order.OrderState;
import cn.beian.contract.order.OrderTrigger;
import cn.beian.time.BeianClock;
import cn.beian.validators.domain.DomainNames;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * "May this host be served here, and why not" (docs/domain.md §4), answered from memory.
 *
 * <p>The memory is a fold of events - orders (subject-service), the domains of each order's websites (this service's
 * own {@code website.order-websites-changed}) and the authority's approvals (review-service) - kept as facts, from
 * which a decision per domain is recomputed whenever a fact about it changes. Facts from different topics may arrive
 * in any order (a replica rebuilding from the topics reads partitions side by side), so every decision depends only
 * on the current facts, and a number's closing (cancel access, deregistration) is compared with its approval by time.
 * A lookup walks the host and its parents ({@code a.b.example.com.cn}, {@code b.example.com.cn}, …): any allowed
 * entry allows (subdomains of a filed domain are covered), otherwise the most specific refusal explains.
 */
@ApplicationScoped
public class AccessPolicy {

    static final String RULE_CLOSED_UNTIL_NUMBER = "X-14";

    /** The events the policy is folded from (and so what {@code AccessJournal} keeps). */
    public static final Set<EventType> FACTS = EnumSet.of(EventType.ORDER_CREATED, EventType.ORDER_TRANSITIONED,
            EventType.ORDER_WEBSITES_CHANGED, EventType.AUTHORITY_APPROVED);

    private record OrderFact(FilingType type, OrderState state, String accountId, boolean initialReviewPassed) {
    }

    private record OrderDomains(long version, Set<String> domains) {
    }

    private static final class NumberFact {
        Set<String> domains = Set.of();
        String accountId;
        String subjectNumber;
        OffsetDateTime activeAt;
        OffsetDateTime closedAt;
        String closedReason;

        boolean live(OffsetDateTime subjectClosedAt) {
            return activeAt != null && (closedAt == null || activeAt.isAfter(closedAt))
                    && (subjectClosedAt == null || activeAt.isAfter(subjectClosedAt));
        }
    }

    private final ObjectMapper mapper;
    private final BeianClock clock;
    private final MeterRegistry meters;
    private final Map<String, Counter> answers = new ConcurrentHashMap<>();
    private final Map<String, AccessDecision> decisions = new ConcurrentHashMap<>();
    /** Per aggregate, the last sequence applied from each producer (indexed by {@link #sources}). */
    private final Map<String, long[]> sequences = new HashMap<>();
    private final Map<String, Integer> sources = new HashMap<>();
    private final Map<String, OrderFact> orders = new HashMap<>();
    private final Map<String, OrderDomains> orderDomains = new HashMap<>();
    /** Approvals that arrived before their order's facts: applied, and dropped, once the order is known. */
    private final Map<String, AuthorityApproved> approvals = new HashMap<>();
    private final Map<String, NumberFact> numbers = new HashMap<>();
    private final Map<String, Set<String>> ordersByDomain = new HashMap<>();
    private final Map<String, Set<String>> numbersByDomain = new HashMap<>();
    /** Deregistered subjects (by account and by subject number): when, so that earlier approvals stay closed. */
    private final Map<String, OffsetDateTime> subjectsClosed = new HashMap<>();
    private final AtomicLong applied = new AtomicLong();

    public AccessPolicy(ObjectMapper mapper, BeianClock clock, MeterRegistry meters) {
        this.meters = meters;
        this.clock = clock;
        this.mapper = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);
    }

    /**
     * The answer for a host as a client sends it (port, case, trailing dot and Unicode are normalised), counted in
     * {@code beian_access_policy_answers_total{decision, reason}} (allowed / refused and the fixed set of reasons).
     */
    public AccessDecision decide(String rawHost) {
        AccessDecision d = answer(rawHost);
        // One counter per reason, looked up once: this path answers tens of thousands of checks a second.
        answers.computeIfAbsent(d.reason(), reason -> Counter.builder("beian.access.policy.answers")
                .tag("decision", d.allowed() ? "allowed" : "refused").tag("reason", reason)
                .description("Access-policy answers by decision and reason").register(meters)).increment();
        return d;
    }

    private AccessDecision answer(String rawHost) {
        String host = DomainNames.hostOrNull(rawHost);
        if (host == null || host.indexOf('.') < 0) {
            return new AccessDecision(rawHost, false, "INVALID_HOST", null, "不是合法的主机名", null, null);
        }
        AccessDecision refusal = null;
        String name = host;
        while (true) {
            AccessDecision d = decisions.get(name);
            if (d != null) {
                if (d.allowed()) {
                    return d.forHost(host);
                }
                if (refusal == null) {
                    refusal = d;
                }
            }
            int dot = name.indexOf('.');
            if (dot < 0) {
                break;
            }
            name = name.substring(dot + 1);
        }
        return refusal != null ? refusal.forHost(host)
                : new AccessDecision(host, false, "NOT_FILED_HERE", RULE_CLOSED_UNTIL_NUMBER,
                        "该域名未在本平台备案，不能在本平台的服务器上提供服务", null, null);
    }

    public long appliedEvents() {
        return applied.get();
    }

    public int entries() {
        return decisions.size();
    }

    /**
     * Applies one event (any topic); replays and events older than one already applied for the same aggregate and
     * producer are ignored. Single writer: the access-events channel.
     */
    public synchronized void apply(String source, String aggregateId, long sequence, String ceType, String data) {
        EventType type = EventType.fromType(ceType).orElse(null);
        if (type == null) {
            return;
        }
        if (sequence > 0 && !advance(source, aggregateId, sequence)) {
            return;
        }
        Set<String> touched = new HashSet<>();
        try {
            switch (type) {
                case ORDER_CREATED -> {
                    OrderCreated e = mapper.readValue(data, OrderCreated.class);
                    orders.putIfAbsent(canonical(e.orderId()),
                            new OrderFact(e.type(), e.state(), canonical(e.accountId()), false));
                    touched.addAll(domainsOf(e.orderId()));
                    reapplyApproval(e.orderId(), touched);
                }
                case ORDER_TRANSITIONED -> {
                    OrderTransitioned e = mapper.readValue(data, OrderTransitioned.class);
                    OrderFact old = orders.get(e.orderId());
                    boolean passed = (old != null && old.initialReviewPassed())
                            || e.trigger() == OrderTrigger.INITIAL_APPROVE;
                    orders.put(canonical(e.orderId()), new OrderFact(e.type(), e.to(), canonical(e.accountId()), passed));
                    touched.addAll(domainsOf(e.orderId()));
                    if (e.approval() != null) {
                        // the numbers travel with the approval too; whichever topic comes first opens the site
                        applyApproval(e.approval(), touched);
                    } else if (old == null) {
                        reapplyApproval(e.orderId(), touched);
                    }
                }
                case ORDER_WEBSITES_CHANGED -> {
                    OrderWebsitesChanged e = mapper.readValue(data, OrderWebsitesChanged.class);
                    OrderDomains old = orderDomains.get(e.orderId());
                    if (old != null && old.version() >= e.version()) {
                        return;
                    }
                    Set<String> now = new HashSet<>();
                    e.websites().forEach(w -> w.domains().forEach(d -> {
                        String h = DomainNames.hostOrNull(d);
                        if (h != null) {
                            now.add(canonical(h));
                        }
                    }));
                    if (old != null) {
                        old.domains().forEach(d -> unindex(ordersByDomain, d, e.orderId()));
                        touched.addAll(old.domains());
                    }
                    String orderId = canonical(e.orderId());
                    now.forEach(d -> index(ordersByDomain, d, orderId));
                    orderDomains.put(orderId, new OrderDomains(e.version(), Set.copyOf(now)));
                    touched.addAll(now);
                }
                case AUTHORITY_APPROVED -> {
                    applyApproval(mapper.readValue(data, AuthorityApproved.class), touched);
                }
                default -> {
                    return;
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("undecodable " + ceType + ": " + e.getMessage(), e);
        }
        applied.incrementAndGet();
        touched.forEach(this::recompute);
    }

    private void reapplyApproval(String orderId, Set<String> touched) {
        AuthorityApproved a = approvals.remove(orderId);
        if (a != null) {
            applyApproval(a, touched);
        }
    }

    private void applyApproval(AuthorityApproved e, Set<String> touched) {
        OrderFact order = orders.get(e.orderId());
        if (order == null) {
            approvals.put(canonical(e.orderId()), e); // applied when the order's facts arrive
            return;
        }
        OffsetDateTime at = e.approvedAt() == null ? clock.now() : e.approvedAt();
        List<AuthorityApproved.WebsiteNumber> sites = e.websites() == null ? List.of() : e.websites();
        switch (order.type()) {
            case CANCEL_ACCESS, DEREGISTER_WEBSITE -> {
                String reason = order.type() == FilingType.CANCEL_ACCESS ? "ACCESS_CANCELLED" : "DEREGISTERED";
                Set<String> orderDomainSet = domainsOf(e.orderId());
                for (AuthorityApproved.WebsiteNumber n : sites) {
                    close(n.websiteFilingNumber(), at, reason, touched);
                }
                for (var entry : numbers.entrySet()) {
                    if (entry.getValue().domains.stream().anyMatch(orderDomainSet::contains)) {
                        close(entry.getKey(), at, reason, touched);
                    }
                }
            }
            case DEREGISTER_SUBJECT -> {
                subjectsClosed.merge("account:" + order.accountId(), at, (a, b) -> a.isAfter(b) ? a : b);
                if (e.subjectFilingNumber() != null) {
                    subjectsClosed.merge("number:" + e.subjectFilingNumber(), at, (a, b) -> a.isAfter(b) ? a : b);
                }
                for (NumberFact f : numbers.values()) {
                    if (order.accountId().equals(f.accountId)
                            || (e.subjectFilingNumber() != null && e.subjectFilingNumber().equals(f.subjectNumber))) {
                        touched.addAll(f.domains);
                    }
                }
            }
            default -> {
                for (AuthorityApproved.WebsiteNumber n : sites) {
                    String number = canonical(n.websiteFilingNumber());
                    NumberFact f = numbers.computeIfAbsent(number, k -> new NumberFact());
                    if (f.activeAt != null && f.activeAt.isAfter(at)) {
                        continue; // a later approval (a change) already set its domains
                    }
                    f.domains.forEach(d -> unindex(numbersByDomain, d, number));
                    touched.addAll(f.domains);
                    Set<String> hosts = new HashSet<>();
                    for (String d : n.domains() == null ? List.<String>of() : n.domains()) {
                        String h = DomainNames.hostOrNull(d);
                        if (h != null) {
                            hosts.add(canonical(h));
                        }
                    }
                    f.domains = Set.copyOf(hosts);
                    f.accountId = order.accountId();
                    f.subjectNumber = canonical(e.subjectFilingNumber());
                    f.activeAt = at;
                    f.domains.forEach(d -> index(numbersByDomain, d, number));
                    touched.addAll(f.domains);
                }
            }
        }
    }

    private void close(String number, OffsetDateTime at, String reason, Set<String> touched) {
        NumberFact f = numbers.computeIfAbsent(canonical(number), k -> new NumberFact());
        if (f.closedAt == null || at.isAfter(f.closedAt)) {
            f.closedAt = at;
            f.closedReason = reason;
        }
        touched.addAll(f.domains);
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private Set<String> domainsOf(String orderId) {
        OrderDomains d = orderDomains.get(orderId);
        return d == null ? Set.of() : d.domains();
    }

    /**
     * Whether {@code sequence} is newer than the last one applied from {@code source} for the aggregate (and records
     * it): replays and stale deliveries are skipped.
     */
    private boolean advance(String source, String aggregateId, long sequence) {
        int at = sources.computeIfAbsent(source, k -> sources.size());
        long[] last = sequences.get(aggregateId);
        if (last == null || last.length <= at) {
            last = last == null ? new long[at + 1] : java.util.Arrays.copyOf(last, at + 1);
            sequences.put(canonical(aggregateId), last);
        }
        if (sequence <= last[at]) {
            return false;
        }
        last[at] = sequence;
        return true;
    }

    /*
     * Memory: a replica holds every filed website, so the fold keeps one instance of each id, domain and number
     * (canonical), and each index entry as an immutable set — nearly all hold one or two values, where a HashSet
     * costs ten times the bytes (docs/benchmarks/access-policy-memory.md).
     */

    private static String canonical(String s) {
        return s == null ? null : s.intern();
    }

    private static void index(Map<String, Set<String>> index, String domain, String value) {
        index.compute(domain, (k, s) -> {
            if (s == null) {
                return Set.of(value);
            }
            if (s.contains(value)) {
                return s;
            }
            Set<String> more = new HashSet<>(s);
            more.add(value);
            return Set.copyOf(more);
        });
    }

    private static void unindex(Map<String, Set<String>> index, String domain, String value) {
        index.computeIfPresent(domain, (k, s) -> {
            if (!s.contains(value)) {
                return s;
            }
            Set<String> fewer = new HashSet<>(s);
            fewer.remove(value);
            return fewer.isEmpty() ? null : Set.copyOf(fewer);
        });
    }

    /** The decision for one domain from the current facts. */
    private void recompute(String domain) {
        String closed = null;
        for (String number : numbersByDomain.getOrDefault(domain, Set.of())) {
            NumberFact f = numbers.get(number);
            OffsetDateTime subjectClosed = latest(subjectsClosed.get("account:" + f.accountId),
                    subjectsClosed.get("number:" + f.subjectNumber));
            if (f.live(subjectClosed)) {
                decisions.put(domain, new AccessDecision(domain, true, "FILED", null, "已备案（" + number + "）",
                        domain, number));
                return;
            }
            if (subjectClosed != null && f.activeAt != null && !f.activeAt.isAfter(subjectClosed)) {
                closed = "DEREGISTERED";
            } else if (f.closedAt != null) {
                closed = f.closedReason;
            }
        }
        boolean awaitingNumber = false;
        boolean awaitingReview = false;
        for (String orderId : ordersByDomain.getOrDefault(domain, Set.of())) {
            OrderFact o = orders.get(orderId);
            if (o == null || o.state() == OrderState.ABANDONED || o.state() == OrderState.EXPIRED) {
                continue;
            }
            if (o.type() == FilingType.ACCESS_FILING && o.state() != OrderState.APPROVED) {
                if (o.initialReviewPassed()) {
                    decisions.put(domain, new AccessDecision(domain, true, "ACCESS_FILING_INITIAL_REVIEW_PASSED",
                            null, "接入备案已通过初审，可在本平台提供服务", domain, null));
                    return;
                }
                awaitingReview = true;
            } else if (o.type().decided() || o.type() == FilingType.CHANGE) {
                awaitingNumber |= o.state() != OrderState.APPROVED;
            }
        }
        AccessDecision d;
        if (closed != null) {
            d = new AccessDecision(domain, false, closed, null, "ACCESS_CANCELLED".equals(closed)
                    ? "该网站已取消在本平台的接入，不再提供服务" : "该网站备案已注销，不再提供服务", domain, null);
        } else if (awaitingReview) {
            d = new AccessDecision(domain, false, "ACCESS_FILING_AWAITING_INITIAL_REVIEW", null,
                    "接入备案初审通过后方可在本平台提供服务", domain, null);
        } else if (awaitingNumber) {
            d = new AccessDecision(domain, false, "AWAITING_FILING_NUMBER", RULE_CLOSED_UNTIL_NUMBER,
                    "备案期间网站须保持关闭，取得备案号后方可开通", domain, null);
        } else {
            decisions.remove(domain);
            return;
        }
        decisions.put(domain, d);
    }
}
