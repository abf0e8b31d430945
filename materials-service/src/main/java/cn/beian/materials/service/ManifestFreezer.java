package cn.beian.materials.service;

import cn.beian.contract.events.EventType;
import cn.beian.contract.events.snapshot.MaterialsManifestFrozen;
import cn.beian.contract.findings.Finding;
import cn.beian.materials.domain.Material;
import cn.beian.materials.domain.OrderProjection;
import cn.beian.materials.domain.Requirement;
import cn.beian.materials.repository.MaterialRepository;
import cn.beian.platform.inbox.MalformedEventException;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.time.BeianClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * On SUBMIT/RESUBMIT, publishes material.manifest-frozen with the files that stood for each slot at exactly the
 * materials version subject-service named (docs/architecture.md → Submission), so an upload racing the submit never
 * slips into what reviewers see. Requirements still missing at that version, and those only a reviewer can judge,
 * go along as findings.
 */
@ApplicationScoped
public class ManifestFreezer {

    private final MaterialRepository materials;
    private final Readiness readiness;
    private final OutboxWriter outbox;
    private final BeianClock clock;

    public ManifestFreezer(MaterialRepository materials, Readiness readiness, OutboxWriter outbox, BeianClock clock) {
        this.materials = materials;
        this.readiness = readiness;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> freeze(OrderProjection o, long version) {
        if (version > o.materialsVersion || version < 0) {
            return Uni.createFrom().failure(new MalformedEventException("order " + o.orderId
                    + " has no materials version " + version + " (latest " + o.materialsVersion + ")"));
        }
        return materials.atVersion(o.orderId, version).chain(frozen -> {
            List<MaterialsManifestFrozen.Material> items = frozen.stream().map(ManifestFreezer::item).toList();
            List<Finding> findings = new ArrayList<>();
            for (Readiness.Item i : readiness.evaluate(o, frozen).items()) {
                Requirement r = i.requirement();
                String rule = r.rules().isEmpty() ? null : r.rules().get(r.rules().size() - 1);
                if (!r.blocking()) {
                    findings.add(new Finding(rule, r.fieldKey(), Finding.Severity.WARNING,
                            r.reason() + "（" + r.condition() + "）"));
                } else if (!i.provided() && r.stage() == Requirement.Stage.SUBMISSION) {
                    findings.add(new Finding(rule, r.fieldKey(), Finding.Severity.BLOCKING,
                            "缺少材料：" + r.reason()));
                }
            }
            return outbox.append(EventType.MATERIALS_MANIFEST_FROZEN, new MaterialsManifestFrozen(
                    o.orderId.toString(), version, items, findings, clock.now())).replaceWithVoid();
        });
    }

    private static MaterialsManifestFrozen.Material item(Material m) {
        return new MaterialsManifestFrozen.Material(m.id.toString(), m.kind.name(), m.ownerRef, m.version, m.sha256,
                m.contentType, m.sizeBytes, m.storedAt);
    }
}
