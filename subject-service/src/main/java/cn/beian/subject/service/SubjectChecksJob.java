package cn.beian.subject.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Runs {@link SubjectChecks} rounds every {@code beian.subject-checks.every} (1 h) in every replica, on the movable
 * {@code BeianClock}; {@code POST /api/v1/admin/subject-checks/run} runs one at once. Replicas share the subjects due
 * through row locks, so each finding is raised once.
 */
@ApplicationScoped
public class SubjectChecksJob {

    private static final Logger LOG = Logger.getLogger(SubjectChecksJob.class);

    private final SubjectChecks checks;

    public SubjectChecksJob(SubjectChecks checks) {
        this.checks = checks;
    }

    @Scheduled(identity = "subject-checks", every = "${beian.subject-checks.every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRound() {
        return checks.runRound()
                .invoke(r -> {
                    if (r.raised() + r.resolved() > 0) {
                        LOG.infof("Subject checks: %s", r);
                    }
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Subject checks round failed, will retry: %s", e.toString());
                    return null;
                })
                .replaceWithVoid();
    }
}
