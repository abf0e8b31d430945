package cn.beian.website.service;

import cn.beian.website.repository.AccessJournal;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Fills the access policy from the journal when the replica starts, before any event from the topics is applied:
 * the journal holds every approval however long ago, the topics only their retention's worth. The topics' consumer
 * waits for {@link #loaded()}, so each aggregate's events reach the policy in sequence order.
 */
@ApplicationScoped
public class AccessPolicyLoader {

    private static final Logger LOG = Logger.getLogger(AccessPolicyLoader.class);
    private static final int PAGE = 2000;

    private final AccessJournal journal;
    private final AccessPolicy policy;
    private final CompletableFuture<Long> loaded = new CompletableFuture<>();

    public AccessPolicyLoader(AccessJournal journal, AccessPolicy policy) {
        this.journal = journal;
        this.policy = policy;
    }

    void onStart(@Observes StartupEvent event) {
        long t0 = System.nanoTime();
        loadJournal().onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(n -> {
                    LOG.infof("Access policy loaded %d journaled events in %d ms", n,
                            (System.nanoTime() - t0) / 1_000_000);
                    loaded.complete(n);
                }, loaded::completeExceptionally);
    }

    /** Completes (with the number of journaled events) once the journal is in the policy. */
    public CompletionStage<Long> loaded() {
        return loaded;
    }

    public boolean isLoaded() {
        return loaded.isDone() && !loaded.isCompletedExceptionally();
    }

    /** Applies the whole journal to the policy; answers how many events it held. */
    public Uni<Long> loadJournal() {
        return load(0, 0);
    }

    private Uni<Long> load(long afterId, long count) {
        return journal.page(afterId, PAGE).chain(page -> {
            for (AccessJournal.Entry e : page) {
                try {
                    policy.apply(e.source(), e.aggregateId(), e.sequence(), e.type(), e.data());
                } catch (RuntimeException ex) {
                    LOG.warnf("Access policy skipped journaled event %d: %s", e.id(), ex.toString());
                }
            }
            return page.size() < PAGE ? Uni.createFrom().item(count + page.size())
                    : load(page.get(page.size() - 1).id(), count + page.size());
        });
    }
}
