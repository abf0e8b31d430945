package cn.beian.website.service;

import cn.beian.contract.events.snapshot.FieldChange;
import cn.beian.contract.events.snapshot.WebsitesSnapshotFrozen;
import cn.beian.contract.findings.Finding;
import cn.beian.platform.inbox.MalformedEventException;
import cn.beian.platform.json.Json;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.time.BeianClock;
import cn.beian.website.domain.OrderProjection;
import cn.beian.website.repository.WebsitesVersionRepository;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * On SUBMIT/RESUBMIT, freezes exactly the version of the order's websites subject-service named and publishes it
 * (website.snapshot-frozen), so an edit racing the submission never slips into what reviewers see. A CHANGE order's
 * snapshot carries the diff of that version against the approved websites ({@code changes}).
 */
@ApplicationScoped
public class WebsitesSnapshotFreezer {

    private static final TypeReference<List<WebsitesSnapshotFrozen.Website>> SNAPSHOT = new TypeReference<>() {
    };
    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final WebsitesVersionRepository versions;
    private final OutboxWriter outbox;
    private final Json json;
    private final BeianClock clock;

    public WebsitesSnapshotFreezer(WebsitesVersionRepository versions, OutboxWriter outbox, Json json,
            BeianClock clock) {
        this.versions = versions;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** Runs in the consumer's transaction, {@code o} locked by it. */
    public Uni<Void> freeze(OrderProjection o, long version) {
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
                    json.read(v.findings, FINDINGS), now, v.changes == null ? List.of() : json.read(v.changes, CHANGES));
            return versions.persist(v).chain(() -> outbox.append(payload)).replaceWithVoid();
        });
    }
}
