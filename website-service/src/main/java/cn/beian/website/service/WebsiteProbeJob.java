package cn.beian.website.service;

import cn.beian.time.BeianClock;
import cn.beian.website.config.WebsiteConfig;
import cn.beian.website.repository.FiledWebsiteRepository;
import cn.beian.website.repository.ProbeRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Probes every active filed website once per {@code beian.website.probe.period} (a day), each at its own moment of
 * the period so the load is even. Safe on every replica at once: a round claims the due websites with
 * {@code for update skip locked} and pushes their turn past a lease in that same short transaction, so no other
 * replica takes them; a replica that dies mid-round leaves them to be taken again when the lease ends. The sites are
 * fetched outside any transaction, {@code concurrency} at a time; each website's results are then written on their
 * own.
 */
@ApplicationScoped
public class WebsiteProbeJob {

    private static final Logger LOG = Logger.getLogger(WebsiteProbeJob.class);

    private final ProbeRepository probes;
    private final FiledWebsiteRepository filed;
    private final WebsiteProbeService service;
    private final WebsiteConfig.Probe config;
    private final BeianClock clock;

    public WebsiteProbeJob(ProbeRepository probes, FiledWebsiteRepository filed, WebsiteProbeService service,
            WebsiteConfig config, BeianClock clock) {
        this.probes = probes;
        this.filed = filed;
        this.service = service;
        this.config = config.probe();
        this.clock = clock;
    }

    @Scheduled(identity = "website-probe", every = "${beian.website.probe.every:30s}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> round() {
        return probeDue()
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Probe round failed, its websites are taken again when their lease ends: %s",
                            e.toString());
                    return 0;
                })
                .replaceWithVoid();
    }

    /** Claims and probes the websites due now (one batch); answers how many were probed. */
    public Uni<Integer> probeDue() {
        OffsetDateTime now = clock.now();
        return Panache.withTransaction(() -> probes.claimDue(now, now.plus(config.lease()), config.batch()))
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0) : probe(claimed));
    }

    private Uni<Integer> probe(List<ProbeRepository.Claimed> claimed) {
        Map<UUID, OffsetDateTime> due = claimed.stream().collect(Collectors.toMap(ProbeRepository.Claimed::id,
                ProbeRepository.Claimed::dueAt));
        return Panache.withSession(() -> filed.list("id in ?1", List.copyOf(due.keySet())).chain(service::targets))
                .chain(sites -> Multi.createFrom().iterable(sites)
                        // the network, concurrently; no session is open meanwhile
                        .onItem().transformToUni(t -> Uni.createFrom().deferred(() -> service.fetch(t))
                                .map(v -> Map.entry(t.website(), v))
                                // one website that cannot be probed (an unreadable record) must not cost the
                                // others their round: it keeps its claim and is taken again when the lease ends
                                .onFailure().recoverWithItem(e -> {
                                    LOG.warnf("Filed website %s not probed, tried again after the lease: %s",
                                            t.website().id,
                                            e.toString());
                                    return null;
                                }))
                        .merge(Math.max(1, config.concurrency()))
                        .filter(Objects::nonNull)
                        .collect().asList())
                .chain(fetched -> Multi.createFrom().iterable(fetched)
                        // the writes, one website after the other (one session at a time on this context)
                        .onItem().transformToUniAndConcatenate(e -> service.record(e.getKey().id, e.getValue(),
                                due.get(e.getKey().id)))
                        .collect().asList())
                .map(List::size);
    }

}
