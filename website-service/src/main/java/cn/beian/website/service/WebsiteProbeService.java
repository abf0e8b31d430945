package cn.beian.website.service;

import cn.beian.contract.domain.PreApprovalType;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.events.website.WebsiteEmptyShellPastGrace;
import cn.beian.platform.json.Json;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.platform.problem.ProblemException;
import cn.beian.rules.Facts;
import cn.beian.rules.OrderDocument;
import cn.beian.time.BeianClock;
import cn.beian.validators.Phones;
import cn.beian.validators.domain.DomainNames;
import cn.beian.validators.domain.ParsedDomain;
import cn.beian.website.config.WebsiteConfig;
import cn.beian.website.domain.FiledWebsite;
import cn.beian.website.domain.ProbeFinding;
import cn.beian.website.domain.ProbeFindingKind;
import cn.beian.website.domain.WebsiteContent;
import cn.beian.website.repository.FiledWebsiteRepository;
import cn.beian.website.repository.OrderProjectionRepository;
import cn.beian.website.repository.ProbeRepository;
import cn.beian.website.repository.UndeliverableMobileRepository;
import cn.beian.website.service.PageJudge.DomainVerdict;
import cn.beian.website.service.PageJudge.Observation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Probes filed websites and keeps what they found: the last result per domain, and the findings — one open finding
 * per website and kind, from its first sighting until a probe no longer finds it. A new finding is announced once
 * ({@code website.probe-finding-raised}); seeing it again only moves its "last seen".
 *
 * <p>Never holds a transaction over the network: the sites are fetched first, then the website's row is locked and
 * the results written in one short transaction. It is also the subject's existing-site facts for the rules
 * ({@link ExistingSiteFacts}).
 */
@ApplicationScoped
public class WebsiteProbeService implements ExistingSiteFacts {

    private static final Logger LOG = Logger.getLogger(WebsiteProbeService.class);

    /** What one probe of a website found, per domain, and the findings it leaves open. */
    public record ProbeOutcome(UUID filedWebsiteId, OffsetDateTime probedAt, List<DomainVerdict> domains,
            List<ProbeFinding> open) {
    }

    private final SiteFetcher fetcher;
    private final RegistryLookup registry;
    private final FiledWebsiteRepository filed;
    private final OrderProjectionRepository orders;
    private final ProbeRepository probes;
    private final OutboxWriter outbox;
    private final ProbeFindingWriter findings;
    private final UndeliverableMobileRepository undeliverable;
    private final Json json;
    private final BeianClock clock;
    private final WebsiteConfig.Probe config;

    public WebsiteProbeService(SiteFetcher fetcher, RegistryLookup registry, FiledWebsiteRepository filed,
            OrderProjectionRepository orders, ProbeRepository probes, OutboxWriter outbox, ProbeFindingWriter findings,
            UndeliverableMobileRepository undeliverable, Json json, BeianClock clock, WebsiteConfig config) {
        this.findings = findings;
        this.undeliverable = undeliverable;
        this.fetcher = fetcher;
        this.orders = orders;
        this.registry = registry;
        this.filed = filed;
        this.probes = probes;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.config = config.probe();
    }

    /** A filed website with its subject as the order that filed it outlined it ({@code null} when not known). */
    public record Target(FiledWebsite website, OrderSubjectOutlined subject) {
    }

    /** Staff's "probe now": one website, whatever its turn; its schedule is left as it was. */
    public Uni<ProbeOutcome> probeNow(UUID filedWebsiteId) {
        return Panache.withSession(() -> filed.findById(filedWebsiteId).chain(f -> {
            if (f == null) {
                throw ProblemException.notFound("Filed website");
            }
            return targets(List.of(f));
        })).chain(t -> fetch(t.get(0)).chain(verdicts -> record(filedWebsiteId, verdicts, null)));
    }

    /** The websites with their subjects (inside the caller's session). */
    public Uni<List<Target>> targets(List<FiledWebsite> sites) {
        List<UUID> orderIds = sites.stream().map(f -> f.orderId).distinct().toList();
        return orders.list("orderId in ?1", orderIds).map(found -> sites.stream().map(f -> new Target(f,
                found.stream().filter(o -> o.orderId.equals(f.orderId) && o.subject != null).findFirst()
                        .map(o -> json.read(o.subject, OrderSubjectOutlined.class)).orElse(null))).toList());
    }

    /** A filed website at risk: its open findings, and since when the oldest is open. */
    public record AtRisk(FiledWebsite website, OffsetDateTime since, List<ProbeFinding> findings) {
    }

    /** Every finding of a website, newest first: its owner's, or any for staff. */
    @WithSession
    public Uni<List<ProbeFinding>> findings(String accountId, boolean staff, UUID filedWebsiteId) {
        return filed.findById(filedWebsiteId).chain(f -> {
            if (f == null || !staff && !f.accountId.equals(accountId)) {
                throw ProblemException.notFound("Filed website");
            }
            return probes.allOf(f.id);
        });
    }

    /**
     * Staff's list of filings at risk (active, with an open finding of {@code kind} when given), the longest-standing
     * first; {@code proposals} keeps only the empty shells open longer than the grace period, which staff may turn
     * into a cancel-access (取消接入) order.
     */
    @WithSession
    public Uni<List<AtRisk>> atRisk(ProbeFindingKind kind, boolean proposals, OffsetDateTime afterSeen,
            UUID afterId, int limit) {
        OffsetDateTime now = clock.now();
        ProbeFindingKind k = proposals ? ProbeFindingKind.EMPTY_SHELL : kind;
        OffsetDateTime seenBefore = proposals ? now.minus(config.emptyShellGrace()) : now;
        return probes.atRisk(k == null ? null : k.name(), seenBefore, afterSeen, afterId, limit).chain(rows -> {
            List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
            if (ids.isEmpty()) {
                return Uni.createFrom().item(List.<AtRisk>of());
            }
            return filed.list("id in ?1", ids).chain(sites -> probes.openOf(ids).map(open -> rows.stream()
                    .map(r -> new AtRisk(sites.stream().filter(f -> f.id.equals(r[0])).findFirst().orElseThrow(),
                            (OffsetDateTime) r[1], open.stream().filter(o -> o.filedWebsiteId.equals(r[0]))
                                    .toList()))
                    .toList()));
        });
    }

    /**
     * Fetches and judges every domain of a website, one after the other, then asks the registries about their
     * registrable domains (no database). The registry's observations ride on the first domain of each registrable.
     */
    public Uni<List<DomainVerdict>> fetch(Target t) {
        FiledWebsite f = t.website();
        WebsiteContent content = json.read(f.content, WebsiteContent.class);
        Set<PreApprovalType> pre = EnumSet.noneOf(PreApprovalType.class);
        content.preApprovals().forEach(p -> pre.add(p.type()));
        PageJudge.Filing filing = new PageJudge.Filing(f.websiteFilingNumber, f.subjectFilingNumber, f.subjectNature,
                pre);
        Uni<List<DomainVerdict>> pages = Multi.createFrom().iterable(content.domains())
                .onItem().transformToUniAndConcatenate(d -> fetcher.homepage(d).map(p -> PageJudge.judge(d, p, filing)))
                .collect().asList();
        Set<String> registrable = WebsitesJudge.registrableDomains(List.of(content));
        return pages.chain(verdicts -> registry.lookup(registrable)
                .onFailure().recoverWithItem(e -> Map.of())
                .map(facts -> withRegistry(verdicts, facts, t.subject() == null ? null
                        : ProvinceRuleFindings.subject(t.subject(), t.subject().province(), t.subject().nature()))));
    }

    private List<DomainVerdict> withRegistry(List<DomainVerdict> verdicts, Map<String, RegistryFacts> facts,
            OrderDocument.Subject subject) {
        LocalDate today = LocalDate.now(clock);
        Set<String> judged = new HashSet<>();
        List<DomainVerdict> out = new ArrayList<>();
        for (DomainVerdict v : verdicts) {
            String reg = DomainNames.parse(v.domain()).domain().map(ParsedDomain::registrableDomain).orElse(null);
            if (reg == null || !judged.add(reg)) {
                out.add(v);
                continue;
            }
            RegistryFacts f = facts.get(reg);
            if (f == null || f.unavailable()) {
                out.add(new DomainVerdict(v.domain(), v.url(), v.reachable(), v.showsNumber(), v.linksToMiit(),
                        v.problem(), v.observations(), true));
                continue;
            }
            List<Observation> all = new ArrayList<>(v.observations());
            all.addAll(RegistryJudge.judge(reg, f, subject, today));
            out.add(new DomainVerdict(v.domain(), v.url(), v.reachable(), v.showsNumber(), v.linksToMiit(),
                    v.problem(), all));
        }
        return out;
    }

    /**
     * Writes a probe's results in one transaction under the website's row lock: results, findings opened, seen again
     * or resolved, the events of new ones and, for a scheduled probe ({@code dueAt} set), the next turn.
     */
    public Uni<ProbeOutcome> record(UUID filedWebsiteId, List<DomainVerdict> verdicts, OffsetDateTime dueAt) {
        return Panache.withTransaction(() -> filed.findById(filedWebsiteId, LockModeType.PESSIMISTIC_WRITE)
                .chain(f -> {
                    if (f == null) {
                        return Uni.createFrom().nullItem();
                    }
                    OffsetDateTime now = clock.now();
                    Map<ProbeFindingKind, Observation> seen = seen(f, verdicts, now);
                    Map<ProbeFindingKind, String> domainOf = new EnumMap<>(ProbeFindingKind.class);
                    for (DomainVerdict v : verdicts) {
                        v.observations().forEach(o -> domainOf.putIfAbsent(o.kind(), v.domain()));
                    }
                    Uni<Void> chain = Multi.createFrom().iterable(verdicts)
                            .onItem().transformToUniAndConcatenate(v -> probes.saveResult(new ProbeRepository
                                    .DomainResult(f.id, v.domain(), now, v.url(), v.reachable(), v.showsNumber(),
                                    v.linksToMiit(), v.problem())))
                            .collect().last().replaceWithVoid();
                    if (dueAt != null) {
                        chain = chain.chain(() -> probes.scheduleNext(f.id, next(f.id, dueAt, now)));
                    }
                    // the website principal's mobile, judged from the account's undeliverable mobiles
                    return chain.chain(() -> undeliverable.ofAccount(f.accountId))
                            .invoke(mobiles -> mobileUndeliverable(f, mobiles).ifPresent(o -> seen.put(o.kind(), o)))
                            .chain(() -> probes.openOf(List.of(f.id))).chain(open -> {
                        List<ProbeFinding> stillOpen = new ArrayList<>();
                        Uni<Void> writes = Uni.createFrom().voidItem();
                        // the registry's findings stay as they were while it could not answer
                        boolean registryAnswered = verdicts.stream().noneMatch(DomainVerdict::registryUnanswered);
                        for (ProbeFinding o : open) {
                            Observation again = seen.remove(o.kind);
                            if (again == null && o.kind.fromRegistry() && !registryAnswered) {
                                stillOpen.add(o);
                            } else if (again == null) {
                                writes = writes.chain(() -> findings.resolve(f, o, now));
                            } else {
                                o.lastSeenAt = now;
                                o.detail = again.detail();
                                stillOpen.add(o);
                                if (pastGrace(o, now)) {
                                    writes = writes.chain(() -> announcePastGrace(f, o, now));
                                }
                            }
                        }
                        for (Observation n : seen.values()) {
                            ProbeFinding x = findings.open(f, n.kind(), domainOf.get(n.kind()), n.detail(), now);
                            stillOpen.add(x);
                            writes = writes.chain(() -> findings.raise(f, x));
                        }
                        return writes.replaceWith(new ProbeOutcome(f.id, now, verdicts, stillOpen));
                    });
                }));
    }

    /**
     * Whether an open finding is an empty shell seen again once its grace period has passed, and not yet announced:
     * only a sighting after the grace counts, so a website no longer probed is never proposed on an old sighting.
     */
    boolean pastGrace(ProbeFinding o, OffsetDateTime now) {
        return o.kind == ProbeFindingKind.EMPTY_SHELL && o.graceAnnouncedAt == null
                && !now.isBefore(o.firstSeenAt.plus(config.emptyShellGrace()));
    }

    /** Announces, once, an empty shell still open past its grace: subject-service prepares a cancel-access order. */
    private Uni<Void> announcePastGrace(FiledWebsite f, ProbeFinding o, OffsetDateTime now) {
        o.graceAnnouncedAt = now;
        LOG.infof("Filed website %s (%s): empty shell since %s, past its grace of %s days", f.id,
                f.websiteFilingNumber, o.firstSeenAt, config.emptyShellGrace().toDays());
        return outbox.append(new WebsiteEmptyShellPastGrace(o.id.toString(), f.id.toString(), f.orderId.toString(),
                f.accountId, f.websiteFilingNumber, f.name, o.domain, o.firstSeenAt,
                o.firstSeenAt.plus(config.emptyShellGrace()), now)).replaceWithVoid();
    }

    /** The kinds found this time, over all domains (the first domain's detail, naming it). */
    private Map<ProbeFindingKind, Observation> seen(FiledWebsite f, List<DomainVerdict> verdicts, OffsetDateTime now) {
        Map<ProbeFindingKind, Observation> seen = new EnumMap<>(ProbeFindingKind.class);
        if (f.status == FiledWebsite.Status.ACTIVE) {
            for (DomainVerdict v : verdicts) {
                for (Observation o : v.observations()) {
                    seen.putIfAbsent(o.kind(), new Observation(o.kind(), v.domain() + ": " + o.detail()));
                }
            }
            WebsiteContent content = json.read(f.content, WebsiteContent.class);
            lapsedAccess(content, now).ifPresent(o -> seen.put(o.kind(), o));
            principalExpired(content, LocalDate.now(clock)).ifPresent(o -> seen.put(o.kind(), o));
            if (f.policeFilingNumber == null && !now.isBefore(f.approvedAt.plus(config.policeNumberWithin()))) {
                seen.put(ProbeFindingKind.POLICE_NUMBER_MISSING, new Observation(
                        ProbeFindingKind.POLICE_NUMBER_MISSING, "no police filing number recorded "
                                + config.policeNumberWithin().toDays() + " days after approval"));
            }
        }
        return seen;
    }

    /**
     * Access lapsed (docs/domain.md §1): the website was resolved onto servers here and every one of them has
     * expired. A website saved before servers were resolved (none recorded) is not judged.
     */
    static Optional<Observation> lapsedAccess(WebsiteContent c, OffsetDateTime now) {
        if (c == null || c.servers().isEmpty()
                || c.servers().stream().anyMatch(s -> s.expiresAt() == null || now.isBefore(s.expiresAt()))) {
            return Optional.empty();
        }
        boolean own = c.servers().stream().anyMatch(s -> s.authorizationCodeId() == null);
        String when = c.servers().stream().map(s -> s.expiresAt().toLocalDate().toString()).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
        return Optional.of(own
                ? new Observation(ProbeFindingKind.SERVER_EXPIRED, "every server of the website has expired (" + when + ")")
                : new Observation(ProbeFindingKind.AUTHORIZATION_CODE_SERVER_GONE,
                        "the servers of its authorization codes have expired (" + when + ")"));
    }

    /**
     * The website's own principal's certificate has passed its validity (the subject principal's, where the website
     * shares it, is subject-service's check): a change filing is due.
     */
    static Optional<Observation> principalExpired(WebsiteContent c, LocalDate today) {
        WebsiteContent.Principal p = c == null || c.principalSameAsSubject() ? null : c.principal();
        if (p == null || p.certificateValidUntil() == null || !p.certificateValidUntil().isBefore(today)) {
            return Optional.empty();
        }
        return Optional.of(new Observation(ProbeFindingKind.PRINCIPAL_CERTIFICATE_EXPIRED,
                "the website principal's certificate was valid until " + p.certificateValidUntil()));
    }

    /** {@link #mobileUndeliverable(WebsiteContent, Map)} of an active filed website; nothing for a closed one. */
    private Optional<Observation> mobileUndeliverable(FiledWebsite f, Map<String, String> undeliverable) {
        return f.status != FiledWebsite.Status.ACTIVE || undeliverable.isEmpty() ? Optional.empty()
                : mobileUndeliverable(json.read(f.content, WebsiteContent.class), undeliverable);
    }

    /**
     * The website's own principal's mobile no longer receives SMS (its key among the account's undeliverable mobiles,
     * key → the provider's reason); the subject principal's, where the website shares it, is subject-service's.
     */
    public static Optional<Observation> mobileUndeliverable(WebsiteContent c, Map<String, String> undeliverable) {
        WebsiteContent.Principal p = c == null || c.principalSameAsSubject() ? null : c.principal();
        String key = p == null ? null : Phones.mobileKey(p.mobile()).orElse(null);
        if (key == null || !undeliverable.containsKey(key)) {
            return Optional.empty();
        }
        String reason = undeliverable.get(key);
        return Optional.of(new Observation(ProbeFindingKind.MOBILE_UNDELIVERABLE, UndeliverableMobiles.FIELD
                + ": the website principal's mobile no longer receives SMS" + (reason.isEmpty() ? "" : " (" + reason
                + ")")));
    }

    /**
     * The next turn: one period after the one just taken, so the websites stay spread over the period; a turn long
     * overdue (the job was off) is spread again from now by the website's id.
     */
    OffsetDateTime next(UUID id, OffsetDateTime dueAt, OffsetDateTime now) {
        OffsetDateTime next = dueAt.plus(config.period());
        return next.isAfter(now) ? next : now.plus(offset(id, config.period()));
    }

    /** Where in the period a website's turn falls: fixed by its id, so that turns spread evenly. */
    static Duration offset(UUID id, Duration period) {
        long seconds = Math.max(1, period.toSeconds());
        return Duration.ofSeconds(Math.floorMod(id.getLeastSignificantBits() ^ id.getMostSignificantBits(), seconds));
    }

    /** The first turn of a website just approved: within one period of its approval. */
    public Uni<Void> scheduleFirst(UUID filedWebsiteId, OffsetDateTime approvedAt) {
        return probes.scheduleNext(filedWebsiteId, approvedAt.plus(offset(filedWebsiteId, config.period())));
    }

    /**
     * The subject's other approved websites as the rules read them, from their last probes (inside the caller's
     * session). Null — undetermined — while one of them has no probe recent enough; those are then made due at once,
     * so that the job probes them within its next round and a later judgement knows.
     */
    @Override
    public Uni<List<Facts.ExistingSite>> existingSites(String accountId) {
        OffsetDateTime now = clock.now();
        OffsetDateTime fresh = now.minus(config.factsFreshFor());
        return filed.active(accountId).chain(sites -> {
            if (sites.isEmpty()) {
                return Uni.createFrom().item(List.<Facts.ExistingSite>of());
            }
            List<UUID> ids = sites.stream().map(f -> f.id).toList();
            return probes.results(ids).chain(results -> {
                List<Facts.ExistingSite> out = new ArrayList<>();
                List<UUID> stale = new ArrayList<>();
                for (FiledWebsite f : sites) {
                    WebsiteContent c = json.read(f.content, WebsiteContent.class);
                    for (String d : c.domains()) {
                        var r = results.stream().filter(x -> x.filedWebsiteId().equals(f.id)
                                && x.domain().equals(d)).findFirst().orElse(null);
                        if (r == null || r.probedAt().isBefore(fresh)) {
                            if (!stale.contains(f.id)) {
                                stale.add(f.id);
                            }
                            continue;
                        }
                        out.add(new Facts.ExistingSite(f.websiteFilingNumber, d, r.reachable(), r.showsNumber(),
                                r.linksToMiit(), r.problem()));
                    }
                }
                if (stale.isEmpty()) {
                    return Uni.createFrom().item(out);
                }
                return Multi.createFrom().iterable(stale)
                        .onItem().transformToUniAndConcatenate(id -> probes.scheduleNext(id, now))
                        .collect().last().replaceWith((List<Facts.ExistingSite>) null);
            });
        });
    }
}
