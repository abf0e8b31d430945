package cn.beian.materials.service;

import cn.beian.contract.events.materials.PhotoSubmitted;
import cn.beian.materials.domain.Material;
import cn.beian.materials.domain.MaterialRead;
import cn.beian.materials.domain.MaterialStatus;
import cn.beian.materials.domain.OrderProjection;
import cn.beian.materials.repository.MaterialReadRepository;
import cn.beian.materials.repository.MaterialRepository;
import cn.beian.materials.repository.OrderProjectionRepository;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.platform.problem.FieldViolation;
import cn.beian.platform.problem.ProblemException;
import cn.beian.platform.problem.ProblemType;
import cn.beian.time.BeianClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads of an order's materials and its missing list, with the ownership check and the reviewers' read log. */
@ApplicationScoped
public class MaterialReads {

    private final OrderProjectionRepository orders;
    private final MaterialRepository materials;
    private final MaterialReadRepository reads;
    private final Readiness readiness;
    private final OutboxWriter outbox;
    private final BeianClock clock;

    public MaterialReads(OrderProjectionRepository orders, MaterialRepository materials, MaterialReadRepository reads,
            Readiness readiness, OutboxWriter outbox, BeianClock clock) {
        this.orders = orders;
        this.materials = materials;
        this.reads = reads;
        this.readiness = readiness;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record OrderMaterials(OrderProjection order, List<Material> materials, Readiness.Evaluation evaluation) {
    }

    @WithSession
    public Uni<OrderMaterials> overview(UUID orderId, Caller caller, boolean history) {
        return claimSeen(orderId, caller).chain(() -> orders.findById(orderId)).chain(o -> {
            OrderAccess.readable(o, caller);
            return materials.current(orderId).chain(current -> (history ? materials.history(orderId)
                    : Uni.createFrom().item(current))
                    .map(list -> new OrderMaterials(o, list, readiness.evaluate(o, current))));
        });
    }

    /** One stored file of a readable order; a reviewer's read is recorded in the same transaction. */
    @WithTransaction
    public Uni<Material> open(UUID orderId, UUID materialId, Caller caller, String via) {
        return claimSeen(orderId, caller).chain(() -> orders.findById(orderId)).chain(o -> {
            OrderAccess.readable(o, caller);
            return materials.findById(materialId).chain(m -> {
                if (m == null || !m.orderId.equals(orderId) || m.status != MaterialStatus.STORED) {
                    return Uni.createFrom().failure(ProblemException.notFound("Material"));
                }
                if (via == null || o.accountId.equals(caller.id())) {
                    return Uni.createFrom().item(m);
                }
                MaterialRead r = new MaterialRead();
                r.id = UUID.randomUUID();
                r.materialId = m.id;
                r.orderId = orderId;
                r.readerId = caller.id();
                r.role = caller.role();
                r.via = via;
                r.readAt = clock.now();
                return reads.persist(r).replaceWith(m);
            });
        });
    }

    /** The order's recorded staff reads (for the owner's and the reviewers' eyes). */
    @WithSession
    public Uni<List<MaterialRead>> readLog(UUID orderId, Caller caller) {
        return claimSeen(orderId, caller).chain(() -> orders.findById(orderId)).chain(o -> {
            OrderAccess.readable(o, caller);
            return reads.list("orderId = ?1 order by readAt", orderId);
        });
    }

    /**
     * A reviewer who has just claimed the order's case in review-service may ask before the claim's event reached
     * this service (another service, another topic): for a case under review that this reviewer does not hold
     * (yet), look again for up to about two seconds before judging. Never for applicants; a reviewer without the
     * claim gets the 404 after the wait.
     */
    private Uni<Void> claimSeen(UUID orderId, Caller caller) {
        if (!caller.reviewer()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> orders.stateAndClaim(orderId))
                .invoke(row -> {
                    if (row != null && CASE_STATES.contains(String.valueOf(row[0]))
                            && !caller.id().equals(row[1])) {
                        throw new ClaimNotSeen();
                    }
                })
                .onFailure(ClaimNotSeen.class).retry().withBackOff(Duration.ofMillis(50), Duration.ofMillis(300))
                .atMost(10)
                .onFailure(ClaimNotSeen.class).recoverWithNull()
                .replaceWithVoid();
    }

    /** States in which a review case is claimed by one reviewer. */
    private static final Set<String> CASE_STATES = Set.of("INITIAL_REVIEW", "PHOTO_REVIEW");

    private static final class ClaimNotSeen extends RuntimeException {
        ClaimNotSeen() {
            super(null, null, false, false);
        }
    }

    /**
     * The curtain photos are submitted for photo review (docs/domain.md §3.1 AWAITING_PHOTO / PHOTO_REJECTED →
     * PHOTO_REVIEW), by the applicant or by a reviewer acting as verification point; refused until each website
     * principal's photo is there.
     */
    @WithTransaction
    public Uni<PhotoSubmitted> submitPhotos(UUID orderId, Caller caller) {
        return orders.lock(orderId).chain(o -> {
            OrderAccess.writable(o, caller, cn.beian.materials.domain.MaterialKind.CURTAIN_PHOTO);
            return materials.current(orderId).chain(current -> {
                Readiness.Evaluation e = readiness.evaluate(o, current);
                List<FieldViolation> missing = e.missing().stream()
                        .filter(i -> i.requirement().kind().isCurtainPhoto())
                        .map(i -> FieldViolation.of(i.requirement().ownerRef(), "CURTAIN_PHOTO_MISSING",
                                "field.curtain-photo-missing"))
                        .toList();
                if (!missing.isEmpty()) {
                    return Uni.createFrom().failure(ProblemException.localized(ProblemType.VALIDATION_FAILED,
                            "detail.curtain-photos-missing", missing));
                }
                boolean byPoint = !o.accountId.equals(caller.id());
                PhotoSubmitted p = new PhotoSubmitted(orderId.toString(), caller.id(), byPoint,
                        clock.now());
                return outbox.append(p).replaceWith(p);
            });
        });
    }
}
