package cn.beian.website.service;

import cn.beian.contract.events.website.WebsiteProbeFindingRaised;
import cn.beian.contract.events.website.WebsiteProbeFindingResolved;
import cn.beian.platform.outbox.OutboxWriter;
import cn.beian.website.domain.FiledWebsite;
import cn.beian.website.domain.ProbeFinding;
import cn.beian.website.domain.ProbeFindingKind;
import cn.beian.website.repository.ProbeRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Opens and resolves a filed website's probe findings, each announced once ({@code website.probe-finding-raised},
 * {@code website.probe-finding-resolved}), in the caller's transaction and under its lock of the website's row: a
 * probe's results ({@link WebsiteProbeService}) and an account's undeliverable mobiles ({@link UndeliverableMobiles})
 * write them alike.
 */
@ApplicationScoped
public class ProbeFindingWriter {

    private static final Logger LOG = Logger.getLogger(ProbeFindingWriter.class);

    private final ProbeRepository probes;
    private final OutboxWriter outbox;

    public ProbeFindingWriter(ProbeRepository probes, OutboxWriter outbox) {
        this.probes = probes;
        this.outbox = outbox;
    }

    /** A new open finding of the website, first seen now (the website has none of its kind open). */
    public ProbeFinding open(FiledWebsite f, ProbeFindingKind kind, String domain, String detail, OffsetDateTime now) {
        ProbeFinding x = new ProbeFinding();
        x.id = UUID.randomUUID();
        x.filedWebsiteId = f.id;
        x.kind = kind;
        x.domain = domain;
        x.detail = detail;
        x.firstSeenAt = now;
        x.lastSeenAt = now;
        return x;
    }

    /** Persists a finding made by {@link #open} and announces it. */
    public Uni<Void> raise(FiledWebsite f, ProbeFinding x) {
        LOG.infof("Filed website %s (%s): new finding %s: %s", f.id, f.websiteFilingNumber, x.kind, x.detail);
        return probes.persist(x).chain(() -> outbox.append(new WebsiteProbeFindingRaised(x.id.toString(),
                f.id.toString(), f.orderId.toString(), f.accountId, f.websiteFilingNumber, f.name, x.domain,
                x.kind.name(), x.detail, x.firstSeenAt))).replaceWithVoid();
    }

    /** Resolves an open finding (a managed entity) and announces it. */
    public Uni<Void> resolve(FiledWebsite f, ProbeFinding o, OffsetDateTime now) {
        o.resolvedAt = now;
        return outbox.append(new WebsiteProbeFindingResolved(o.id.toString(), f.id.toString(), f.orderId.toString(),
                f.accountId, f.websiteFilingNumber, o.kind.name(), now)).replaceWithVoid();
    }
}
