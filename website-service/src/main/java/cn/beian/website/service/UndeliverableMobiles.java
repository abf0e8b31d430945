package cn.beian.website.service;

import cn.beian.contract.events.account.MobileConfirmed;
import cn.beian.contract.events.account.MobileUndeliverable;
import cn.beian.platform.inbox.MalformedEventException;
import cn.beian.platform.json.Json;
import cn.beian.time.BeianClock;
import cn.beian.website.domain.FiledWebsite;
import cn.beian.website.domain.ProbeFinding;
import cn.beian.website.domain.ProbeFindingKind;
import cn.beian.website.domain.WebsiteContent;
import cn.beian.website.repository.FiledWebsiteRepository;
import cn.beian.website.repository.ProbeRepository;
import cn.beian.website.repository.UndeliverableMobileRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The probe finding {@code MOBILE_UNDELIVERABLE} at {@code principal.mobile}: notification-service's
 * {@code mobile.undeliverable.v1} says an account's mobile no longer receives SMS; it is recorded
 * ({@code undeliverable_mobile}), and the account's active filed websites whose own principal has that mobile get the
 * finding at once (announced once, as every probe finding). A later {@code mobile.confirmed.v1} of that mobile clears
 * the record and resolves their findings. Each probe observes the same record ({@link WebsiteProbeService}), so a
 * change filing that gives the website principal another mobile resolves it at the website's next probe.
 */
@ApplicationScoped
public class UndeliverableMobiles {

    private static final Logger LOG = Logger.getLogger(UndeliverableMobiles.class);
    /** The website's field the finding is about. */
    static final String FIELD = "principal.mobile";

    private final UndeliverableMobileRepository mobiles;
    private final FiledWebsiteRepository filed;
    private final ProbeRepository probes;
    private final ProbeFindingWriter findings;
    private final Json json;
    private final BeianClock clock;

    public UndeliverableMobiles(UndeliverableMobileRepository mobiles,
            FiledWebsiteRepository filed, ProbeRepository probes,
            ProbeFindingWriter findings, Json json, BeianClock clock) {
        this.mobiles = mobiles;
        this.filed = filed;
        this.probes = probes;
        this.findings = findings;
        this.json = json;
        this.clock = clock;
    }

    /** Applies {@code mobile.undeliverable.v1} (inside the idempotent consumer's transaction). */
    public Uni<Void> undeliverable(MobileUndeliverable e) {
        if (e == null || blank(e.accountId()) || blank(e.mobileKey()) || e.detectedAt() == null) {
            throw new MalformedEventException("mobile.undeliverable.v1 without accountId, mobileKey or detectedAt");
        }
        return mobiles.undeliverable(e.accountId(), e.mobileKey(), e.errorCode(), e.detectedAt())
                .chain(recorded -> recorded ? observe(e.accountId()) : Uni.createFrom().voidItem());
    }

    /**
     * Applies {@code mobile.confirmed.v1} after {@link MobileConfirmations} (which refuses a malformed one): the
     * mobile detected undeliverable before that confirmation is cleared, and its findings resolved.
     */
    public Uni<Void> confirmed(MobileConfirmed e) {
        if (e == null || blank(e.accountId()) || blank(e.mobileKey()) || e.confirmedAt() == null) {
            return Uni.createFrom().voidItem();
        }
        return mobiles.confirmed(e.accountId(), e.mobileKey(), e.confirmedAt())
                .chain(cleared -> cleared ? observe(e.accountId()) : Uni.createFrom().voidItem());
    }

    /**
     * Raises or resolves {@code MOBILE_UNDELIVERABLE} on each of the account's active filed websites as the record
     * says now, under the websites' row locks (as a probe writes them); other kinds are left to the probes.
     */
    private Uni<Void> observe(String accountId) {
        OffsetDateTime now = clock.now();
        return mobiles.ofAccount(accountId).chain(undeliverable -> filed.activeLocked(accountId)
                .chain(sites -> sites.isEmpty() ? Uni.createFrom().voidItem()
                        : probes.openOf(sites.stream().map(f -> f.id).toList()).chain(open -> {
                            Uni<Void> writes = Uni.createFrom().voidItem();
                            for (FiledWebsite f : sites) {
                                writes = writes.chain(() -> observe(f, open, undeliverable, now));
                            }
                            return writes;
                        })));
    }

    private Uni<Void> observe(FiledWebsite f, List<ProbeFinding> open, Map<String, String> undeliverable,
            OffsetDateTime now) {
        Optional<PageJudge.Observation> seen = WebsiteProbeService.mobileUndeliverable(
                json.read(f.content, WebsiteContent.class), undeliverable);
        Optional<ProbeFinding> current = open.stream()
                .filter(o -> o.filedWebsiteId.equals(f.id) && o.kind == ProbeFindingKind.MOBILE_UNDELIVERABLE)
                .findFirst();
        if (seen.isPresent() && current.isEmpty()) {
            return findings.raise(f, findings.open(f, ProbeFindingKind.MOBILE_UNDELIVERABLE, null,
                    seen.get().detail(), now));
        }
        if (seen.isEmpty() && current.isPresent()) {
            LOG.infof("Filed website %s (%s): the principal's mobile receives SMS again", f.id, f.websiteFilingNumber);
            return findings.resolve(f, current.get(), now);
        }
        current.ifPresent(o -> o.lastSeenAt = now);
        return Uni.createFrom().voidItem();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
