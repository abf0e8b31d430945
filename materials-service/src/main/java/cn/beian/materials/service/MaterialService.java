package cn.beian.materials.service;

import cn.beian.contract.events.EventType;
import cn.beian.contract.events.readiness.PartReady;
import cn.beian.contract.events.website.OrderWebsitesChanged.WebsiteOutline;
import cn.beian.contract.findings.Finding;
import cn.beian.materials.domain.Material;
import cn.beian.materials.domain.MaterialKind;
import cn.beian.materials.domain.MaterialStatus;
import cn.beian.materials.domain.OrderProjection;
import cn.beian.materials.repository.MaterialRepository;
import cn.beian.materials.repository.OrderProjectionRepository;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.contract.privacy.Fingerprints;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Uploads in three steps, so an object and its row are never out of step after a crash: (1) an intent row
 * (PENDING) is committed, naming the object key derived from its id; (2) the object is put; (3) the row is completed
 * (STORED, versioned) with the readiness event in the same transaction. A crash after (1) or (2) leaves a PENDING
 * row that readers never see and the {@link SweepJob} removes with its object; no object is ever put without a row.
 */
@ApplicationScoped
public class MaterialService {

    private static final Logger LOG = Logger.getLogger(MaterialService.class);
    private static final Pattern OWNER = Pattern.compile(
            "subject|subject\\.principal|websites\\[([A-Za-z0-9_-]{1,64})\\](\\.principal|\\.preApprovals\\[[A-Z_]{1,40}\\])?");

    private final OrderProjectionRepository orders;
    private final MaterialRepository materials;
    private final Readiness readiness;
    private final OutboxWriter outbox;
    private final BeianClock clock;

    public MaterialService(OrderProjectionRepository orders, MaterialRepository materials, Readiness readiness,
            OutboxWriter outbox, BeianClock clock) {
        this.orders = orders;
        this.materials = materials;
        this.readiness = readiness;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Checks, before a byte is read, that the caller may add this material to this order now. */
    @WithTransaction
    public Uni<OrderProjection> checkUpload(UUID orderId, Caller caller, MaterialKind kind, String ownerRef) {
        return orders.findById(orderId).map(o -> {
            OrderAccess.writable(o, caller, kind);
            checkOwner(o, ownerRef);
            return o;
        });
    }

    /** Step 1: the intent row. */
    @WithTransaction
    public Uni<Material> begin(UUID orderId, Caller caller, MaterialKind kind, String ownerRef) {
        Material m = new Material();
        m.id = UUID.randomUUID();
        m.orderId = orderId;
        m.kind = kind;
        m.ownerRef = ownerRef;
        m.status = MaterialStatus.PENDING;
        m.objectKey = Material.objectKey(orderId, m.id);
        m.uploadedBy = caller.id();
        m.byStaff = caller.reviewer();
        m.createdAt = clock.now();
        return materials.persist(m);
    }

    /** Step 3: the stored file becomes the slot's new version; the order's materials version moves on. */
    @WithTransaction
    public Uni<Material> complete(UUID materialId, Caller caller, ContentCheck.Checked checked) {
        return materials.findById(materialId).chain(m -> {
            if (m == null || m.status != MaterialStatus.PENDING) {
                return Uni.createFrom().failure(ProblemException.notFound("Upload"));
            }
            return orders.lock(m.orderId).chain(o -> {
                OrderAccess.writable(o, caller, m.kind); // the state may have moved while the bytes arrived
                long next = o.materialsVersion + 1;
                return materials.lastVersion(o.orderId, m.kind, m.ownerRef)
                        .chain(last -> materials.close(o.orderId, m.kind, m.ownerRef, next).map(closed -> last))
                        .chain(last -> {
                            m.status = MaterialStatus.STORED;
                            m.version = last + 1;
                            m.contentType = checked.contentType();
                            m.sizeBytes = (long) checked.bytes().length;
                            m.sha256 = checked.sha256();
                            m.width = checked.width();
                            m.height = checked.height();
                            m.storedAt = clock.now();
                            m.validFrom = next;
                            o.materialsVersion = next;
                            o.updatedAt = m.storedAt;
                            return refreshReadiness(o).replaceWith(m);
                        });
            });
        });
    }

    /** Drops an intent whose object was never stored or has been removed. */
    @WithTransaction
    public Uni<Void> discard(UUID materialId) {
        return materials.delete("id = ?1 and status = ?2", materialId, MaterialStatus.PENDING).replaceWithVoid();
    }

    /** Removes a material from its slot (the file is kept, as an old version, until the order's materials go). */
    @WithTransaction
    public Uni<Void> remove(UUID orderId, UUID materialId, Caller caller) {
        return orders.lock(orderId).chain(o -> materials.findById(materialId).chain(m -> {
            if (o == null || m == null || !m.orderId.equals(orderId) || !m.current()) {
                return Uni.createFrom().failure(ProblemException.notFound("Material"));
            }
            OrderAccess.writable(o, caller, m.kind);
            long next = o.materialsVersion + 1;
            m.validTo = next;
            o.materialsVersion = next;
            o.updatedAt = clock.now();
            return refreshReadiness(o);
        }));
    }

    /**
     * A website whose principal is now another person (another certificate, or the subject principal instead of its
     * own) no longer has its principal's documents: the ID photos and curtain photo stored under
     * {@code websites[<id>].principal} show the person who was replaced, so they leave the slot (kept as old versions)
     * and the new person's are asked for. Runs in the caller's transaction, before readiness is judged again.
     */
    public Uni<Void> forgetReplacedPrincipals(OrderProjection o, List<WebsiteOutline> before,
            List<WebsiteOutline> after) {
        Map<String, String> was = new HashMap<>();
        before.forEach(w -> was.put(w.websiteId(), person(w)));
        List<String> replaced = (after == null ? List.<WebsiteOutline>of() : after).stream()
                .filter(w -> was.containsKey(w.websiteId()) && !was.get(w.websiteId()).equals(person(w)))
                .map(w -> "websites[" + w.websiteId() + "].principal").toList();
        if (replaced.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        long next = o.materialsVersion + 1;
        Uni<Integer> closed = Uni.createFrom().item(0);
        for (String owner : replaced) {
            closed = closed.chain(n -> materials.closeOwner(o.orderId, owner, next).map(c -> n + c));
        }
        return closed.invoke(n -> {
            if (n > 0) {
                o.materialsVersion = next;
                o.updatedAt = clock.now();
            }
        }).replaceWithVoid();
    }

    /** Whom a website's principal documents show: the subject principal, or the website's own by its person key. */
    private static String person(WebsiteOutline w) {
        return w.principalSameAsSubject() || w.principal() == null ? "subject.principal" : w.principal().personKey();
    }

    /**
     * Publishes material.order-readiness-changed when the order's materials became complete at a new version, stopped
     * being complete, or are judged with other findings than last announced (a website added, a document uploaded
     * that still leaves others missing), with those findings. Runs in the caller's transaction (an upload, a removal,
     * an order or website event).
     */
    public Uni<Void> refreshReadiness(OrderProjection o) {
        return materials.current(o.orderId).chain(current -> {
            Readiness.Evaluation evaluation = readiness.evaluate(o, current);
            boolean ready = evaluation.submittable();
            List<Finding> findings = MaterialFindings.of(o, evaluation);
            String fingerprint = fingerprint(findings);
            boolean changed = (ready ? !o.publishedReady || o.publishedVersion == null
                    || o.publishedVersion != o.materialsVersion : o.publishedReady)
                    || !fingerprint.equals(o.publishedFindings);
            if (!changed || !o.state.contentsEditable()) {
                return Uni.createFrom().voidItem();
            }
            o.publishedReady = ready;
            o.publishedVersion = o.materialsVersion;
            o.publishedFindings = fingerprint;
            LOG.debugf("Order %s materials ready=%s at version %d", o.orderId, ready, o.materialsVersion);
            return outbox.append(EventType.ORDER_MATERIALS_READINESS_CHANGED,
                    new PartReady(o.orderId.toString(), o.materialsVersion, ready, clock.now(), findings))
                    .replaceWithVoid();
        });
    }

    /** What tells one list of findings from another (their rules, fields and weights), short enough for a column. */
    static String fingerprint(List<Finding> findings) {
        StringBuilder seen = new StringBuilder();
        findings.forEach(f -> seen.append(f.ruleId()).append('|').append(f.fieldKey()).append('|')
                .append(f.severity()).append('\n'));
        return Fingerprints.of(seen.toString(), 16);
    }

    private void checkOwner(OrderProjection o, String ownerRef) {
        var match = ownerRef == null ? null : OWNER.matcher(ownerRef);
        if (match == null || !match.matches()) {
            throw ProblemException.invalidFields(List.of(FieldViolation.of("ownerRef", "OWNER_REF_INVALID",
                    "field.owner-ref-invalid")));
        }
        String website = match.group(1);
        if (website != null && readiness.websites(o).stream().noneMatch(w -> website.equals(w.websiteId()))) {
            throw ProblemException.invalidFields(List.of(FieldViolation.of("ownerRef", "WEBSITE_NOT_IN_ORDER",
                    "field.website-not-in-order", website)));
        }
    }
}
