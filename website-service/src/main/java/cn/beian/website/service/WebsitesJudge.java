package cn.beian.website.service;

import cn.beian.contract.privacy.Masking;
import cn.beian.contract.domain.CertificateType;
import cn.beian.contract.domain.Province;
import cn.beian.contract.events.EventType;
import cn.beian.contract.events.order.OrderSubjectOutlined;
import cn.beian.contract.events.readiness.PartReady;
import cn.beian.contract.events.snapshot.FieldChange;
import cn.beian.contract.events.snapshot.Person;
import cn.beian.contract.events.snapshot.WebsitesSnapshotFrozen;
import cn.beian.contract.events.website.OrderWebsitesChanged;
import cn.beian.contract.findings.Finding;
import cn.beian.contract.order.FilingType;
import cn.beian.contract.privacy.Masking;
import cn.beian.platform.json.Json;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.contract.privacy.Fingerprints;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.rules.Facts;
import cn.beian.time.BeianClock;
import cn.beian.validators.Phones;
import cn.beian.validators.domain.DomainNames;
import cn.beian.website.config.WebsiteConfig;
import cn.beian.website.domain.OrderProjection;
import cn.beian.website.domain.Website;
import cn.beian.website.domain.WebsiteContent;
import cn.beian.website.domain.WebsitesVersion;
import cn.beian.website.repository.ConfirmedMobileRepository;
import cn.beian.website.repository.DomainStore;
import cn.beian.website.repository.FiledWebsiteRepository;
import cn.beian.website.repository.OrderProjectionRepository;
import cn.beian.website.repository.WebsiteRepository;
import cn.beian.website.repository.WebsitesVersionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * After every change of an order's websites (or of its subject): judges them, keeps the new version with its
 * findings, and announces the change and the readiness through the outbox. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class WebsitesJudge {

    private final WebsiteRepository websites;
    private final OrderProjectionRepository orders;
    private final WebsitesVersionRepository versions;
    private final DomainStore domains;
    private final OutboxWriter outbox;
    private final Json json;
    private final BeianClock clock;
    private final WebsiteConfig config;
    private final WebsiteChecks checks = WebsiteChecks.standard();
    private final FiledWebsiteRepository filedWebsites;
    private final ExistingSiteFacts existingSites;
    private final ConfirmedMobileRepository confirmedMobiles;
    private final WebsiteConfig.MobileConfirmation mobileConfirmation;

    public WebsitesJudge(WebsiteRepository websites, OrderProjectionRepository orders,
            WebsitesVersionRepository versions, DomainStore domains, OutboxWriter outbox, Json json,
            BeianClock clock, WebsiteConfig config, ExistingSiteFacts existingSites,
            FiledWebsiteRepository filedWebsites, ConfirmedMobileRepository confirmedMobiles,
            WebsiteConfig.MobileConfirmation mobileConfirmation) {
        this.confirmedMobiles = confirmedMobiles;
        this.mobileConfirmation = mobileConfirmation;
        this.filedWebsites = filedWebsites;
        this.existingSites = existingSites;
        this.config = config;
        this.websites = websites;
        this.orders = orders;
        this.versions = versions;
        this.domains = domains;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** Registrable domains of these websites (what registry lookups are about). */
    public static Set<String> registrableDomains(List<WebsiteContent> contents) {
        Set<String> out = new LinkedHashSet<>();
        for (WebsiteContent c : contents) {
            for (String d : c.domains()) {
                DomainNames.parse(d).domain().ifPresent(p -> out.add(p.registrableDomain()));
            }
        }
        return out;
    }

    /** The subject's approved websites as probed, for the filings that have some (first filings have none). */
    private Uni<List<Facts.ExistingSite>> existing(OrderProjection order) {
        return order.type == null || order.type == FilingType.FIRST_FILING
                ? Uni.createFrom().nullItem() : existingSites.existingSites(order.accountId);
    }

    /** Judges the order's current websites with {@code fresh} registry answers (others from the stored ones). */
    public Uni<WebsitesVersion> judge(OrderProjection order, Map<String, RegistryFacts> fresh) {
        OffsetDateTime now = clock.now();
        return saveFacts(fresh, now)
                .chain(() -> websites.ofOrder(order.orderId))
                .chain(list -> {
                    List<WebsiteContent> contents = list.stream().map(w -> json.read(w.content, WebsiteContent.class))
                            .toList();
                    Set<String> registrable = registrableDomains(contents);
                    return domains.loadRegistry(registrable).chain(stored -> {
                        Map<String, RegistryFacts> facts = new HashMap<>();
                        stored.forEach((d, j) -> facts.put(d, json.read(j, RegistryFacts.class)));
                        facts.putAll(fresh);
                        return domains.takenByOthers(registrable, order.accountId)
                                .chain(taken -> domains.filedDomainsOf(order.accountId)
                                        .chain(filed -> existing(order).chain(sites -> approved(order, list)
                                                .chain(before -> confirmedMobiles(order).chain(confirmed ->
                                                        record(order, list, contents, facts, taken, filed, sites,
                                                                before, confirmed, now))))));
                    });
                });
    }

    /**
     * A CHANGE order's websites as approved (by filed website id), what its diff is taken against; {@code null} for
     * other types.
     */
    private Uni<Map<UUID, WebsiteContent>> approved(OrderProjection order, List<Website> list) {
        if (order.type != FilingType.CHANGE) {
            return Uni.createFrom().nullItem();
        }
        List<UUID> ids = list.stream().map(w -> w.filedWebsiteId).filter(Objects::nonNull).toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return filedWebsites.list("id in ?1", ids).map(rows -> {
            Map<UUID, WebsiteContent> out = new HashMap<>();
            rows.forEach(f -> out.put(f.id, json.read(f.content, WebsiteContent.class)));
            return out;
        });
    }

    /** Each field of a CHANGE order's websites that differs from the approved website; {@code null} for other types. */
    private static List<FieldChange> changes(Map<UUID, WebsiteContent> approved, List<Website> list,
            List<WebsiteContent> contents) {
        if (approved == null) {
            return null;
        }
        List<FieldChange> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            WebsiteContent before = list.get(i).filedWebsiteId == null ? null : approved.get(list.get(i).filedWebsiteId);
            if (before != null) {
                out.addAll(WebsiteChanges.between("websites[" + i + "]", before, contents.get(i)));
            }
        }
        return out;
    }

    /** The mobiles the order's account confirmed within the validity; {@code null} where none need confirming. */
    private Uni<Set<String>> confirmedMobiles(OrderProjection order) {
        if (!mobileConfirmation.required() || !order.editable() || !MobileConfirmations.entersData(order.type)) {
            return Uni.createFrom().nullItem();
        }
        return confirmedMobiles.confirmedSince(order.accountId, clock.now().minus(mobileConfirmation.validity()));
    }

    /**
     * {@code MOBILE_UNCONFIRMED} at {@code websites[i].principal.mobile} for each website principal's mobile the
     * applicant entered and its account has not confirmed by an SMS code ({@link MobileConfirmations}): a principal
     * "same as the subject's" is the subject's (subject-service asks for it); in a CHANGE only a mobile other than the
     * approved website's. {@code confirmed} null: none is asked for.
     */
    private static List<Finding> unconfirmedMobiles(List<Website> list, List<WebsiteContent> contents,
            Map<UUID, WebsiteContent> approved, Set<String> confirmed) {
        List<Finding> out = new ArrayList<>();
        if (confirmed == null) {
            return out;
        }
        for (int i = 0; i < contents.size(); i++) {
            WebsiteContent c = contents.get(i);
            if (c.principalSameAsSubject() || c.principal() == null) {
                continue;
            }
            String mobile = c.principal().mobile();
            String key = Phones.mobileKey(mobile).orElse(null);
            if (key == null || confirmed.contains(key)) {
                continue;
            }
            if (approved != null) {
                WebsiteContent before = list.get(i).filedWebsiteId == null ? null
                        : approved.get(list.get(i).filedWebsiteId);
                String was = before == null || before.principalSameAsSubject() || before.principal() == null ? null
                        : before.principal().mobile();
                if (was != null && Phones.mobileNational(was).equals(Phones.mobileNational(mobile))) {
                    continue;
                }
            }
            out.add(WebsiteChecks.finding(MobileConfirmations.UNCONFIRMED, "websites[" + i + "].principal.mobile",
                    Finding.Severity.BLOCKING, "finding.mobile-unconfirmed", Masking.mobile(mobile)));
        }
        return out;
    }

    private Uni<WebsitesVersion> record(OrderProjection order, List<Website> list, List<WebsiteContent> contents,
            Map<String, RegistryFacts> facts, Map<String, String> taken, Set<String> filed,
            List<Facts.ExistingSite> sites, Map<UUID, WebsiteContent> approved, Set<String> confirmedMobiles,
            OffsetDateTime now) {
        OrderSubjectOutlined subject = json.read(order.subject, OrderSubjectOutlined.class);
        var ctx = new WebsiteChecks.Context(order.type, order.province, order.nature, subject,
                LocalDate.now(clock), facts, taken, filed, sites, order.changeKind);
        List<Finding> findings = new ArrayList<>(checks.check(contents, ctx));
        for (int i = 0; i < contents.size(); i++) {
            WebsiteContent c = contents.get(i);
            if (c.serverIds().isEmpty() && c.authorizationCodes().isEmpty() && order.type.decided()) {
                findings.add(WebsiteChecks.finding("SERVER_MISSING", "websites[" + i + "].serverIds",
                        Finding.Severity.BLOCKING, "finding.server-missing"));
            }
        }
        if (order.type == FilingType.ACCESS_FILING) {
            findings.addAll(accessFilingIncomplete(contents));
        }
        findings.addAll(unconfirmedMobiles(list, contents, approved, confirmedMobiles));
        boolean complete = (!list.isEmpty() || order.type == FilingType.DEREGISTER_SUBJECT)
                && list.size() <= WebsiteInput.MAX_WEBSITES
                && findings.stream().noneMatch(Finding::blocking);
        order.websitesVersion++;
        order.updatedAt = now;
        order.registryRecheckAt = findings.stream().anyMatch(f -> WebsiteChecks.REGISTRY_UNAVAILABLE.equals(f.ruleId()))
                ? now.plus(config.registryRecheck().after()) : null;
        long version = order.websitesVersion;
        List<WebsitesSnapshotFrozen.Website> snapshot = new ArrayList<>();
        List<OrderWebsitesChanged.WebsiteOutline> outline = new ArrayList<>();
        Map<UUID, Set<String>> byWebsite = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Website w = list.get(i);
            WebsiteContent c = contents.get(i);
            Person principal = principal(c, subject);
            snapshot.add(new WebsitesSnapshotFrozen.Website(w.id.toString(), w.websiteFilingNumber, c.name(),
                    c.domains(), c.homepageUrls(), c.serviceContent() == null ? null : c.serviceContent().name(),
                    c.preApprovals().stream().map(p -> new WebsitesSnapshotFrozen.PreApproval(p.type().name(),
                            p.documentNumber())).toList(),
                    c.languages(), c.remarks(), principal, c.principalSameAsSubject(), c.serverIds(),
                    c.authorizationCodes().stream().map(Masking::secret).toList(), c.servers()));
            outline.add(new OrderWebsitesChanged.WebsiteOutline(w.id.toString(), c.name(), c.domains(),
                    c.principalSameAsSubject(), principalOutline(principal),
                    c.preApprovals().stream().map(p -> p.type().name()).toList(),
                    needingCertificate(checks, findings, i, c)));
            byWebsite.put(w.id, registrableDomains(List.of(c)));
        }
        WebsitesVersion v = new WebsitesVersion();
        v.orderId = order.orderId;
        v.version = version;
        v.websites = json.write(snapshot);
        v.findings = json.write(findings);
        v.complete = complete;
        v.createdAt = now;
        List<FieldChange> changes = changes(approved, list, contents);
        v.changes = changes == null ? null : json.write(changes);
        // Every version is announced with its findings (subject-service lists them in the order view and refuses
        // submission with the blocking ones), ready or not.
        order.websitesReadyVersion = complete ? version : null;
        Uni<?> readiness = outbox.append(EventType.ORDER_WEBSITES_READINESS_CHANGED,
                new PartReady(order.orderId.toString(), version, complete, now, findings,
                        changes == null ? null : changes.size()));
        return versions.persist(v)
                .chain(() -> orders.persist(order))
                .chain(() -> domains.replaceOrderDomains(order.orderId, order.accountId, byWebsite))
                .chain(() -> outbox.append(new OrderWebsitesChanged(order.orderId.toString(), version, outline, now)))
                .chain(() -> readiness)
                .replaceWith(v);
    }

    private Uni<Void> saveFacts(Map<String, RegistryFacts> fresh, OffsetDateTime now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RegistryFacts f : fresh.values()) {
            if (!f.unavailable()) {
                chain = chain.chain(() -> domains.saveRegistry(f.domain(), f.registration() != null, json.write(f),
                        now));
            }
        }
        return chain;
    }

    /**
     * An access filing's websites start from the registry's name and domains (OrderProjectionService): each is complete
     * only once the applicant added what a website needs besides them, judged as an applicant's website is judged.
     */
    private List<Finding> accessFilingIncomplete(List<WebsiteContent> contents) {
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            List<FieldViolation> missing = new ArrayList<>();
            WebsiteInput.normalise(contents.get(i), "websites[" + i + "].", LocalDate.now(clock), missing);
            missing.forEach(v -> out.add(WebsiteChecks.finding("WEBSITE_INCOMPLETE", v.field(),
                    Finding.Severity.BLOCKING, "finding.access-filing-website-incomplete")));
        }
        return out;
    }

    /** The website principal, or the subject principal where the applicant chose "same as the subject's". */
    static Person principal(WebsiteContent c, OrderSubjectOutlined subject) {
        if (c.principalSameAsSubject()) {
            return subject == null ? null : subject.principal();
        }
        var p = c.principal();
        return p == null ? null : new Person(p.name(), p.certificateType(), p.certificateNumber(), p.mobile(),
                p.email());
    }

    private static OrderWebsitesChanged.PrincipalOutline principalOutline(Person p) {
        if (p == null) {
            return null;
        }
        String province = null;
        if (p.certificateType() == CertificateType.RESIDENT_ID
                && p.certificateNumber() != null && p.certificateNumber().length() >= 2) {
            province = Province.byCode(p.certificateNumber().substring(0, 2))
                    .map(Enum::name).orElse(null);
        }
        return new OrderWebsitesChanged.PrincipalOutline(personKey(p), p.name(), p.certificateType(), province);
    }

    /** The domains whose holder a rule questions: the applicant then proves the relation with the certificate. */
    private static List<String> needingCertificate(WebsiteChecks checks, List<Finding> findings, int index,
            WebsiteContent c) {
        Set<String> out = new HashSet<>();
        String prefix = "websites[" + index + "].domains[";
        for (Finding f : findings) {
            if (checks.aboutRegistrant(f) && f.fieldKey() != null && f.fieldKey().startsWith(prefix)) {
                int j = Integer.parseInt(f.fieldKey().substring(prefix.length(), f.fieldKey().length() - 1));
                out.add(c.domains().get(j));
            }
        }
        return List.copyOf(out);
    }

    static String personKey(Person p) {
        return Fingerprints.of(p.certificateType() + ":" + p.certificateNumber(), 16);
    }
}
